/// A note as written, with who wrote it and when.
public struct Note: Codable, Sendable, Hashable {
    public let id: EventID
    public let author: String
    public let time: HLCTimestamp
    public let text: String
}

/// A recorded service with its author.
public struct ServiceRecord: Codable, Sendable, Hashable {
    public let id: EventID
    public let author: String
    public let time: HLCTimestamp
    public let entry: ServiceEntry
}

/// A referral out with its author.
public struct ReferralRecord: Codable, Sendable, Hashable {
    public let id: EventID
    public let author: String
    public let time: HLCTimestamp
    public let entry: ReferralEntry
}

/// The current state of one case, as replay folded it from the case's events.
public struct CaseRecord: Codable, Sendable, Hashable, Identifiable {
    public let id: CaseID
    public let number: CaseNumber
    public let openedOn: CalendarDate
    public let openedBy: String
    /// The laptop whose log opened the case.
    public let openedByDevice: DeviceID
    public internal(set) var values: [FieldKey: FieldValue] = [:]
    public internal(set) var status: CaseStatus = .active
    public internal(set) var statusReason = ""
    /// The earlier case of the same person, when a coordinator marked this one as its duplicate.
    public internal(set) var duplicateOf: CaseID?
    public internal(set) var notes: [Note] = []
    public internal(set) var services: [ServiceRecord] = []
    public internal(set) var referrals: [ReferralRecord] = []
    /// Referrals to partners of the directory, in the order they were sent.
    public internal(set) var partnerReferrals: [PartnerReferralRecord] = []
    /// The current support plan; its earlier versions are in the history.
    public internal(set) var plan = SupportPlan()
    /// Every risk assessment, in the order recorded (see `latestRiskAssessment`).
    public internal(set) var riskAssessments: [RiskAssessment] = []
    /// Every needs assessment, in the order recorded.
    public internal(set) var needsAssessments: [NeedsAssessment] = []
    /// Follow-ups made by hand, in the order made (done or not: see `followUpResolutions`).
    public internal(set) var manualFollowUps: [FollowUpEntry] = []
    /// The last resolution of each follow-up that has one.
    public internal(set) var followUpResolutions: [FollowUpRef: FollowUpResolution] = [:]
    /// Exploitation episodes after the intake's, in the order added (see `episodes`).
    public internal(set) var laterEpisodes: [Episode] = []
    /// Relatives' cases, from this case's side (links recorded on either case).
    public internal(set) var relatives: [FamilyLink] = []
    /// Legal proceedings and their hearings.
    public internal(set) var legal = LegalRecord()
    public internal(set) var flags: CaseFlags = []
    /// Flags a caseworker set (`UserFlags`), in the order they were set.
    public internal(set) var userFlags: [String] = []
    public internal(set) var completeness = Completeness(filled: 0, total: 0)
    /// Fields whose last change named a different previous value than the one replay held.
    public internal(set) var conflictingFields: Set<FieldKey> = []
    public internal(set) var lastChanged: HLCTimestamp

    init(id: CaseID, number: CaseNumber, openedOn: CalendarDate, openedBy: String, device: DeviceID, time: HLCTimestamp) {
        self.id = id
        self.number = number
        self.openedOn = openedOn
        self.openedBy = openedBy
        self.openedByDevice = device
        self.lastChanged = time
    }

    public subscript(key: FieldKey) -> FieldValue? { values[key] }

    /// The intake date, or the opening day when it has not been entered.
    public var intakeDate: CalendarDate { values.intakeDate(or: openedOn) }

    /// The age rules applied to this case's answers (see `PersonAge`).
    var personAge: PersonAge { values.personAge(intakeDateOr: openedOn) }

    /// Age in years at intake: from the date of birth when known, else the estimated age.
    public var ageAtIntake: Int? { personAge.atIntake }

    /// Age today (estimated from the age at intake when there is no date of birth).
    public func age(on today: CalendarDate) -> Int? { personAge.on(today) }

    /// Year of birth, exact or estimated from the age at intake (± 1).
    public var birthYear: Int? { personAge.birthYear }

    /// First exploited under 18: the age at the start of the first episode (the intake's is among
    /// the answers).
    public var isMinorAtExploitation: Bool {
        let age = if let earlier = episodeBeforeIntake { earlier[.ageAtExploitation] } else { values[.ageAtExploitation] }
        return (age?.number).map { $0 < 18 } ?? false
    }

    /// "Family Given", falling back to the alias, for lists and headers.
    public var displayName: String {
        let names = [values[.familyName]?.text, values[.givenName]?.text].compactMap { $0 }
        if !names.isEmpty { return names.joined(separator: " ") }
        return values[.alias]?.text ?? ""
    }

    /// The names search and the duplicate finder look at.
    public var names: [String] { values.personNames }

    /// Recomputes completeness and flags after a change.
    mutating func refreshDerived(schema: IntakeSchema) {
        completeness = schema.completeness(of: values)
        var flags = self.flags.intersection([.consentWithdrawn])
        if isMinorAtExploitation { flags.insert(.minorAtExploitation) }
        if let age = ageAtIntake, age < 18 { flags.insert(.minorAtIntake) }
        if !completeness.isComplete { flags.insert(.incomplete) }
        if !conflictingFields.isEmpty { flags.insert(.conflictingEdits) }
        if values[.consentToStatistics]?.code == "no" { flags.insert(.noStatisticsConsent) }
        if let risk = latestRiskAssessment {
            if risk.highest == .high { flags.insert(.highRisk) }
            if risk.immediateDanger { flags.insert(.immediateDanger) }
        }
        self.flags = flags
    }
}
