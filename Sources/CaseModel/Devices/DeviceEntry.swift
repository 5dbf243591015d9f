/// A laptop of a case file that several laptops share, as its naming and revocation events say.
public struct DeviceEntry: Sendable, Equatable {
    public let device: DeviceID
    /// Its last name (nil until it is named).
    public private(set) var name: String?
    /// Its log's file name in the shared folder.
    public private(set) var log: String?
    /// Who named it first, and when: when it joined (or the case file was made on it).
    public private(set) var joinedBy: String?
    public private(set) var joinedAt: HLCTimestamp?
    /// Set once it was revoked; the first revocation in merge order stands.
    public private(set) var revocation: Revocation?

    public struct Revocation: Sendable, Equatable {
        public let by: String
        public let at: HLCTimestamp
        public let lastSequence: UInt64
        public let reason: String
    }

    public init(device: DeviceID) { self.device = device }

    mutating func named(_ name: String, log: String, by event: Event) {
        self.name = name
        self.log = log
        if joinedAt == nil {
            joinedBy = event.author
            joinedAt = event.time
        }
    }

    mutating func revoked(log: String, lastSequence: UInt64, reason: String, by event: Event) {
        if self.log == nil { self.log = log }
        guard revocation == nil else { return }
        revocation = Revocation(by: event.author, at: event.time, lastSequence: lastSequence, reason: reason)
    }

    public var isRevoked: Bool { revocation != nil }
}
