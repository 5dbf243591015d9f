/// The code lists of case work after intake (support plan, assessments, follow-ups), as data:
/// codes are stored in events and exported; labels may be reworded freely.
public enum CaseworkCodeLists {
    /// The areas of a support plan; a needs assessment rates the same areas.
    public static let planArea = CodeList(id: "planArea", codes: [
        Code("safety", label: "codeList.planArea.safety"),
        Code("health", label: "codeList.planArea.health"),
        Code("psychological", label: "codeList.planArea.psychological"),
        Code("legal", label: "codeList.planArea.legal"),
        Code("documents", label: "codeList.planArea.documents"),
        Code("housing", label: "codeList.planArea.housing"),
        Code("educationWork", label: "codeList.planArea.educationWork"),
        Code("family", label: "codeList.planArea.family"),
        Code("reintegration", label: "codeList.planArea.reintegration"),
    ])

    public static let riskLevel = CodeList(id: "riskLevel", codes: RiskLevel.allCases.map(\.code))

    /// Why a risk was rated as it was (several may apply).
    public static let riskReason = CodeList(id: "riskReason", codes: [
        Code("traffickerContact", label: "codeList.riskReason.traffickerContact"),
        Code("threats", label: "codeList.riskReason.threats"),
        Code("debt", label: "codeList.riskReason.debt"),
        Code("noDocuments", label: "codeList.riskReason.noDocuments"),
        Code("unsafeHousing", label: "codeList.riskReason.unsafeHousing"),
        Code("familyInvolved", label: "codeList.riskReason.familyInvolved"),
        Code("stigma", label: "codeList.riskReason.stigma"),
        Code("health", label: "codeList.riskReason.health"),
        Code("selfHarm", label: "codeList.riskReason.selfHarm"),
        Code("testimony", label: "codeList.riskReason.testimony"),
        Code("other", label: "codeList.riskReason.other"),
    ])

    public static let needStatus = CodeList(id: "needStatus", codes: NeedStatus.allCases.map(\.code))
    public static let objectiveStatus = CodeList(id: "objectiveStatus", codes: ObjectiveStatus.allCases.map(\.code))
    public static let followUpKind = CodeList(id: "followUpKind", codes: FollowUpKind.allCases.map(\.code))

    /// Every code list of case work, for the data dictionary.
    public static let all = [planArea, riskLevel, riskReason, needStatus, objectiveStatus, followUpKind]
}

/// A risk rating, from an individual, household or community risk assessment (HTCDS 2.0).
public enum RiskLevel: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    var code: Code {
        switch self {
        case .low: Code(rawValue, label: "codeList.riskLevel.low")
        case .medium: Code(rawValue, label: "codeList.riskLevel.medium")
        case .high: Code(rawValue, label: "codeList.riskLevel.high")
        }
    }

    public var label: LocalizedText { code.label }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How far a need of one plan area is met, in a needs assessment.
public enum NeedStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case met, partly, notMet

    var code: Code {
        switch self {
        case .met: Code(rawValue, label: "codeList.needStatus.met")
        case .partly: Code(rawValue, label: "codeList.needStatus.partly")
        case .notMet: Code(rawValue, label: "codeList.needStatus.notMet")
        }
    }

    public var label: LocalizedText { code.label }
}

/// Where an objective of the support plan stands.
public enum ObjectiveStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case open, achieved, partlyAchieved, notAchieved, dropped

    public var isOpen: Bool { self == .open }

    var code: Code {
        switch self {
        case .open: Code(rawValue, label: "codeList.objectiveStatus.open")
        case .achieved: Code(rawValue, label: "codeList.objectiveStatus.achieved")
        case .partlyAchieved: Code(rawValue, label: "codeList.objectiveStatus.partlyAchieved")
        case .notAchieved: Code(rawValue, label: "codeList.objectiveStatus.notAchieved")
        case .dropped: Code(rawValue, label: "codeList.objectiveStatus.dropped")
        }
    }

    public var label: LocalizedText { code.label }
}

/// Where a follow-up comes from: made by hand, or derived from the case's state.
public enum FollowUpKind: String, Sendable, Hashable, CaseIterable {
    case manual, planAction, referralOutcome, reassessment, reflectionPeriodEnd, hearing

    var code: Code {
        switch self {
        case .manual: Code(rawValue, label: "codeList.followUpKind.manual")
        case .planAction: Code(rawValue, label: "codeList.followUpKind.planAction")
        case .referralOutcome: Code(rawValue, label: "codeList.followUpKind.referralOutcome")
        case .reassessment: Code(rawValue, label: "codeList.followUpKind.reassessment")
        case .reflectionPeriodEnd: Code(rawValue, label: "codeList.followUpKind.reflectionPeriodEnd")
        case .hearing: Code(rawValue, label: "codeList.followUpKind.hearing")
        }
    }

    public var label: LocalizedText { code.label }
}
