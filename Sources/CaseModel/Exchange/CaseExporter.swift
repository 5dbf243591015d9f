/// Turns case states into export tables, CSV and JSON. Pure: the caller writes the file and
/// records the `exportMade` event.
public struct CaseExporter: Sendable {
    public let schema: IntakeSchema
    private let pseudonymiser: Pseudonymiser

    /// - Parameter pseudonymSecret: the per-log secret behind the pseudonymous ids.
    public init(schema: IntakeSchema = .standard, pseudonymSecret: [UInt8]) {
        self.schema = schema
        self.pseudonymiser = Pseudonymiser(secret: pseudonymSecret)
    }

    /// A header row and one row of cells per exported case, in codes (cells not yet neutralised).
    public func table(_ cases: some Collection<CaseRecord>, variant: ExportVariant) -> (header: [String], rows: [[String]]) {
        let table = typedTable(cases, variant: variant)
        return (table.header, table.rows.map { $0.map { $0.text(.codes) } })
    }

    /// The export with typed cells, worded by codes or for people in a language. CTDC and HTCDS
    /// keep the wording their columns require whatever is asked.
    public func typedTable(_ cases: some Collection<CaseRecord>, variant: ExportVariant, wording: ExportWording = .codes) -> ExportTable {
        switch variant {
        case .identifiable:
            return ExportTable(header: identifiableHeader(wording), rows: cases.map { identifiableRow($0, wording) })
        case .anonymised:
            return ExportTable(header: anonymisedHeader(wording),
                               rows: cases.filter(mayShareAnonymously).map { anonymisedRow($0, wording) })
        case .ctdc:
            let ctdc = CTDCExport(schema: schema)
            return ExportTable(header: ctdc.header, rows: cases.filter(mayShareAnonymously).map { ctdc.row($0).map(ExportCell.text) })
        case .htcds:
            return HTCDSExport(schema: schema).table(Array(cases))
        }
    }

    /// RFC 4180 CSV with a byte-order mark; formula cells neutralised.
    public func csv(_ cases: some Collection<CaseRecord>, variant: ExportVariant, wording: ExportWording = .codes) -> String {
        let table = typedTable(cases, variant: variant, wording: wording)
        let textWording = variant.keepsItsOwnWording ? .codes : wording
        return CSVText.document(header: table.header, rows: table.rows.map { $0.map { $0.text(textWording) } })
    }

    /// An Excel workbook whose cells carry their types: text stays text, dates are dates,
    /// numbers numbers, nothing is a formula.
    public func xlsx(_ cases: some Collection<CaseRecord>, variant: ExportVariant, wording: ExportWording = .codes) -> [UInt8] {
        let table = typedTable(cases, variant: variant, wording: wording)
        return XLSXWriter(dateFormat: (variant.keepsItsOwnWording ? .codes : wording).workbookDateFormat).workbook(table)
    }

    /// A JSON array of objects keyed like the CSV header. Numbers are numbers, multiple choices
    /// arrays of codes, unanswered fields `null`.
    ///
    /// After the columns, the case work (`CaseworkExport`): in full in the identifiable export
    /// (HTCDS 2.0 `spl_Objectives` with their `spl_ActionPlan`, the assessments), as counts and
    /// levels without free text in the anonymised one; none in the CTDC one, whose columns are fixed.
    public func json(_ cases: some Collection<CaseRecord>, variant: ExportVariant) -> String {
        let table = table(cases, variant: variant)
        let exported = variant == .identifiable ? Array(cases) : cases.filter(mayShareAnonymously)
        let objects = zip(table.rows, exported).map { row, record in
            JSONText.object(zip(table.header, row).map { column, cell in (column, jsonValue(cell, column: column)) }
                            + CaseworkExport.members(of: record, variant: variant))
        }
        return "[" + objects.joined(separator: ",\n") + "]\n"
    }

    // MARK: - Identifiable

    public static let caseNumberColumn = ExportColumn.caseNumber.rawValue
    public static let statusColumn = ExportColumn.status.rawValue

    private func identifiableHeader(_ wording: ExportWording) -> [String] {
        [wording.columnName(.caseNumber)] + schema.fields.map { name(of: $0, wording) } + [wording.columnName(.status)]
    }

    private func identifiableRow(_ record: CaseRecord, _ wording: ExportWording) -> [ExportCell] {
        [.text(record.number.description)] + schema.fields.map { cell(record[$0.key], of: $0, wording) }
            + [status(record, wording)]
    }

    // MARK: - Anonymised

    private var anonymisedFields: [Field] {
        schema.fields.filter { ($0.kind.isCoded || $0.kind == .number) && $0.key != .ageAtIntake }
    }

    private func anonymisedHeader(_ wording: ExportWording) -> [String] {
        [ExportColumn.pseudonymousID, .intakeYear, .ageBandAtIntake].map(wording.columnName)
            + anonymisedFields.map { name(of: $0, wording) } + [wording.columnName(.status)]
    }

    private func anonymisedRow(_ record: CaseRecord, _ wording: ExportWording) -> [ExportCell] {
        [.text(pseudonymiser.pseudonym(for: record.id)), .number(record.intakeDate.year),
         .text(AgeBands.readable(record.ageAtIntake))]
            + anonymisedFields.map { cell(record[$0.key], of: $0, wording) } + [status(record, wording)]
    }

    // MARK: - Cells

    private func name(of field: Field, _ wording: ExportWording) -> String {
        guard case .labels(let language) = wording else { return field.key.rawValue }
        return field.label.text(in: language)
    }

    private func cell(_ value: FieldValue?, of field: Field, _ wording: ExportWording) -> ExportCell {
        switch value {
        case nil: return .empty
        case .text(let text): return .text(text)
        case .date(let date): return .date(date)
        case .number(let number): return .number(number)
        case .code, .codes:
            guard case .labels(let language) = wording, let value else { return .text(value?.exchangeText ?? "") }
            return .text(value.codeList.map { field.label(of: $0, in: language) }.joined(separator: wording.answerSeparator))
        }
    }

    private func status(_ record: CaseRecord, _ wording: ExportWording) -> ExportCell {
        guard case .labels(let language) = wording else { return .text(record.status.rawValue) }
        return .text(record.status.label.text(in: language))
    }

    private func mayShareAnonymously(_ record: CaseRecord) -> Bool {
        !record.flags.contains(.noStatisticsConsent)
    }

    private func jsonValue(_ cell: String, column: String) -> String {
        if cell.isEmpty { return "null" }
        guard let field = schema.field(FieldKey(column)) else {
            return column == "intakeYear" ? cell : JSONText.string(cell)
        }
        if field.kind == .number, Int(cell) != nil { return cell }
        if field.kind.isMultiple {
            return JSONText.array(cell.split(separator: ";").map { JSONText.string(String($0)) })
        }
        return JSONText.string(cell)
    }
}
