/// Reads one cell for its field as the form would: `ImportValues` turns the spreadsheet's
/// spelling into the parser's, `FieldInputParser` reads it. A column of code-list, country or
/// date answers repeats spellings down the whole table, so each such column keeps what its
/// distinct cells gave (a bounded number of them) and reads a repeated cell once.
struct ImportCellReader {
    private let values: ImportValues
    private var readByColumn: [[String: FieldInputParser.Parsed]]

    /// Distinct cells kept per column: enough for any code list and a few years of days, few
    /// enough that a column of free text put where codes belong cannot fill memory.
    static let keptPerColumn = 1_024

    init(values: ImportValues, columnCount: Int) {
        self.values = values
        readByColumn = Array(repeating: [:], count: columnCount)
    }

    mutating func read(_ cell: String, column: Int, for field: Field) -> FieldInputParser.Parsed {
        guard field.kind.isCoded || field.kind == .date else { return parse(cell, for: field) }
        if let known = readByColumn[column][cell] { return known }
        let parsed = parse(cell, for: field)
        if readByColumn[column].count < Self.keptPerColumn { readByColumn[column][cell] = parsed }
        return parsed
    }

    private func parse(_ cell: String, for field: Field) -> FieldInputParser.Parsed {
        FieldInputParser.parse(values.translate(cell, for: field), for: field)
    }
}
