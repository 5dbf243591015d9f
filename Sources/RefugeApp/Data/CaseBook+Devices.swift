import CaseModel
import EventLog
import Foundation

/// What the revocations among a shared folder's events hold back: the rule is CaseModel's
/// `Revocations`; this applies it to the records as read from each log, and counts per log what
/// was not applied (kept in the file, never deleted, reported as coming from a revoked laptop).
public struct RevocationReport: Sendable {
    let rule: Revocations
    /// Per log file name: records not applied.
    public let withheld: [String: Int]

    init() {
        rule = Revocations()
        withheld = [:]
    }

    init(own: [(DecodedEvent, UInt64?)], ownLog: String, peers: [(DecodedEvent, UInt64?)],
         origins: [(log: String, sequence: UInt64)]) {
        var records: [Revocations.Record] = []
        for (decoded, sequence) in own {
            if let event = decoded.event { records.append(.init(event: event, log: ownLog, sequence: sequence ?? 0)) }
        }
        for ((decoded, _), origin) in zip(peers, origins) {
            if let event = decoded.event { records.append(.init(event: event, log: origin.log, sequence: origin.sequence)) }
        }
        let rule = Revocations(of: records)
        var withheld: [String: Int] = [:]
        if !rule.isEmpty {
            for (_, sequence) in own where !rule.applies(ownLog, sequence ?? 0) { withheld[ownLog, default: 0] += 1 }
            for origin in origins where !rule.applies(origin.log, origin.sequence) { withheld[origin.log, default: 0] += 1 }
        }
        self.rule = rule
        self.withheld = withheld
    }

    /// The records of `events` that the rule applies; `log` and `sequence` say where the i-th came from.
    func applied(_ events: [(DecodedEvent, UInt64?)], log: (Int) -> String, sequence: (Int) -> UInt64) -> [(DecodedEvent, UInt64?)] {
        guard !rule.isEmpty else { return events }
        return events.indices.filter { rule.applies(log($0), sequence($0)) }.map { events[$0] }
    }

    /// Whether `log` was revoked (whatever the revocation cut off).
    public func revokes(_ log: String) -> Bool { rule.cuts[log] != nil }
}

/// One laptop as `refuge device list` shows it.
public struct DeviceListing: Sendable, Equatable {
    public let device: DeviceID
    public let name: String?
    public let log: String?
    public let joinedBy: String?
    public let joinedAt: HLCTimestamp?
    public let lastWrite: HLCTimestamp?
    public let eventCount: Int
    public let revocation: DeviceEntry.Revocation?
    /// Records of its log not applied because it was revoked.
    public let withheld: Int
    public let isThisLaptop: Bool
}

extension CaseBook {
    /// Names this laptop (the last name stands); the name is what History, `sync status` and
    /// `device list` show for it. Any user may name the laptop they work on.
    public func nameThisLaptop(_ name: String) throws {
        let clean = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !clean.isEmpty, clean.count <= 40, !clean.contains(where: \.isNewline) else { throw NotPermitted.noSuchDevice(name) }
        try record([.deviceNamed(device: device, log: log.logFileName, name: clean)])
    }

    /// The laptop named `name` (or whose log or device id starts with it).
    func laptop(named name: String) -> DeviceEntry? {
        let wanted = name.precomposedStringWithCanonicalMapping
        let entries = store.devices.values.sorted { $0.device < $1.device }
        return entries.first { $0.name == wanted }
            ?? entries.first { !wanted.isEmpty && ($0.log?.hasPrefix(wanted) == true || $0.device.description.hasPrefix(wanted)) }
    }

    /// Revokes a lost or stolen laptop (coordinators only): what its log holds up to the last
    /// record this laptop has seen stays; anything after is never applied, on every laptop.
    public func revokeLaptop(named name: String, reason: String) throws {
        try requireCoordinator("revoke laptops")
        guard let entry = laptop(named: name), let target = entry.log else { throw NotPermitted.noSuchDevice(name) }
        guard target != log.logFileName, entry.device != device else { throw NotPermitted.revokingThisLaptop }
        let seen = log.peers.first { $0.fileName == target }?.lastSequence ?? 0
        try record([.deviceRevoked(device: entry.device, log: target, lastSequence: seen, reason: reason)])
    }

    /// Every laptop that wrote to the case file or was named, this one first.
    public func laptops() throws -> [DeviceListing] {
        struct Tally { var count = 0; var last: HLCTimestamp?; var log: String? }
        var tallies: [DeviceID: Tally] = [:]
        func count(_ event: Event, in log: String) {
            tallies[event.device, default: Tally()].count += 1
            if tallies[event.device]!.last.map({ event.time > $0 }) ?? true { tallies[event.device]!.last = event.time }
            if tallies[event.device]!.log == nil { tallies[event.device]!.log = log }
        }
        try log.forEachRecord { record in if let event = record.event.event { count(event, in: self.log.logFileName) } }
        for (decoded, origin) in zip(peerRecords, peerOrigins) {
            if let event = decoded.event { count(event, in: origin.log) }
        }
        let ids = Set(tallies.keys).union(store.devices.keys)
        return ids.map { id in
            let entry = store.devices[id]
            let tally = tallies[id] ?? Tally()
            let logName = entry?.log ?? tally.log
            return DeviceListing(device: id, name: entry?.name, log: logName, joinedBy: entry?.joinedBy, joinedAt: entry?.joinedAt,
                                 lastWrite: tally.last, eventCount: tally.count, revocation: entry?.revocation,
                                 withheld: logName.map { revocations.withheld[$0] ?? 0 } ?? 0, isThisLaptop: id == device)
        }.sorted { ($0.isThisLaptop ? 0 : 1, $0.name ?? "~", $0.device.description) < ($1.isThisLaptop ? 0 : 1, $1.name ?? "~", $1.device.description) }
    }

    /// The names of the laptops, for History and `sync status`.
    public var laptopNames: [DeviceID: String] { store.devices.compactMapValues(\.name) }

    /// The name of the laptop that writes `logFileName`, if it was named.
    public func laptopName(writing logFileName: String) -> String? {
        store.devices.values.first { $0.log == logFileName }?.name
    }
}
