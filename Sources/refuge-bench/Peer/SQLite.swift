import CSQLite
import Foundation

/// The little of the SQLite C API the peer needs: open, execute, prepared statements. Any error
/// ends the benchmark, since a peer that silently failed would make every ratio meaningless.
final class SQLiteDatabase {
    private(set) var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            defer { sqlite3_close_v2(handle) }
            throw SQLiteError(message: String(cString: sqlite3_errmsg(handle)))
        }
    }

    deinit { sqlite3_close_v2(handle) }

    static var version: String { String(cString: sqlite3_libversion()) }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw SQLiteError(message: message.map { String(cString: $0) } ?? "error in \(sql)")
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError(message: String(cString: sqlite3_errmsg(handle)))
        }
        return SQLiteStatement(statement, database: self)
    }

    func check(_ code: Int32) throws {
        guard code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW else {
            throw SQLiteError(message: String(cString: sqlite3_errmsg(handle)))
        }
    }
}

/// A prepared statement, reused across rows (as a careful developer would).
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase

    /// SQLite copies bound values at once (SQLITE_TRANSIENT), so Swift buffers may go away.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    enum Value {
        case integer(Int64)
        case text(String)
        case blob(Data)
        case null
    }

    /// Binds `values` to ?1, ?2, ... and runs the statement to completion.
    func run(_ values: [Value]) throws {
        try bind(values)
        try database.check(sqlite3_step(statement))
        sqlite3_reset(statement)
    }

    /// Binds `values` and calls `row` for each result row.
    func query(_ values: [Value], row: (SQLiteStatement) -> Void) throws {
        try bind(values)
        defer { sqlite3_reset(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            try database.check(code)
            row(self)
        }
    }

    func text(_ column: Int32) -> String {
        sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
    }

    private func bind(_ values: [Value]) throws {
        sqlite3_reset(statement)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let code: Int32 = switch value {
            case .integer(let number): sqlite3_bind_int64(statement, position, number)
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .blob(let data): data.withUnsafeBytes { sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), Self.transient) }
            case .null: sqlite3_bind_null(statement, position)
            }
            try database.check(code)
        }
    }
}

struct SQLiteError: Error, CustomStringConvertible {
    var message: String
    var description: String { "SQLite: \(message)" }
}
