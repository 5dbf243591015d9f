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
        let ru = language != .en
        switch problem {
        case .unreadableFile: return ru ? "Файл не читается как CSV." : "The file cannot be read as CSV."
        case .notAWorkbook:
            return ru ? "Файл не читается как книга Excel (.xlsx, .xlsm)." : "The file cannot be read as an Excel workbook (.xlsx, .xlsm)."
        case .passwordProtected:
            return ru ? "Книга защищена паролем: откройте её в Excel, снимите пароль, сохраните и импортируйте снова."
                : "The workbook is password-protected: open it in Excel, remove the password, save it and import again."
        case .partTooLarge:
            return ru ? "Лист распаковывается в слишком большой объём (больше 200 МБ); сохраните его как CSV."
                : "The sheet unpacks to too much data (over 200 MB); save it as CSV and import that."
        case .noSuchSheet(let name, let available):
            return ru ? "Нет листа «\(Self.quoted(name))»; есть: \(available.joined(separator: ", "))."
                : "There is no sheet “\(Self.quoted(name))”; the sheets are: \(available.joined(separator: ", "))."
        case .tooManyColumns(let limit):
            return ru ? "В строке больше \(limit) столбцов." : "The row has more than \(limit) columns."
        case .formulaCell:
            return ru ? "В ячейке формула: скопируйте лист и вставьте только значения, затем импортируйте."
                : "The cell holds a formula: copy the sheet and paste values only, then import."
        case .unknownEncoding:
            return ru ? "Кодировка файла не распознана; укажите --encoding (utf-8, utf-16, windows-1251)."
                : "The file's text encoding was not recognised; give --encoding (utf-8, utf-16, windows-1251)."
        case .noRows: return ru ? "В файле нет строк с данными." : "The file holds no data rows."
        case .unknownColumn:
            return ru ? "Неизвестный столбец; заголовки — ключи полей (как в export --identifiable)."
                : "Unknown column; headers must be field keys (as export --identifiable writes them)."
        case .duplicateColumn: return ru ? "Столбец повторяется." : "The column appears twice."
        case .missingColumn(let name): return ru ? "Нет столбца \(name)." : "The column \(name) is missing."
        case .extraCells: return ru ? "В строке больше ячеек, чем столбцов." : "The row has more cells than the header."
        case .unknownStatus:
            return ru ? "Неизвестный статус (active, followUp, closed, closedReferred)."
                : "Unknown status (active, followUp, closed, closedReferred)."
        case .invalid(let problem): return ValidationIssue(field: nil, problem: problem).message(in: language)
        }
    }

    /// "row 3, column birthDate, value “31.02.1990”: There is no such day: 31.02.1990."
    public func description(in language: Language) -> String {
        let ru = language != .en
        var parts = [ru ? "строка \(row)" : "row \(row)"]
        if !column.isEmpty { parts.append(ru ? "столбец \(column)" : "column \(column)") }
        if !value.isEmpty { parts.append(ru ? "значение «\(value)»" : "value “\(value)”") }
        return parts.joined(separator: ", ") + ": " + reason(in: language)
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
