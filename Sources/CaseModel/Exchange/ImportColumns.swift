/// What each column of an imported table holds, read from its header in any of the dialects a
/// shelter's spreadsheet may speak: Refuge's field keys (what `export --identifiable` writes), the
/// field names of IOM's HTCDS 2.0 templates (their hidden row 1), or a field's label in English,
/// Russian or Kazakh — compared without case or spaces.
struct ImportColumns: Sendable {
    enum Target: Sendable, Hashable {
        case field(FieldKey)
        case status
        /// Known to hold nothing Refuge keeps (the case number, the template's row numbers).
        case ignored
        /// Not a Refuge field: kept in an imported note, or ignored when the coordinator chose so.
        case unmapped
        /// Kept in the imported note because the coordinator said so (`--map COLUMN=note`).
        case note
    }

    let header: [String]
    let targets: [Target]
    /// The schema's field of each column that holds one, nil for the others.
    let fields: [Field?]
    let errors: [ImportError]
    /// Built once: every row is compared with these names (`isLabelRow`).
    private let names: ColumnNames

    /// True when a column every case needs is missing: every row would fail the same way.
    var lacksRequiredColumns: Bool {
        errors.contains { if case .missingColumn = $0.problem { true } else { false } }
    }

    init(header: [String], schema: IntakeSchema, overrides: [String: Target] = [:]) {
        let names = ColumnNames(schema: schema)
        self.names = names
        self.header = header
        targets = header.map { overrides[$0] ?? names.target(of: $0) }
        fields = targets.map { target in
            guard case .field(let key) = target else { return nil }
            return schema.field(key)
        }
        var errors: [ImportError] = []
        var seen = Set<Target>()
        for (column, target) in zip(header, targets) {
            switch target {
            case .unmapped, .ignored, .note:
                break
            case .field, .status:
                if !seen.insert(target).inserted {
                    errors.append(ImportError(row: 1, column: column, value: column, problem: .duplicateColumn))
                }
            }
        }
        if !seen.contains(.field(.gender)) {
            errors.append(ImportError(row: 1, column: "", value: "", problem: .missingColumn(FieldKey.gender.rawValue)))
        }
        if !schema.nameKeys.contains(where: { seen.contains(.field($0)) }) {
            let keys = schema.nameKeys.map(\.rawValue).joined(separator: " / ")
            errors.append(ImportError(row: 1, column: "", value: "", problem: .missingColumn(keys)))
        }
        self.errors = errors
    }

    /// A row with nothing in any column that holds data (a template's numbered empty rows too).
    func isBlank(_ cells: [String]) -> Bool {
        zip(cells, targets).allSatisfy { cell, target in target == .ignored || cell.trimmingWhitespace().isEmpty }
    }

    /// The HTCDS templates' second row, of labels: most filled cells of the mapped columns name
    /// their own column, which no case does. Asked of the first non-blank row under the header.
    func isLabelRow(_ cells: [String]) -> Bool {
        var filled = 0, labels = 0
        for (cell, target) in zip(cells, targets) {
            guard case .field = target, !cell.trimmingWhitespace().isEmpty else { continue }
            filled += 1
            let folded = ColumnNames.fold(cell)
            if names.target(ofFolded: folded) == target || ColumnNames.isHTCDSLabel(folded: folded) { labels += 1 }
        }
        return labels >= 3 && labels * 2 >= filled
    }
}

/// The names a column may go by, folded for comparison.
struct ColumnNames: Sendable {
    private var byName: [String: ImportColumns.Target] = [:]

    /// HTCDS 2.0 field names (row 1 of the templates) and English labels (row 2) of the fields
    /// Refuge records. The template's other columns (contact details, case owner, referral
    /// details) have no place in Refuge's form: they are unmapped, kept in an imported note unless
    /// the coordinator chooses to ignore them.
    static let htcds: [(name: String, label: String, target: ImportColumns.Target)] = [
        ("prs_FirstName", "First Name", .field(.givenName)),
        ("prs_SecondName", "Second Name", .field(.familyName)),
        ("prs_Birthdate", "Birthdate", .field(.birthDate)),
        ("prs_Gender", "Gender", .field(.gender)),
        ("prs_Citizenship", "Citizenship", .field(.citizenship)),
        ("con_Consent", "Consent", .field(.consentToStatistics)),
        ("vic_TraffickingStatus", "Trafficking Status", .field(.traffickingStatus)),
        ("vic_TraffickinStatusDecisionMakingOrg", "Trafficking Status Decision Making Organization", .field(.statusDecidedBy)),
        ("vic_MethodOfRecruitment", "Method of Recruitment", .field(.recruitmentMethods)),
        ("vic_LocationOfRecruitment", "Location of Recruitment", .field(.countriesOfRecruitment)),
        ("vic_MethodsOfControl", "Methods of Control", .field(.meansOfControl)),
        ("vic_TypeOfExploitation", "Type of Exploitation", .field(.exploitationTypes)),
        ("vic_ForcedLabourIndustry", "Forced Labour Industry", .field(.labourSector)),
        ("vic_TypeOfSexExploitation", "Type of Sex Exploitation", .field(.sexualExploitationType)),
        ("vic_LocationOfExploitation", "Location of Exploitation", .field(.countriesOfExploitation)),
        ("cas_Status", "Status", .status),
        ("cas_IncomingReferralDate", "Incoming Referral Date", .field(.referralDate)),
    ]

    private static let htcdsLabels = Set(htcds.map { fold($0.label) })

    init(schema: IntakeSchema) {
        for field in schema.fields {
            for name in [field.key.rawValue, field.label.en, field.label.ru, field.label.kk] where !name.isEmpty {
                byName[Self.fold(name)] = byName[Self.fold(name)] ?? .field(field.key)
            }
        }
        for (name, label, target) in Self.htcds {
            byName[Self.fold(name)] = target
            byName[Self.fold(label)] = byName[Self.fold(label)] ?? target
        }
        for name in [CaseExporter.statusColumn, "Status", "Статус", "Мәртебе"] { byName[Self.fold(name)] = .status }
        for name in [CaseExporter.caseNumberColumn, "", "№", "No", "#"] { byName[Self.fold(name)] = .ignored }
    }

    func target(of column: String) -> ImportColumns.Target { target(ofFolded: Self.fold(column)) }

    func target(ofFolded name: String) -> ImportColumns.Target { byName[name] ?? .unmapped }

    static func isHTCDSLabel(folded cell: String) -> Bool { htcdsLabels.contains(cell) }

    /// Lower case, without spaces, underscores or a trailing "*" (required-field marks).
    static func fold(_ name: String) -> String {
        if let folded = name.asciiFolded(dropping: [UInt8(ascii: "_"), UInt8(ascii: "*")]) { return folded }
        return String(name.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "*" })
    }
}
