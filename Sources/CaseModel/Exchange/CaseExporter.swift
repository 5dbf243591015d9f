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

    /// A header row and one row of cells per exported case (cells not yet neutralised).
    public func table(_ cases: [CaseRecord], variant: ExportVariant) -> (header: [String], rows: [[String]]) {
        switch variant {
        case .identifiable:
            return (identifiableHeader, cases.map(identifiableRow))
        case .anonymised:
            return (anonymisedHeader, cases.filter(mayShareAnonymously).map(anonymisedRow))
        case .ctdc:
            let ctdc = CTDCExport(schema: schema)
            return (ctdc.header, cases.filter(mayShareAnonymously).map(ctdc.row))
        }
    }

    /// RFC 4180 CSV with a byte-order mark; formula cells neutralised.
    public func csv(_ cases: [CaseRecord], variant: ExportVariant) -> String {
        let table = table(cases, variant: variant)
        return CSVText.document(header: table.header, rows: table.rows)
    }

    /// A JSON array of objects keyed like the CSV header. Numbers are numbers, multiple choices
    /// arrays of codes, unanswered fields `null`.
    ///
    /// After the columns, the case work (`CaseworkExport`): in full in the identifiable export
    /// (HTCDS 2.0 `spl_Objectives` with their `spl_ActionPlan`, the assessments), as counts and
    /// levels without free text in the anonymised one; none in the CTDC one, whose columns are fixed.
    public func json(_ cases: [CaseRecord], variant: ExportVariant) -> String {
        let table = table(cases, variant: variant)
        let exported = variant == .identifiable ? cases : cases.filter(mayShareAnonymously)
        let objects = zip(table.rows, exported).map { row, record in
            JSONText.object(zip(table.header, row).map { column, cell in (column, jsonValue(cell, column: column)) }
                            + CaseworkExport.members(of: record, variant: variant))
        }
        return "[" + objects.joined(separator: ",\n") + "]\n"
    }

    // MARK: - Identifiable

    public static let caseNumberColumn = "caseNumber"
    public static let statusColumn = "status"

    private var identifiableHeader: [String] {
        [Self.caseNumberColumn] + schema.fields.map(\.key.rawValue) + [Self.statusColumn]
    }

    private func identifiableRow(_ record: CaseRecord) -> [String] {
        [record.number.description] + schema.fields.map { record[$0.key]?.exchangeText ?? "" } + [record.status.rawValue]
    }

    // MARK: - Anonymised

    private var anonymisedFields: [Field] {
        schema.fields.filter { ($0.kind.isCoded || $0.kind == .number) && $0.key != .ageAtIntake }
    }

    private var anonymisedHeader: [String] {
        ["pseudonymousID", "intakeYear", "ageBandAtIntake"] + anonymisedFields.map(\.key.rawValue) + [Self.statusColumn]
    }

    private func anonymisedRow(_ record: CaseRecord) -> [String] {
        [pseudonymiser.pseudonym(for: record.id), String(record.intakeDate.year), AgeBands.readable(record.ageAtIntake)]
            + anonymisedFields.map { record[$0.key]?.exchangeText ?? "" } + [record.status.rawValue]
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
