/// One reason an import was refused: where (spreadsheet row and column), what, and why.
public struct ImportError: Sendable, Hashable {
    public enum Problem: Sendable, Hashable {
        case unreadableFile
        /// Neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1251.
        case unknownEncoding
        case notAWorkbook
        case passwordProtected
        /// A part of the workbook unpacks to more than the limit (a zip bomb, or a sheet for CSV).
        case partTooLarge
        case noSuchSheet(String, available: [String])
        case tooManyColumns(Int)
        case formulaCell
        case noRows
        case unknownColumn
        case duplicateColumn
        /// The header lacks gender or every name column.
        case missingColumn(String)
        /// The row has more cells than the header.
        case extraCells
        case unknownStatus
        case invalid(ValidationIssue.Problem)
    }

    /// Spreadsheet row number: the header is row 1, the first case row 2.
    public let row: Int
    /// The column's header (a field key), or "" for the whole row; quoted short like `value`.
    public let column: String
    /// The offending cell, at most `quotedLength` characters of it (then "…"): enough to find it,
    /// while a 50 MB cell of names never reaches a terminal's scrollback.
    public let value: String
    public let problem: Problem

    public static let quotedLength = 40

    public init(row: Int, column: String, value: String, problem: Problem) {
        self.row = row
        self.column = Self.quoted(column)
        self.value = Self.quoted(value)
        self.problem = Self.quotingShort(problem)
    }

    /// The problem with any cell text it repeats quoted short, too.
    private static func quotingShort(_ problem: Problem) -> Problem {
        guard case .invalid(let issue) = problem else { return problem }
        switch issue {
        case .unreadableDate(let text): return .invalid(.unreadableDate(quoted(text)))
        case .impossibleDate(let text): return .invalid(.impossibleDate(quoted(text)))
        case .unknownCode(let text): return .invalid(.unknownCode(quoted(text)))
        case .notANumber(let text): return .invalid(.notANumber(quoted(text)))
        default: return problem
        }
    }

    static func quoted(_ cell: String) -> String {
        let start = cell.prefix(quotedLength + 1)
        return start.count <= quotedLength ? cell : String(start.prefix(quotedLength)) + "…"
    }

    public func reason(in language: Language) -> String {
        let w = Words(language)
        switch problem {
        case .unreadableFile: return w("import.error.unreadableFile")
        case .notAWorkbook: return w("import.error.notAWorkbook")
        case .passwordProtected: return w("import.error.passwordProtected")
        case .partTooLarge: return w("import.error.partTooLarge")
        case .noSuchSheet(let name, let available):
            return w("import.error.noSuchSheet", ["name": .text(Self.quoted(name)), "sheets": .text(available.joined(separator: ", "))])
        case .tooManyColumns(let limit): return w("import.error.tooManyColumns", count: limit)
        case .formulaCell: return w("import.error.formulaCell")
        case .unknownEncoding: return w("import.error.unknownEncoding")
        case .noRows: return w("import.error.noRows")
        case .unknownColumn: return w("import.error.unknownColumn")
        case .duplicateColumn: return w("import.error.duplicateColumn")
        case .missingColumn(let name): return w("import.error.missingColumn", ["name": .text(name)])
        case .extraCells: return w("import.error.extraCells")
        case .unknownStatus: return w("import.error.unknownStatus")
        case .invalid(let problem): return ValidationIssue(field: nil, problem: problem).message(in: language)
        }
    }

    /// "row 3, column birthDate, value “31.02.1990”: There is no such day: 31.02.1990."
    public func description(in language: Language) -> String {
        let w = Words(language)
        let reason = reason(in: language)
        switch (column.isEmpty, value.isEmpty) {
        case (true, _): return w("import.error.atRow", ["row": .number(row), "reason": .text(reason)])
        case (false, true): return w("import.error.atColumn", ["row": .number(row), "column": .text(column), "reason": .text(reason)])
        case (false, false):
            return w("import.error.atValue", ["row": .number(row), "column": .text(column), "value": .text(value), "reason": .text(reason)])
        }
    }
}

/// A refused import: the errors found (the first `CaseImporter.listedErrorLimit`) and how many
/// there were in all. Nothing was imported.
public struct ImportFailure: Error, Sendable, Hashable {
    public let errors: [ImportError]
    public let count: Int

    public init(errors: [ImportError], count: Int) {
        self.errors = errors
        self.count = count
    }

    /// The failure these errors make, or nil when there are none.
    init?(_ errors: [ImportError]) {
        guard !errors.isEmpty else { return nil }
        self.init(errors: Array(errors.prefix(CaseImporter.listedErrorLimit)), count: errors.count)
    }

    static let unreadable = ImportFailure([ImportError(row: 1, column: "", value: "", problem: .unreadableFile)])!
}
