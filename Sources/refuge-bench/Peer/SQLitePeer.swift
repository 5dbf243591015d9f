import CaseModel
import Foundation

/// The same caseload kept the way a careful developer would keep it in SQLite: WAL journal,
/// `synchronous=FULL` (every commit durable, like our appends), a `cases` table holding each case's
/// current list columns and a folded name key, and an `events` table holding every event's bytes
/// (the same payloads we encrypt; SQLite stores them in clear), each indexed.
final class SQLitePeer {
    let database: SQLiteDatabase
    private lazy var insertCase = try! database.prepare("""
        INSERT INTO cases(id, number, family_name, given_name, status, intake_date, citizenship, name_key)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        """)
    private lazy var updateCase = try! database.prepare("""
        UPDATE cases SET family_name = ?2, given_name = ?3, status = ?4, intake_date = ?5, citizenship = ?6,
        name_key = ?7 WHERE id = ?1
        """)
    private lazy var insertEvent = try! database.prepare("INSERT INTO events(case_id, time, type, payload) VALUES (?1, ?2, ?3, ?4)")
    private lazy var searchNames = try! database.prepare("SELECT id FROM cases WHERE name_key LIKE ?1 ORDER BY rowid")

    private init(database: SQLiteDatabase) throws {
        self.database = database
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
    }

    static func create(at path: String) throws -> SQLitePeer {
        let peer = try SQLitePeer(database: SQLiteDatabase(path: path))
        try peer.database.execute("""
            CREATE TABLE cases(
                id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, family_name TEXT, given_name TEXT,
                status TEXT NOT NULL, intake_date TEXT, citizenship TEXT, name_key TEXT NOT NULL);
            CREATE INDEX cases_name_key ON cases(name_key);
            CREATE TABLE events(
                sequence INTEGER PRIMARY KEY, case_id TEXT, time INTEGER NOT NULL, type INTEGER NOT NULL,
                payload BLOB NOT NULL);
            CREATE INDEX events_case ON events(case_id, sequence);
            """)
        return peer
    }

    static func open(at path: String) throws -> SQLitePeer {
        try SQLitePeer(database: SQLiteDatabase(path: path))
    }

    // MARK: Writing

    /// Loads a whole caseload in one transaction (fixture set-up, not timed as a save).
    func load(events: [Event], store: CaseStore) throws {
        try database.execute("BEGIN")
        for record in store.records { try insertCase.run(Self.caseColumns(record, includingNumber: true)) }
        for event in events { try insertEvent.run(Self.eventColumns(event)) }
        try database.execute("COMMIT")
    }

    /// An intake save: the case row and its events, committed (and synced) as one transaction.
    func saveIntake(_ record: CaseRecord, events: [Event]) throws {
        try database.execute("BEGIN")
        try insertCase.run(Self.caseColumns(record, includingNumber: true))
        for event in events { try insertEvent.run(Self.eventColumns(event)) }
        try database.execute("COMMIT")
    }

    /// An edit save: the case row updated and the event recorded, in one synced transaction.
    func saveEdit(_ record: CaseRecord, event: Event) throws {
        try database.execute("BEGIN")
        try updateCase.run(Self.caseColumns(record, includingNumber: false))
        try insertEvent.run(Self.eventColumns(event))
        try database.execute("COMMIT")
    }

    /// One opaque payload in its own transaction: the peer of `EventLog.append`.
    func append(_ payload: Data, time: Int64) throws {
        try insertEvent.run([.null, .integer(time), .integer(1), .blob(payload)])  // autocommit: synced
    }

    // MARK: Reading

    struct ListRow {
        var id: String
        var number: String
        var name: String
        var status: String
        var intakeDate: String
        var citizenship: String
    }

    /// Everything the case list shows, for every case, in opening order.
    func loadCaseList() throws -> [ListRow] {
        let statement = try database.prepare(
            "SELECT id, number, family_name, given_name, status, intake_date, citizenship FROM cases ORDER BY rowid")
        var rows: [ListRow] = []
        try statement.query([]) { row in
            let name = [row.text(2), row.text(3)].filter { !$0.isEmpty }.joined(separator: " ")
            rows.append(ListRow(id: row.text(0), number: row.text(1), name: name, status: row.text(4),
                                intakeDate: row.text(5), citizenship: row.text(6)))
        }
        return rows
    }

    /// Case ids whose folded names contain the folded query (LIKE '%…%': a substring match, as
    /// ours is, so the index on `name_key` cannot be used and SQLite scans).
    func search(_ query: String) throws -> [String] {
        var ids: [String] = []
        try searchNames.query([.text("%" + NameFolding.fold(query) + "%")]) { ids.append($0.text(0)) }
        return ids
    }

    func close() throws { try database.execute("PRAGMA wal_checkpoint(TRUNCATE)") }

    // MARK: Columns

    private static func caseColumns(_ record: CaseRecord, includingNumber: Bool) -> [SQLiteStatement.Value] {
        let key = NameFolding.fold(record.names.joined(separator: " "))
        var columns: [SQLiteStatement.Value] = [.text(record.id.description)]
        if includingNumber { columns.append(.text(record.number.description)) }
        columns += [text(record[.familyName]?.text), text(record[.givenName]?.text), .text(record.status.rawValue),
                    .text(record.intakeDate.description), text(record[.citizenship]?.code), .text(key)]
        return columns
    }

    private static func eventColumns(_ event: Event) -> [SQLiteStatement.Value] {
        let encoded = EventCodec.encode(event)
        return [text(event.body.caseID?.description), .integer(Int64(event.time.wallMillis)),
                .integer(Int64(encoded.recordType)), .blob(encoded.payload)]
    }

    private static func text(_ value: String?) -> SQLiteStatement.Value { value.map { .text($0) } ?? .null }
}
