/// The identifiable export in the columns of IOM's HTCDS 2.0 spreadsheet template, so a shelter
/// can hand its cases to tools built on the template: column A for a row number, the template's
/// field names as the header and its English labels as the second row, answers in the template's
/// picklist wording (English labels otherwise, several joined by "; " as its multi-select
/// template does). The template has no column for several of Refuge's fields (intake date, age at
/// exploitation, referral source, …); they follow the template's columns under their Refuge keys,
/// so that importing the export back loses nothing the statistics count.
struct HTCDSExport {
    let schema: IntakeSchema

    /// The template's row 1 and row 2, column A (row numbers) to AM, as IOM wrote them (its labels
    /// of the mailing-address columns N–R are in another order than its names; both are kept).
    static let templateColumns: [(name: String, label: String)] = [
        ("", ""), ("cas_CaseOwner", "Case Owner"), ("prs_Salutation", "Salutation"), ("prs_FirstName", "First Name"),
        ("prs_SecondName", "Second Name"), ("con_Consent", "Consent"), ("prs_Birthdate", "Birthdate"),
        ("prs_Gender", "Gender"), ("prs_Citizenship", "Citizenship"), ("prs_Title", "Title"), ("prs_Email", "Email"),
        ("prs_HomePhone", "Home Phone"), ("prs_MobilePhone", "Mobile Phone"), ("prs_MailingCity", "Mailing Street"),
        ("prs_MailingCountry", "Mailing City"), ("prs_MailingState", "Mailing State/Province"),
        ("prs_MailingStreet", "Mailing Zip/Postal Code"), ("prs_MailingPostalCode", "Mailing Country"),
        ("vic_TraffickingStatus", "Trafficking Status"),
        ("vic_TraffickinStatusDecisionMakingOrg", "Trafficking Status Decision Making Organization"),
        ("vic_MethodOfRecruitment", "Method of Recruitment"), ("vic_LocationOfRecruitment", "Location of Recruitment"),
        ("vic_MethodsOfControl", "Methods of Control"), ("vic_TypeOfExploitation", "Type of Exploitation"),
        ("vic_ForcedLabourIndustry", "Forced Labour Industry"), ("vic_TypeOfSexExploitation", "Type of Sex Exploitation"),
        ("vic_LocationOfExploitation", "Location of Exploitation"), ("cas_Status", "Status"),
        ("cas_ReferringOrganisation", "Referring Organisation"), ("cas_IncomingReferralDate", "Incoming Referral Date"),
        ("cas_ReferringPrimaryCaseWorker", "Referring Primary Case Worker"),
        ("cas_ReasonForIncomingReferral", "Reason for Incoming Referral"),
        ("cas_IncomingReferralDetails", "Incoming Referral Details"), ("cas_ReferredOrganisation", "Referred Organisation"),
        ("cas_ReferredPrimaryCaseWorker", "Referred Primary Case Worker"),
        ("cas_ReasonForOutgoingReferral", "Reason for Outgoing Referral"),
        ("cas_OutgoingReferralDate", "Outgoing Referral Date"), ("cas_OutgoingReferralDetails", "Outgoing Referral Details"),
        ("cas_ReasonForCaseClosure", "Reason for Case Closure"),
    ]

    /// The template's Gender picklist.
    private static let genderPicklist = ["female": "Feminine", "male": "Masculine", "transgender": "NonConforming",
                                         "unknown": "NonSpecifiedUnknown"]

    /// The template's Status picklist.
    private static let statusPicklist: [CaseStatus: String] = [.active: "Active", .followUp: "Follow up",
                                                                .closed: "Closed", .closedReferred: "Closed Referred"]

    private var targets: [ImportColumns.Target?] {
        let byName = Dictionary(ColumnNames.htcds.map { ($0.name, $0.target) }, uniquingKeysWith: { first, _ in first })
        return Self.templateColumns.map { byName[$0.name] }
    }

    /// Refuge's fields that no template column holds.
    private var extraFields: [Field] {
        let held = Set(targets.compactMap { target -> FieldKey? in
            if case .field(let key) = target { key } else { nil }
        })
        return schema.fields.filter { !held.contains($0.key) }
    }

    func table(_ cases: [CaseRecord]) -> ExportTable {
        let extras = extraFields
        let header = Self.templateColumns.map(\.name) + extras.map(\.key.rawValue)
        let labels = Self.templateColumns.map(\.label) + extras.map(\.label.en)
        let targets = targets
        let rows = cases.enumerated().map { index, record in
            // One row per case, as the template has: several episodes share its multi-select cells.
            let answers = record.answersAcrossEpisodes
            return targets.enumerated().map { column, target -> ExportCell in
                if column == 0 { return .number(index + 1) }
                switch target {
                case .field(let key): return cell(answers, key)
                case .status: return .text(Self.statusPicklist[record.status] ?? record.status.rawValue)
                default: return .empty
                }
            } + extras.map { cell(answers, $0.key) }
        }
        return ExportTable(header: header, rows: [labels.map(ExportCell.text)] + rows)
    }

    private func cell(_ answers: [FieldKey: FieldValue], _ key: FieldKey) -> ExportCell {
        guard let field = schema.field(key), let value = answers[key] else { return .empty }
        switch value {
        case .text(let text): return .text(text)
        case .date(let date): return .date(date)
        case .number(let number): return .number(number)
        case .code, .codes:
            return .text(value.codeList.map { code in
                key == .gender ? Self.genderPicklist[code] ?? code : field.label(of: code, in: .en)
            }.joined(separator: "; "))
        }
    }
}
