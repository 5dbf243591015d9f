import CaseModel
import Crypto
import EventLog
import Foundation

/// The open case file: the encrypted event log, the cases replayed from it, and who is signed in.
///
/// Every change goes through `record`, which appends the events durably and only then folds them
/// into `store`, so what the screens show is always what the log holds.
public final class CaseBook {
    public internal(set) var log: EventLog
    public internal(set) var store: CaseStore
    public let user: String
    public let device: DeviceID
    var factory: EventFactory
    /// Dates ("today") for validation and new events; injectable for tests.
    public let calendar: ValidationContext
    /// This open moved the pseudonym secret of an older case file into the log (worth saying once).
    public private(set) var movedPseudonymSecretIntoLog = false
    /// Events folded since the state was last written to the snapshot (or since the log was read
    /// from its start): the snapshot is written again when there are any.
    public private(set) var eventsSinceSnapshot = 0
    /// The records appended since the open (or the last reload) that `store` folded: a snapshot
    /// is written only when nothing was appended around the store (a streamed import is).
    private var foldedSinceOpen: [ClosedRange<UInt64>] = []
    /// The `importAbandoned` of an import that failed when the disk refused that too: the next
    /// append writes it first (see `importCases`).
    var unwrittenImportEnd: Event?
    /// The snapshot being written at a quiet moment (see `saveSnapshotInBackground`).
    private let snapshotInBackground = BackgroundSnapshotWrite()
    /// The full read of the frames a snapshot let the open skip (see `verifyInBackground`).
    let coveredFrames = CoveredFramesVerification()
    /// Where making or joining the case file moved a state directory that another case file had
    /// left at this place (see `EventLog.setAsideState`): worth a quiet note, nothing was lost.
    public var setAsideState: URL? { log.setAsideState ?? joinSetAside }
    private var joinSetAside: URL?
    /// In a shared folder: what the revocations among the events hold back (see `Revocations`).
    public private(set) var revocations = RevocationReport()
    /// In a shared folder: every other device's records as last read, revoked ones included, and
    /// where each came from (its log's file name and sequence number); replayed with this
    /// device's through `merge`, which holds back what revocations cut off.
    var peerRecords: [DecodedEvent] = []
    var peerOrigins: [(log: String, sequence: UInt64)] = []
    /// The other devices' logs as last read, and how they looked then (`takeInOtherLaptops`).
    var latestPeerReports: [PeerLogReport]?
    var peerLogsFingerprint: PeerLogsFingerprint?

    /// Sealed-file names beside the log.
    enum SealedName {
        static let device = "device"
        static let pseudonymSecret = "pseudonym-secret"
        static let demo = "demo"
        /// One draft per user, named by a hash keyed with the case file's pseudonym secret: plain
        /// ASCII, as sealed-file names must be, and telling nothing about the user to anyone
        /// without the data key (an unkeyed hash of a name confirms a guess).
        static func draft(for user: String, secret: [UInt8]) -> String {
            let code = HMAC<SHA256>.authenticationCode(for: Array(("draft:" + user.precomposedStringWithCanonicalMapping).utf8),
                                                       using: SymmetricKey(data: secret))
            return "draft-" + code.prefix(12).map { String(format: "%02x", $0) }.joined()
        }
        /// The name drafts had before: an unkeyed FNV-1a hash of the user name. Still read, so that
        /// a draft left by the previous version is not lost; removed when the draft is next saved.
        static func version1Draft(for user: String) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in user.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return "draft-" + String(hash, radix: 16)
        }
    }

    init(log: EventLog, store: CaseStore, user: String, device: DeviceID, calendar: ValidationContext) {
        self.log = log
        self.store = store
        self.user = user
        self.device = device
        self.calendar = calendar
        factory = Self.factory(user: user, device: device, after: store)
    }

    /// Makes events whose times sort after everything in `store`, whatever the history's dates.
    static func factory(user: String, device: DeviceID, after store: CaseStore) -> EventFactory {
        EventFactory(author: user, device: device, clock: HybridLogicalClock(latest: store.lastMergeKey?.time ?? .zero))
    }

    /// Creates a new case file in `directory` for `organisation`, with `user` as its first
    /// coordinator.
    ///
    /// With a `state` directory the case file is a folder that several devices may share (this
    /// device's own files go to `state`); without one, a data directory of one log (tests,
    /// benchmarks).
    public static func create(
        at directory: URL, state: URL? = nil, organisation: String, user: String, passphrase: String,
        kdf: KDFParameters = .standard, laptopName: String? = nil, calendar: ValidationContext = .current()
    ) throws -> CaseBook {
        let log = if let state {
            try EventLog.create(in: SharedFolder(folder: directory, state: state), user: user, passphrase: passphrase, kdf: kdf)
        } else {
            try EventLog.create(at: directory, user: user, passphrase: passphrase, kdf: kdf)
        }
        let book = CaseBook(log: log, store: CaseStore(history: .eventReferences), user: user,
                            device: try deviceID(of: log), calendar: calendar)
        _ = try book.pseudonymSecret()  // made now, so every export of this file pseudonymises alike
        try book.record([.organisationConfigured(name: organisation), .userAdded(name: user, role: .coordinator)])
        // A case file other laptops may join: this one gets its name now, as they do when they join.
        if state != nil { try book.nameThisLaptop(laptopName ?? Self.hostName) }
        return book
    }

    /// Opens the case file in `directory` as `user` and replays it.
    ///
    /// Each record is decoded and folded as the log's one verifying pass hands it over (a
    /// `ReplayStream`), so no array of every event is ever held; only a log merged from another
    /// device, whose events are not in merge order, is read a second time and replayed sorted. With
    /// `keepsHistory`, each case keeps only the sequence numbers of its events, and its history is
    /// rebuilt from the log when asked for (`history(of:)`).
    ///
    /// With a `state` directory (see `create`), the other devices' logs in the folder are read
    /// too, and the book replays the union of every device's events in merge order; their
    /// histories are then kept in memory, since only this device's log can be read back by
    /// sequence number.
    ///
    /// With `usesSnapshot`, the open starts from this device's snapshot of the replayed state when
    /// it matches the log, and reads only the frames after it; the frames it covers are then read
    /// and checked by `verifyInBackground()`, which the caller must start (the application does,
    /// once the case list is shown). Without it (every command), the open reads the whole log.
    public static func open(
        at directory: URL, state: URL? = nil, user: String, passphrase: String, mode: OpenMode = .readWrite,
        keepsHistory: Bool = true, usesSnapshot: Bool = false, calendar: ValidationContext = .current()
    ) throws -> CaseBook {
        var history: CaseStore.HistoryKeeping = keepsHistory ? .eventReferences : .none
        var stream = ReplayStream(history: history)
        var own: [(DecodedEvent, UInt64?)] = []
        var peers: [(DecodedEvent, UInt64?)] = []
        var folded = 0
        // This device's snapshot stands for its own log alone: with other devices' events to merge,
        // the logs are read whole.
        let resume: ((Data) -> Bool)? = !usesSnapshot ? nil : { data in
            guard peers.isEmpty, let restored = CaseStore(snapshot: data, history: history) else { return false }
            stream = ReplayStream(resuming: restored)
            return true
        }
        var peerOrigins: [(log: String, sequence: UInt64)] = []
        var peerRecords: [DecodedEvent] = []
        let log: EventLog
        if let state {
            // The other logs are read first: with any, this device's events are gathered for one merge.
            log = try EventLog.open(in: SharedFolder(folder: directory, state: state), user: user, passphrase: passphrase,
                                    mode: mode, snapshot: resume, eachRecord: { record in
                                        folded += 1
                                        if peers.isEmpty { stream.fold(record) } else { own.append((record.event, record.sequence)) }
                                    }, eachPeerRecord: { name, record in
                                        peers.append((record.event, nil))
                                        peerOrigins.append((name, record.sequence))
                                    })
        } else {
            log = try EventLog.open(at: directory, user: user, passphrase: passphrase, mode: mode, snapshot: resume) {
                folded += 1
                stream.fold($0)
            }
        }
        do {
            let store: CaseStore
            var revocations = RevocationReport()
            if peers.isEmpty {
                store = try finish(&stream, reading: log, history: history)
            } else {
                if history == .eventReferences { history = .entries }
                peerRecords = peers.map(\.0)
                (store, revocations) = merge(own: own, ownLog: log.logFileName, peers: peerRecords, origins: peerOrigins,
                                             history: history)
            }
            // A key slot opens nothing unless the log holds an active account for its user: a
            // slot added outside Refuge, or left behind, is refused. A damaged log (read-only,
            // for salvage) may have lost the record that added the user, so it is not asked.
            let name = user.precomposedStringWithCanonicalMapping
            guard !log.openingRead.damage.isEmpty
                || store.users.values.contains(where: { $0.name.precomposedStringWithCanonicalMapping == name && $0.isActive }) else {
                throw NotPermitted.noActiveAccount(user)
            }
            let device = try deviceID(of: log)
            let book = CaseBook(log: log, store: store, user: user, device: device, calendar: calendar)
            book.peerRecords = peerRecords
            book.peerOrigins = peerOrigins
            // A command's open read the log whole and wrote no snapshot: it writes one only if it
            // appends (commands stay quick); the application writes one whenever it folded anything.
            book.eventsSinceSnapshot = usesSnapshot ? folded : 0
            book.revocations = revocations
            book.movedPseudonymSecretIntoLog = try book.keepPseudonymSecretInTheLog()
            return book
        } catch {
            log.close()
            throw error
        }
    }

    /// Gives this computer its own log in a shared folder that another computer made (copied or
    /// synced here), unlocked by a user's passphrase, and opens the case file.
    public static func join(
        at directory: URL, state: URL, user: String, passphrase: String, laptopName: String? = nil,
        calendar: ValidationContext = .current()
    ) throws -> CaseBook {
        let joined = try EventLog.join(SharedFolder(folder: directory, state: state), user: user, passphrase: passphrase)
        let setAside = joined.setAsideState
        joined.close()
        let book = try open(at: directory, state: state, user: user, passphrase: passphrase, calendar: calendar)
        book.joinSetAside = setAside
        do {
            try book.nameThisLaptop(laptopName ?? hostName)
        } catch {
            book.close()
            throw error
        }
        return book
    }

    /// The computer's host name: the name a laptop gets when none is given.
    static var hostName: String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty ? "laptop" : String(name.prefix(40))
    }

    /// What opening read of the other computers' logs in a shared folder (empty otherwise).
    public var otherDevicesLogs: [PeerLogReport] { latestPeerReports ?? log.peers }

    /// The log read again and replayed, merged with the other devices' records as last read.
    func replayed(history: CaseStore.HistoryKeeping) throws -> CaseStore {
        if !peerRecords.isEmpty {
            var own: [(DecodedEvent, UInt64?)] = []
            try log.forEachRecord { own.append(($0.event, $0.sequence)) }
            let merged = Self.merge(own: own, ownLog: log.logFileName, peers: peerRecords, origins: peerOrigins, history: history)
            revocations = merged.revocations
            return merged.store
        }
        var stream = ReplayStream(history: history)
        try log.forEachRecord { stream.fold($0) }
        return try Self.finish(&stream, reading: log, history: history)
    }

    /// Every device's records replayed in merge order, each log's records after its revocation
    /// held back (the one rule every laptop applies, `Revocations`).
    static func merge(own: [(DecodedEvent, UInt64?)], ownLog: String, peers: [DecodedEvent],
                      origins: [(log: String, sequence: UInt64)],
                      history: CaseStore.HistoryKeeping) -> (store: CaseStore, revocations: RevocationReport) {
        let peerPairs = peers.map { ($0, UInt64?.none) }
        let revocations = RevocationReport(own: own, ownLog: ownLog, peers: peerPairs, origins: origins)
        let ownApplied = revocations.applied(own, log: { _ in ownLog }, sequence: { own[$0].1 ?? 0 })
        let peersApplied = revocations.applied(peerPairs, log: { origins[$0].log }, sequence: { origins[$0].sequence })
        return (CaseStore.replay(ownApplied + peersApplied, history: history), revocations)
    }

    /// The streamed store, or — for a merged log, whose events are not in merge order — the log
    /// read again, sorted into merge order, then folded.
    private static func finish(_ stream: inout ReplayStream, reading log: EventLog,
                               history: CaseStore.HistoryKeeping) throws -> CaseStore {
        if let store = stream.finish() { return store }
        var decoded: [(DecodedEvent, UInt64?)] = []
        try log.forEachRecord { decoded.append(($0.event, $0.sequence)) }
        return CaseStore.replay(decoded, history: history)
    }

    /// Who changed what in a case, when, from what to what, in merge order. Read back from the log
    /// for this one case (its events' frames, decrypted and checked again), since the book keeps
    /// only where each case's events are; a store that keeps entries answers from memory.
    public func history(of caseID: CaseID) throws -> [HistoryEntry] {
        guard store.historyKeeping == .eventReferences else { return store.history(of: caseID) }
        let references = store.eventReferences(of: caseID)
        let records = try log.records(withSequences: references)
        var bySequence: [UInt64: LogRecord] = [:]
        for record in records { bySequence[record.sequence] = record }
        let events = references.compactMap { bySequence[$0]?.event.event }
        return store.history(of: caseID, replaying: events)
    }

    /// This laptop's device id, kept sealed beside the log (made anew if it was lost).
    private static func deviceID(of log: EventLog) throws -> DeviceID {
        if let data = try log.readSealedFile(named: SealedName.device),
           let id = DeviceID(hex: String(decoding: data, as: UTF8.self)) {
            return id
        }
        let id: DeviceID = .random()
        if !log.isReadOnly { try log.writeSealedFile(named: SealedName.device, contents: Data(id.description.utf8)) }
        return id
    }

    public var isReadOnly: Bool { log.isReadOnly || coveredFrames.damage != nil }

    /// Reads and checks, in the background at the lowest priority, the frames the open skipped
    /// because the snapshot covered them, pausing while `typing` says keys are arriving; damage it
    /// finds makes the book read-only (`damageFoundAfterOpen`).
    public func verifyInBackground(pausingWhile typing: any TypingSignal = TypingPause()) {
        coveredFrames.start(reading: log, pausingWhile: typing)
    }

    /// Damage the background read found in frames the snapshot covered (nil: none found, or not
    /// finished yet).
    public var damageFoundAfterOpen: [DamagedRange]? { coveredFrames.damage }

    /// Waits until the background read is done (nothing to wait for when it was never started).
    public func waitForBackgroundVerification() { coveredFrames.waitUntilFinished() }

    /// The signed-in user's account as the log records it (nil for a user with a key slot but no
    /// account event, which only happens in a damaged or foreign log).
    public var account: UserAccount? { store.users[user] }

    public var isCoordinator: Bool { account?.role == .coordinator }

    // MARK: - Changing things

    /// Appends events for `bodies` durably (one batch when more than one) and folds them into the
    /// cases. Nothing is folded when the append fails.
    @discardableResult
    public func record(_ bodies: [EventBody]) throws -> [Event] {
        try append(bodies.map { factory.make($0) })
    }

    /// Appends already-made events (a first save makes two; an import many) as one batch, after
    /// the end of a failed import if that is still unwritten.
    @discardableResult
    public func append(_ events: [Event]) throws -> [Event] {
        let written = (unwrittenImportEnd.map { [$0] } ?? []) + events
        guard !written.isEmpty else { return [] }
        // Nothing is written to a file whose old frames are still being checked: a first save made
        // before the background read finished waits for its verdict.
        coveredFrames.waitUntilFinished()
        if coveredFrames.damage != nil { throw EventLogError.readOnly(reason: .damage) }
        // A laptop revoked by another adds nothing more: its records would never be applied.
        guard !revocations.revokes(log.logFileName) else { throw NotPermitted.revokedLaptop }
        let sequences = try log.appendBatch(written.map(EventCodec.encode).map { (type: $0.recordType, payload: $0.payload) })
        unwrittenImportEnd = nil
        eventsSinceSnapshot += written.count
        if let last = foldedSinceOpen.last, last.upperBound + 1 == sequences.lowerBound {
            foldedSinceOpen[foldedSinceOpen.count - 1] = last.lowerBound...sequences.upperBound
        } else {
            foldedSinceOpen.append(sequences)
        }
        var needsReplay = false
        for (event, sequence) in zip(written, sequences) where store.apply(event, reference: sequence) == .appliedOutOfOrder {
            needsReplay = true
        }
        if needsReplay { try reload() }
        return events
    }

    /// Appends a long history made elsewhere (a demo caseload), `batchSize` events per durable
    /// batch, then replays once: folding each batch in turn would replay the whole log whenever the
    /// history is older than what the book already holds.
    public func appendHistory(_ events: [Event], batchSize: Int = 2_000) throws {
        precondition(batchSize > 0, "a batch holds at least one event")
        for start in stride(from: 0, to: events.count, by: batchSize) {
            let encoded = events[start..<min(start + batchSize, events.count)].map(EventCodec.encode)
            try log.appendBatch(encoded.map { (type: $0.recordType, payload: $0.payload) })
        }
        eventsSinceSnapshot += events.count
        try reload()
        factory = Self.factory(user: user, device: device, after: store)
    }

    /// A new case from a first registration; returns its id.
    @discardableResult
    public func openCase(values: [FieldKey: FieldValue]) throws -> CaseID {
        let year = values[.intakeDate]?.date?.year ?? calendar.today.year
        let events = factory.openCase(values: values, openedOn: calendar.today, number: store.nextCaseNumber(year: year))
        try append(events)
        guard case .caseOpened(let id, _, _)? = events.first?.body else { preconditionFailure("openCase makes caseOpened first") }
        return id
    }

    /// Saves only the fields that changed from `base`, the answers as the user saw them (a form
    /// keeps those it opened with; by default the answers now). A field another laptop changed
    /// meanwhile is left as it is unless the user changed it too, which makes it a conflict to
    /// resolve, never a silent overwrite. Returns false when nothing changed.
    @discardableResult
    public func updateCase(_ id: CaseID, from base: [FieldKey: FieldValue]? = nil, to values: [FieldKey: FieldValue]) throws -> Bool {
        let old = base ?? store[id]?.values ?? [:]
        guard let event = factory.setFields(of: id, from: old, to: values) else { return false }
        try append([event])
        return true
    }

    /// A factory for events made outside the book (imports), continuing this book's clock.
    public func withFactory<T>(_ body: (inout EventFactory) throws -> T) rethrows -> T {
        try body(&factory)
    }

    /// Opens the log again with the key already held and replays it, reading every frame: after a
    /// failed write (a full disk, since cleared) stopped its writer — that write may still have
    /// reached the disk — and after the background read found damage the snapshot had hidden.
    public func reopenAndReplay() throws {
        let history = store.historyKeeping
        var stream = ReplayStream(history: history)
        log = try log.reopened { stream.fold($0) }
        store = peerRecords.isEmpty ? try Self.finish(&stream, reading: log, history: history)
            : try replayed(history: history)
        foldedSinceOpen = []
    }

    /// Re-reads the whole log (after events arrived out of order).
    public func reload() throws {
        let through = log.lastSequence
        store = try replayed(history: store.historyKeeping)
        foldedSinceOpen = through > 0 ? [1...through] : []
    }

    // MARK: - Sealed side files

    /// The secret behind pseudonymous ids in anonymised exports (stable for this case file), kept
    /// in the log so that it cannot be lost apart from it. It is made with the case file; one that
    /// is missing later is never made anew (every id would change).
    public func pseudonymSecret() throws -> [UInt8] {
        if let kept = log.keptValue(named: SealedName.pseudonymSecret) { return Array(kept) }
        if let sealed = try log.readSealedFile(named: SealedName.pseudonymSecret) { return Array(sealed) }
        guard store.caseCount == 0, log.openingRead.recordCount == 0, !log.isReadOnly else {
            throw NotPermitted.pseudonymSecretMissing
        }
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255) }
        try log.keep(Data(secret), named: SealedName.pseudonymSecret)
        return secret
    }

    /// Case files before the secret was kept in the log have it in a sealed side file: the first
    /// writable open moves it into the log (the side file stays, unused). True when this open did.
    private func keepPseudonymSecretInTheLog() throws -> Bool {
        guard !log.isReadOnly, log.keptValue(named: SealedName.pseudonymSecret) == nil,
              let sealed = try log.readSealedFile(named: SealedName.pseudonymSecret) else { return false }
        try log.keep(sealed, named: SealedName.pseudonymSecret)
        return true
    }

    /// The signed-in user's unsaved intake, sealed under the data key (never in clear).
    public func draft() throws -> Data? {
        try log.readSealedFile(named: draftName()) ?? log.readSealedFile(named: SealedName.version1Draft(for: user))
    }
    public func saveDraft(_ contents: Data) throws {
        try log.writeSealedFile(named: draftName(), contents: contents)
        try log.removeSealedFile(named: SealedName.version1Draft(for: user))
    }
    public func discardDraft() throws {
        try log.removeSealedFile(named: draftName())
        try log.removeSealedFile(named: SealedName.version1Draft(for: user))
    }
    private func draftName() throws -> String { SealedName.draft(for: user, secret: try pseudonymSecret()) }

    // MARK: - The snapshot

    /// Writes the replayed state beside the log (sealed under the data key, in this device's state
    /// directory) when events were folded since it was last written, so that the next open reads
    /// only what comes after. Never needed for correctness: a snapshot that cannot be written is
    /// left out, and an open without one reads the log. Not written for a log opened read-only, nor
    /// while other devices' events are merged in (the snapshot stands for this device's log alone).
    /// Waits for a write started in the background first.
    public func saveSnapshot() {
        waitForBackgroundSnapshot()
        guard isSnapshotDue, let state = store.snapshot() else { return }
        do {
            if try log.writeSnapshot(state, folded: isFoldedSinceOpen) {
                eventsSinceSnapshot = 0
            }
        } catch {
            // Best effort, as above; the log holds everything.
        }
    }

    /// `saveSnapshot` on a thread of its own, for a quiet moment of a session: returns at once, and
    /// the session goes on folding and saving meanwhile (`BackgroundSnapshotWrite`).
    public func saveSnapshotInBackground() {
        takeBackgroundSnapshotOutcome()
        guard !snapshotInBackground.isRunning, isSnapshotDue,
              let write = try? log.prepareSnapshot(folded: isFoldedSinceOpen) else { return }
        // The store as it stands, with the point just taken: the session's own copy goes on changing.
        snapshotInBackground.start(store, to: write, covering: eventsSinceSnapshot)
    }

    /// Waits until a snapshot started in the background is written (nothing to wait for when none is).
    public func waitForBackgroundSnapshot() {
        snapshotInBackground.waitUntilFinished()
        takeBackgroundSnapshotOutcome()
    }

    // Not while the frames the last snapshot covered are still being checked, nor after they
    // failed: a snapshot is written only from a log known to be whole.
    private var isSnapshotDue: Bool {
        eventsSinceSnapshot > 0 && !isReadOnly && coveredFrames.current != .running && peerRecords.isEmpty
    }

    private var isFoldedSinceOpen: (UInt64) -> Bool {
        let folded = foldedSinceOpen
        return { sequence in folded.contains { $0.contains(sequence) } }
    }

    private func takeBackgroundSnapshotOutcome() {
        if let written = snapshotInBackground.takeOutcome() { eventsSinceSnapshot = max(0, eventsSinceSnapshot - written) }
    }

    /// Writes the snapshot if due, closes the log and drops the keys from memory.
    public func close() {
        saveSnapshot()
        log.close()
    }
}

extension LogRecord {
    /// The case event this record holds (kept as unrecognised when this version cannot read it).
    var event: DecodedEvent { EventCodec.decode(recordType: type, payload: payload) }
}

extension ReplayStream {
    /// Folds one log record, remembering its sequence number for history on demand.
    mutating func fold(_ record: LogRecord) { fold(record.event, reference: record.sequence) }
}
