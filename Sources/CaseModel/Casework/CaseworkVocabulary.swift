/// The code lists of case work after intake (support plan, assessments, follow-ups), as data:
/// codes are stored in events and exported; labels may be reworded freely.
public enum CaseworkCodeLists {
    /// The areas of a support plan; a needs assessment rates the same areas.
    public static let planArea = CodeList(id: "planArea", codes: [
        Code("safety", en: "Safety", ru: "Безопасность", kk: "Қауіпсіздік"),
        Code("health", en: "Health", ru: "Здоровье", kk: "Денсаулық"),
        Code("psychological", en: "Psychological", ru: "Психологическая помощь", kk: "Психологиялық көмек"),
        Code("legal", en: "Legal", ru: "Юридическая помощь", kk: "Заң көмегі"),
        Code("documents", en: "Documents", ru: "Документы", kk: "Құжаттар"),
        Code("housing", en: "Housing", ru: "Жильё", kk: "Тұрғын үй"),
        Code("educationWork", en: "Education / work", ru: "Образование / работа", kk: "Білім / жұмыс"),
        Code("family", en: "Family", ru: "Семья", kk: "Отбасы"),
        Code("reintegration", en: "Return / reintegration", ru: "Возвращение / реинтеграция", kk: "Оралу / реинтеграция"),
    ])

    public static let riskLevel = CodeList(id: "riskLevel", codes: RiskLevel.allCases.map(\.code))

    /// Why a risk was rated as it was (several may apply).
    public static let riskReason = CodeList(id: "riskReason", codes: [
        Code("traffickerContact", en: "Contact from traffickers", ru: "Контакт со стороны торговцев", kk: "Саудагерлер тарапынан байланыс"),
        Code("threats", en: "Threats", ru: "Угрозы", kk: "Қоқан-лоққы"),
        Code("debt", en: "Debt bondage", ru: "Долговая кабала", kk: "Қарыз құлдығы"),
        Code("noDocuments", en: "No identity documents", ru: "Нет документов", kk: "Құжаттар жоқ"),
        Code("unsafeHousing", en: "Unsafe housing", ru: "Небезопасное жильё", kk: "Қауіпті тұрғын үй"),
        Code("familyInvolved", en: "Family involved in exploitation", ru: "Семья причастна к эксплуатации", kk: "Отбасы қанауға қатысты"),
        Code("stigma", en: "Stigma in the community", ru: "Стигматизация в общине", kk: "Қоғамдағы стигма"),
        Code("health", en: "Health crisis", ru: "Кризис здоровья", kk: "Денсаулық дағдарысы"),
        Code("selfHarm", en: "Risk of self-harm", ru: "Риск самоповреждения", kk: "Өзіне зиян келтіру қаупі"),
        Code("testimony", en: "Testimony in court pending", ru: "Предстоят показания в суде", kk: "Сотта айғақ беру алда"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    public static let needStatus = CodeList(id: "needStatus", codes: NeedStatus.allCases.map(\.code))
    public static let objectiveStatus = CodeList(id: "objectiveStatus", codes: ObjectiveStatus.allCases.map(\.code))
    public static let followUpKind = CodeList(id: "followUpKind", codes: FollowUpKind.allCases.map(\.code))

    /// Every code list of case work, for the data dictionary.
    public static let all = [planArea, riskLevel, riskReason, needStatus, objectiveStatus, followUpKind]
}

/// A risk rating, from an individual, household or community risk assessment (HTCDS 2.0).
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    var code: Code {
        switch self {
        case .low: Code(rawValue, en: "Low", ru: "Низкий", kk: "Төмен")
        case .medium: Code(rawValue, en: "Medium", ru: "Средний", kk: "Орташа")
        case .high: Code(rawValue, en: "High", ru: "Высокий", kk: "Жоғары")
        }
    }

    public var label: LocalizedText { code.label }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How far a need of one plan area is met, in a needs assessment.
public enum NeedStatus: String, Sendable, Hashable, CaseIterable {
    case met, partly, notMet

    var code: Code {
        switch self {
        case .met: Code(rawValue, en: "Met", ru: "Удовлетворена", kk: "Қанағаттандырылды")
        case .partly: Code(rawValue, en: "Partly met", ru: "Частично", kk: "Ішінара")
        case .notMet: Code(rawValue, en: "Not met", ru: "Не удовлетворена", kk: "Қанағаттандырылмады")
        }
    }

    public var label: LocalizedText { code.label }
}

/// Where an objective of the support plan stands.
public enum ObjectiveStatus: String, Sendable, Hashable, CaseIterable {
    case open, achieved, partlyAchieved, notAchieved, dropped

    public var isOpen: Bool { self == .open }

    var code: Code {
        switch self {
        case .open: Code(rawValue, en: "Open", ru: "В работе", kk: "Жұмыста")
        case .achieved: Code(rawValue, en: "Achieved", ru: "Достигнута", kk: "Қол жеткізілді")
        case .partlyAchieved: Code(rawValue, en: "Partly achieved", ru: "Достигнута частично", kk: "Ішінара қол жеткізілді")
        case .notAchieved: Code(rawValue, en: "Not achieved", ru: "Не достигнута", kk: "Қол жеткізілмеді")
        case .dropped: Code(rawValue, en: "Dropped", ru: "Отменена", kk: "Тоқтатылды")
        }
    }

    public var label: LocalizedText { code.label }
}

/// Where a follow-up comes from: made by hand, or derived from the case's state.
public enum FollowUpKind: String, Sendable, Hashable, CaseIterable {
    case manual, planAction, referralOutcome, reassessment, reflectionPeriodEnd

    var code: Code {
        switch self {
        case .manual: Code(rawValue, en: "Follow-up", ru: "Задача", kk: "Тапсырма")
        case .planAction: Code(rawValue, en: "Plan action", ru: "Действие плана", kk: "Жоспар әрекеті")
        case .referralOutcome: Code(rawValue, en: "Referral outcome", ru: "Итог направления", kk: "Жолдама нәтижесі")
        case .reassessment: Code(rawValue, en: "Reassessment", ru: "Повторная оценка", kk: "Қайта бағалау")
        case .reflectionPeriodEnd: Code(rawValue, en: "Reflection period ends", ru: "Конец периода восстановления", kk: "Қалпына келу кезеңінің соңы")
        }
    }

    public var label: LocalizedText { code.label }
}
