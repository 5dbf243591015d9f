import CaseModel
import Foundation
import Terminal

/// How stored answers, times and history lines read on screen, in the interface language.
struct CaseText {
    let strings: AppStrings
    /// Names as initials (F6 on the case list): for work where others can see the screen.
    var masksNames = false
    /// The number of another case, for links between cases ("duplicate of 2024-0003").
    var numberOf: (CaseID) -> String = { _ in "?" }
    /// The case whose history is shown, for naming its follow-ups in history lines.
    var record: CaseRecord?
    /// The laptops' names (`device join`, `device name`), shown in history lines instead of their ids.
    var deviceNames: [DeviceID: String] = [:]
    let schema: IntakeSchema = .standard

    static let nameKeys: Set<FieldKey> = [.familyName, .givenName, .patronymic, .alias]

    func name(_ name: String) -> String { masksNames ? CaseListSource.initials(name) : name }

    var language: Language { strings.language }

    func value(_ value: FieldValue?, of key: FieldKey) -> String {
        guard let value else { return strings.notRecorded }
        let field = field(key)
        switch value {
        case .text(let text): return Self.nameKeys.contains(key) ? name(text) : text
        case .date(let date): return strings.w.day(date)
        case .number(let number): return String(number)
        case .code(let code): return field?.label(of: code, in: language) ?? code
        case .codes(let codes): return codes.map { field?.label(of: $0, in: language) ?? $0 }.joined(separator: ", ")
        }
    }

    func label(of key: FieldKey) -> String { field(key)?.label.text(in: language) ?? key.rawValue }

    /// An intake question, or one only an episode has.
    private func field(_ key: FieldKey) -> Field? { schema.field(key) ?? EpisodeForms.episode.field(key) }

    /// A day of each width `language` writes ("28.11.2026"; "28 May 2026", "28 Sep 2026"): a
    /// column of dates is as wide as the widest.
    static func daysOfEveryWidth(_ language: Language) -> [String] {
        (1...12).map { Words(language).day(CalendarDate(year: 2026, month: $0, day: 28)!) }
    }

    /// Columns before a history line's own text ("08.03.2026 14:05  "): where its wrapped lines
    /// continue.
    static func historyIndent(_ language: Language) -> Int {
        (daysOfEveryWidth(language).map { DisplayWidth.of($0) }.max() ?? 0) + " 14:05  ".count
    }

    /// Local wall-clock time of an event, "08.03.2026 14:05" ("8 Mar 2026 14:05" in English).
    func time(_ timestamp: HLCTimestamp) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm"
        return strings.w.day(CalendarDate(timestamp.date)) + " " + formatter.string(from: timestamp.date)
    }

    func service(_ entry: ServiceEntry) -> String {
        var text = "\(strings.w.day(entry.date)) \(entry.kind.label.text(in: language))"
        if let end = entry.endDate { text += " – \(strings.w.day(end))" }
        return entry.note.isEmpty ? text : text + ": " + entry.note
    }

    func referral(_ entry: ReferralEntry) -> String {
        let type = CodeLists.organisationType.label(of: entry.organisationType, in: language) ?? entry.organisationType
        return "\(strings.w.day(entry.date)) \(type)" + (entry.reason.isEmpty ? "" : ": " + entry.reason)
    }

    /// "12.03.2026 Клиника «Шипагер»: Medical care, Legal assistance", and the override reason if any.
    func partnerReferral(_ referral: PartnerReferral) -> String {
        var text = "\(referral.date.dotted) \(referral.partnerName): " + referral.reasons.map { $0.label.text(in: language) }.joined(separator: ", ")
        if !referral.consentOverride.isEmpty { text += " (\(strings.consentOverriddenNote(referral.consentOverride)))" }
        return text
    }

    /// A case's history, one line an entry; the laptop that made each entry is named as soon as
    /// more than one laptop wrote to the case (several laptops sharing the case file).
    func historyLines<Entries: Collection<HistoryEntry>>(_ entries: Entries) -> [String] {
        let namesDevice = Set(entries.map(\.device)).count > 1
        return entries.map { historyLine($0, namingDevice: namesDevice) }
    }

    /// "08.03.2026 14:05  anna  Family name: Ахмедова → Ахмедовa", with "anna (laptop 3f9a2c)"
    /// when `namingDevice`.
    func historyLine(_ entry: HistoryEntry, namingDevice: Bool = false) -> String {
        let what: String
        switch entry.change {
        case .opened(let number): what = strings.opened(number.description)
        case .field(let change): what = fieldChange(change)
        case .episodeField(let number, let change): what = strings.episodeHistoryLine(number, change: fieldChange(change))
        case .familyLinked(let link):
            what = strings.familyLinkedLine(link.relation.label.text(in: language), caseNumber: numberOf(link.relative))
        case .proceeding(let proceeding, _): what = strings.proceedingHistoryLine(self.proceeding(proceeding))
        case .hearing(let hearing, _): what = strings.hearingHistoryLine(self.hearing(hearing))
        case .note(let text): what = strings.noteLine(text)
        case .service(let entry): what = strings.serviceLine(service(entry))
        case .referral(let entry): what = strings.referralLine(referral(entry))
        case .status(let from, let to, let reason):
            what = strings.statusLine(from.label.text(in: language), to.label.text(in: language), reason)
        case .reopened(let from, let reason): what = strings.reopenedLine(from.label.text(in: language), reason)
        case .consentWithdrawn(let items, let note):
            what = strings.consentLine(items.map(label(of:)).joined(separator: ", ") + (note.isEmpty ? "" : " (\(note))"))
        case .viewed: what = strings.viewed
        case .duplicate(let original): what = strings.duplicateOf(numberOf(original))
        case .partnerReferral(let referral): what = strings.partnerReferralLine(partnerReferral(referral))
        case .referralStatus(let name, let status, let date, let outcome):
            what = strings.referralStatusLine(partner: name, status: status.label.text(in: language), date: date.dotted, outcome: outcome)
        case .flagSet(let flag): what = strings.flagSetLine(UserFlags.label(of: flag, in: language))
        case .flagCleared(let flag): what = strings.flagClearedLine(UserFlags.label(of: flag, in: language))
        case .objective, .action, .riskAssessment, .needsAssessment, .followUpAdded, .followUpResolved:
            what = caseworkLine(entry.change, record: record)
        case .conflictResolved(let change):
            what = strings.conflictResolvedLine(label(of: change.key), change.new.map { value($0, of: change.key) } ?? strings.empty)
        }
        let who = namingDevice ? "\(entry.author) (\(laptop(entry.device)))" : entry.author
        return "\(time(entry.time))  \(who)  \(what)"
    }

    /// "Family name: Ахмедова → Ахмедовa".
    func fieldChange(_ change: FieldChange) -> String {
        "\(label(of: change.key)): \(change.old.map { value($0, of: change.key) } ?? strings.empty) → \(change.new.map { value($0, of: change.key) } ?? strings.empty)"
    }

    /// "Criminal · Алматинский городской суд · Kazakhstan · Victim", then the outcome and compensation.
    func proceeding(_ proceeding: LegalProceeding) -> String {
        var parts = [proceeding.kind.label.text(in: language), proceeding.authority,
                     proceeding.country.isEmpty ? "" : Countries.name(of: proceeding.country, in: language),
                     proceeding.role.label.text(in: language)].filter { !$0.isEmpty }
        if !proceeding.outcome.isEmpty { parts.append(strings.outcomeLine(proceeding.outcome)) }
        if proceeding.compensationClaimed != nil || proceeding.compensationAwarded != nil {
            parts.append(strings.compensation(claimed: proceeding.compensationClaimed.map(strings.w.number) ?? "—",
                                              awarded: proceeding.compensationAwarded.map(strings.w.number) ?? "—"))
        }
        return parts.joined(separator: " · ")
    }

    /// "Hearing 12.03.2027: not yet held" or "Hearing 12.01.2027: adjourned".
    func hearing(_ hearing: Hearing) -> String {
        hearing.outcome.isEmpty ? strings.hearingPending(strings.w.day(hearing.date))
            : strings.hearingEntry(strings.w.day(hearing.date), outcome: hearing.outcome)
    }

    /// An episode's answers, one per line, as the overview shows the intake's.
    func episode(_ episode: Episode) -> [String] {
        EpisodeForms.episode.fields.filter { $0.relevance.isSatisfied(by: episode.values) && episode[$0.key] != nil }
            .map { "  \($0.label.text(in: language)): \(value(episode[$0.key], of: $0.key))" }
    }

    /// A laptop as History and the conflict screen name it: its name, or the start of its id before it has one.
    func laptop(_ device: DeviceID) -> String {
        deviceNames[device] ?? strings.deviceShort(String(device.description.prefix(6)))
    }

    /// The flags a caseworker set, in capitals so they are seen first ("SAFETY RISK").
    func userFlags(_ flags: [String]) -> String {
        flags.map { UserFlags.label(of: $0, in: language).uppercased() }.joined(separator: " · ")
    }

    func flags(_ flags: CaseFlags) -> String {
        var names: [String] = []
        if flags.contains(.immediateDanger) { names.append(strings.flagImmediateDanger) }
        if flags.contains(.highRisk) { names.append(strings.flagHighRisk) }
        if flags.contains(.minorAtIntake) { names.append(strings.flagMinor) }
        if flags.contains(.minorAtExploitation) { names.append(strings.flagMinorAtExploitation) }
        if flags.contains(.consentWithdrawn) { names.append(strings.flagConsentWithdrawn) }
        if flags.contains(.conflictingEdits) { names.append(strings.flagConflict) }
        if flags.contains(.noStatisticsConsent) { names.append(strings.flagNoStatistics) }
        return names.joined(separator: " · ")
    }
}
