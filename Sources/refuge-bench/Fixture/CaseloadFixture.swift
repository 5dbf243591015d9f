import CaseModel
import EventLog
import Foundation
import RefugeApp

/// One caseload size written twice, from the same synthetic events as `refuge demo`: as a Refuge
/// data directory the way the app writes it (one durable append per save, so one frame per save),
/// and as the SQLite peer's database. The log is written on tmpfs, where a sync costs nothing, and
/// then copied to disk: the bytes are the same as a caseworker's, made in seconds instead of hours.
struct CaseloadFixture {
    static let user = SyntheticCaseload.coordinator
    static let passphrase = "correct horse battery staple"

    let size: Int
    let directory: URL
    let databasePath: String
    /// The final state, replayed without history: where queries and SQLite's rows come from.
    let store: CaseStore
    let eventCount: Int
    let saveCount: Int
    let logBytes: Int
    let generateSeconds: Double
    let writeLogSeconds: Double
    let writeDatabaseSeconds: Double

    static func build(size: Int, in workspace: Workspace, seed: UInt64 = 2026) throws -> CaseloadFixture {
        let (events, generateSeconds) = Stopwatch.time { SyntheticCaseload(seed: seed).events(caseCount: size) }
        let saves = Self.saves(events)
        let staging = workspace.inMemory("log-\(size)")
        let (logBytes, writeLogSeconds) = try Stopwatch.time {
            let book = try CaseBook.create(at: staging, organisation: "DEMO shelter", user: user,
                                           passphrase: passphrase, kdf: .fastForTests)
            defer { book.close() }
            for save in saves {
                try book.log.appendBatch(save.map(EventCodec.encode).map { (type: $0.recordType, payload: $0.payload) })
            }
            return Int(book.log.committedBytes)
        }
        let directory = try workspace.moveToDisk(staging, as: "log-\(size)")

        let store = CaseStore.replay(events, keepsHistory: false)
        let databasePath = workspace.onDisk("peer-\(size).sqlite").path
        let writeDatabaseSeconds = try Stopwatch.seconds {
            let peer = try SQLitePeer.create(at: databasePath)
            try peer.load(events: events, store: store)
            try peer.close()
        }
        return CaseloadFixture(size: size, directory: directory, databasePath: databasePath, store: store,
                               eventCount: events.count, saveCount: saves.count, logBytes: logBytes,
                               generateSeconds: generateSeconds, writeLogSeconds: writeLogSeconds,
                               writeDatabaseSeconds: writeDatabaseSeconds)
    }

    /// Groups events as the app saves them: a new case's opening and first fields together
    /// (`CaseBook.openCase` appends both in one batch), everything else alone.
    static func saves(_ events: [Event]) -> [[Event]] {
        var saves: [[Event]] = []
        saves.reserveCapacity(events.count)
        var index = 0
        while index < events.count {
            if case .caseOpened(let id, _, _) = events[index].body, index + 1 < events.count,
               case .fieldsSet(let next, _) = events[index + 1].body, next == id {
                saves.append([events[index], events[index + 1]])
                index += 2
            } else {
                saves.append([events[index]])
                index += 1
            }
        }
        return saves
    }
}
