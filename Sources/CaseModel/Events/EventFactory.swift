import Foundation

/// Makes the events of one signed-in user on one device: fresh ids, the author, the device and
/// the next hybrid-logical-clock timestamp. The app keeps one factory per session.
public struct EventFactory: Sendable {
    public let author: String
    public let device: DeviceID
    public private(set) var clock: HybridLogicalClock
    private var seeded: SeededGenerator?
    private let wallMillis: @Sendable () -> UInt64

    /// - Parameters:
    ///   - clock: continue from the latest timestamp seen in the log, so new events sort after it.
    ///   - seed: a fixed seed makes ids reproducible (tests, demo data); nil uses the system's
    ///     secure generator.
    ///   - wallMillis: the wall clock, injectable for tests.
    public init(
        author: String, device: DeviceID, clock: HybridLogicalClock = HybridLogicalClock(), seed: UInt64? = nil,
        wallMillis: @escaping @Sendable () -> UInt64 = { HybridLogicalClock.millis(Date()) }
    ) {
        self.author = author
        self.device = device
        self.clock = clock
        self.seeded = seed.map(SeededGenerator.init(seed:))
        self.wallMillis = wallMillis
    }

    /// An event with this factory's author, device and the next timestamp.
    public mutating func make(_ body: EventBody) -> Event {
        let time = clock.tick(wallMillis: wallMillis())
        return Event(id: nextID(), author: author, time: time, device: device, body: body)
    }

    /// A fresh random identifier (for a new case).
    public mutating func nextID<Tag>() -> Identifier<Tag> {
        if var generator = seeded {
            defer { seeded = generator }
            return .random(using: &generator)
        }
        return .random()
    }

    /// The events of a first save: the case is opened, then its answers are set.
    /// `openedOn` decides the year of the case number; it defaults to the intake date.
    /// `number` is the case number to claim (see `CaseStore.nextCaseNumber(year:)`).
    public mutating func openCase(values: [FieldKey: FieldValue], openedOn: CalendarDate, caseID: CaseID? = nil,
                                  number: CaseNumber? = nil) -> [Event] {
        let id = caseID ?? nextID()
        let opened = make(.caseOpened(caseID: id, openedOn: values[.intakeDate]?.date ?? openedOn, number: number))
        guard let set = setFields(of: id, from: [:], to: values) else { return [opened] }
        return [opened, set]
    }

    /// A `fieldsSet` event with only the fields that differ, each with the value it replaces;
    /// nil when nothing changed.
    public mutating func setFields(of caseID: CaseID, from old: [FieldKey: FieldValue], to new: [FieldKey: FieldValue]) -> Event? {
        let changes = Self.changes(from: old, to: new)
        return changes.isEmpty ? nil : make(.fieldsSet(caseID: caseID, changes: changes))
    }

    /// The changed fields between two sets of answers, in key order (deterministic).
    public static func changes(from old: [FieldKey: FieldValue], to new: [FieldKey: FieldValue]) -> [FieldChange] {
        var keys = Array(new.keys)
        for key in old.keys where new[key] == nil { keys.append(key) }
        return keys.sorted()
            .filter { old[$0] != new[$0] }
            .map { FieldChange(key: $0, old: old[$0], new: new[$0]) }
    }
}
