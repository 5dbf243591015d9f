/// What a relative is to a person. A link is recorded once, on one case, and each case shows it
/// from its own side: the child of a mother is shown on the mother's file as her child and on the
/// child's file as the mother.
public enum FamilyRelation: String, Codable, Sendable, Hashable, CaseIterable {
    case child, parent, sibling, partner, otherRelative

    /// What this person is to the relative, when the relative is `self` to them.
    public var inverse: FamilyRelation {
        switch self {
        case .child: .parent
        case .parent: .child
        case .sibling, .partner, .otherRelative: self
        }
    }

    var code: Code { Code(rawValue, label: "codeList.familyRelation.\(rawValue)") }
    public var label: LocalizedText { code.label }
    public static let codeList = CodeList(id: "familyRelation", codes: allCases.map(\.code))
}

/// Another case of the same family: an accompanying child or another relative, each a case of its
/// own (own consent, own flags), linked so that each file shows the other.
public struct FamilyLink: Codable, Sendable, Hashable {
    public let relative: CaseID
    /// What the relative is to this case's person.
    public let relation: FamilyRelation

    public init(relative: CaseID, relation: FamilyRelation) {
        self.relative = relative
        self.relation = relation
    }
}

/// What a child or relative registered from a case starts with: the answers a family shares.
public enum FamilyRegistration {
    /// The answers copied from the case the relative is registered from.
    public static let sharedKeys: [FieldKey] = [.familyName, .citizenship, .languages, .referralSource, .referralDate,
                                                .intakeDate, .admissionDate, .assignedCaseworker]

    /// The first answers of a relative's new case, taken from `record`. A child of a woman or a
    /// man has them as the guardian who gives the child's consent, mother or father (a guardian
    /// is asked for only while the child is a minor, so an adult child's case keeps it unshown).
    public static func initialValues(from record: CaseRecord, as relation: FamilyRelation) -> [FieldKey: FieldValue] {
        var values: [FieldKey: FieldValue] = [:]
        for key in sharedKeys { values[key] = record[key] }
        let parent = ["female": "mother", "male": "father"][record[.gender]?.code ?? ""]
        if relation == .child, let parent {
            let name = [FieldKey.familyName, .givenName, .patronymic].compactMap { record[$0]?.text }.joined(separator: " ")
            if !name.isEmpty { values[.guardianName] = .text(name) }
            values[.guardianRelation] = .code(parent)
        }
        return values
    }
}
