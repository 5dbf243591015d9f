public enum ObjectiveTag {}
public enum ActionTag {}
public enum FollowUpTag {}

/// Identifies one objective of a support plan across its versions.
public typealias ObjectiveID = Identifier<ObjectiveTag>
/// Identifies one action of a support plan across its versions.
public typealias ActionID = Identifier<ActionTag>
/// Identifies a follow-up made by hand.
public typealias FollowUpID = Identifier<FollowUpTag>

/// One objective of the individual support plan (HTCDS `spl_Objectives`), as last saved.
public struct PlanObjective: Codable, Sendable, Hashable {
    public let id: ObjectiveID
    /// A `CaseworkCodeLists.planArea` code.
    public let area: String
    public let text: String
    public let agreedWithPerson: Bool
    public let status: ObjectiveStatus
    /// HTCDS `spl_PlannedEndDate`.
    public let plannedEnd: CalendarDate?
    /// HTCDS `spl_ActualEndDate`.
    public let actualEnd: CalendarDate?

    public init(id: ObjectiveID, area: String, text: String, agreedWithPerson: Bool, status: ObjectiveStatus = .open,
                plannedEnd: CalendarDate? = nil, actualEnd: CalendarDate? = nil) {
        self.id = id
        self.area = area
        self.text = text
        self.agreedWithPerson = agreedWithPerson
        self.status = status
        self.plannedEnd = plannedEnd
        self.actualEnd = actualEnd
    }
}

/// One action towards an objective (HTCDS `spl_ActionPlan`), as last saved.
public struct PlanAction: Codable, Sendable, Hashable {
    public let id: ActionID
    public let objective: ObjectiveID
    public let what: String
    /// Who is responsible: a user's name or a partner organisation.
    public let responsible: String
    public let plannedDate: CalendarDate?
    public let doneDate: CalendarDate?
    public let outcome: String

    public init(id: ActionID, objective: ObjectiveID, what: String, responsible: String, plannedDate: CalendarDate?,
                doneDate: CalendarDate? = nil, outcome: String = "") {
        self.id = id
        self.objective = objective
        self.what = what
        self.responsible = responsible
        self.plannedDate = plannedDate
        self.doneDate = doneDate
        self.outcome = outcome
    }
}

/// The current support plan of a case. Every saved objective or action makes a new version; the
/// earlier versions are in the case's history.
public struct SupportPlan: Codable, Sendable, Hashable {
    /// In the order they were first added.
    public private(set) var objectives: [PlanObjective] = []
    /// In the order they were first added.
    public private(set) var actions: [PlanAction] = []
    /// How many times the plan was changed; 0 while there is no plan.
    public private(set) var version = 0

    public init() {}

    public func objective(_ id: ObjectiveID) -> PlanObjective? { objectives.first { $0.id == id } }
    public func actions(of objective: ObjectiveID) -> [PlanAction] { actions.filter { $0.objective == objective } }
    public var openObjectives: [PlanObjective] { objectives.filter(\.status.isOpen) }

    /// Adds the objective, or replaces the one with its id; returns the version it replaces.
    mutating func set(_ objective: PlanObjective) -> PlanObjective? {
        version += 1
        guard let position = objectives.firstIndex(where: { $0.id == objective.id }) else {
            objectives.append(objective)
            return nil
        }
        defer { objectives[position] = objective }
        return objectives[position]
    }

    /// Adds the action, or replaces the one with its id; returns the version it replaces.
    mutating func set(_ action: PlanAction) -> PlanAction? {
        version += 1
        guard let position = actions.firstIndex(where: { $0.id == action.id }) else {
            actions.append(action)
            return nil
        }
        defer { actions[position] = action }
        return actions[position]
    }
}
