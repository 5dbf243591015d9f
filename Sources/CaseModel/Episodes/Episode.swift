public enum EpisodeTag {}
/// Identifies one exploitation episode of a case.
public typealias EpisodeID = Identifier<EpisodeTag>

extension EpisodeID {
    /// The episode the intake's situation page describes: every case has it, so a case file written
    /// before episodes existed replays into exactly one episode, its situation answers.
    public static let intake = EpisodeID(high: 0, low: 0)
}

/// One exploitation episode: a period of trafficking with its places, types, recruitment, means
/// of control and how it ended (HTCDS's dated exploitation events, `hte_*`). The first is the
/// intake's situation page, kept in the case's answers; a person trafficked again gets another.
public struct Episode: Codable, Sendable, Hashable, Identifiable {
    public let id: EpisodeID
    /// The answers of `EpisodeForms.episode`, by key.
    public internal(set) var values: [FieldKey: FieldValue]

    public init(id: EpisodeID, values: [FieldKey: FieldValue]) {
        self.id = id
        self.values = values
    }

    public subscript(key: FieldKey) -> FieldValue? { values[key] }

    public var start: CalendarDate? { values[.episodeStart]?.date }
    public var isIntake: Bool { id == .intake }
}

/// How an episode ended.
public enum EpisodeEnding: String, Sendable, Hashable, CaseIterable {
    case escaped, rescuedByPolice, rescuedByOthers, released, deported, stillOngoing, other, unknown

    var code: Code { Code(rawValue, label: "codeList.episodeEnding.\(rawValue)") }
    public static let codeList = CodeList(id: "episodeEnding", codes: allCases.map(\.code))
}

/// The episode form, declared as data like the intake: the intake's situation questions that
/// describe one period of exploitation (the trafficking status stays the case's), and four that
/// only an episode has.
public enum EpisodeForms {
    private static func label(_ key: String) -> LocalizedText { LocalizedText(key) }

    /// The situation questions that belong to an episode, as the intake declares them.
    static let situationKeys: [FieldKey] = [
        .exploitationTypes, .labourSector, .sexualExploitationType, .recruitmentMethods, .recruiterRelation, .abduction,
        .meansOfControl, .countriesOfRecruitment, .countriesOfTransit, .countriesOfExploitation, .ageAtExploitation,
        .exploitationMonths,
    ]

    public static let episode: IntakeSchema = {
        let situation = StandardSchema.situation.fields
        let shared = situationKeys.compactMap { key in situation.first { $0.key == key } }
        let own = [
            Field(.episodeStart, .date, label: label("field.episodeStart"), rules: [.notInFuture]),
            Field(.episodeEnd, .date, label: label("field.episodeEnd"), rules: [.notInFuture, .notBefore(.episodeStart)]),
            Field(.exploitationPlaces, .text, label: label("field.exploitationPlaces"),
                  help: label("field.exploitationPlaces.help"), maxLength: 300),
            Field(.episodeEnding, .singleChoice, label: label("field.episodeEnding"), codeList: EpisodeEnding.codeList),
        ]
        return IntakeSchema(sections: [Section(id: "episode", title: label("section.episode"),
                                               fields: Array(own.prefix(3)) + shared + [own[3]])])
    }()

    /// Every key an episode holds.
    public static let keys: Set<FieldKey> = Set(episode.fields.map(\.key))
}

extension FieldKey {
    // An exploitation episode (the intake's episode keeps them among the case's answers).
    public static let episodeStart: FieldKey = "episodeStart"
    public static let episodeEnd: FieldKey = "episodeEnd"
    public static let exploitationPlaces: FieldKey = "exploitationPlaces"
    public static let episodeEnding: FieldKey = "episodeEnding"
}

extension CaseRecord {
    /// The intake's episode, from the case's answers.
    public var intakeEpisode: Episode { Episode(id: .intake, values: values.filter { EpisodeForms.keys.contains($0.key) }) }

    /// Every episode: the intake's, then the others in the order they were added.
    public var episodes: [Episode] { [intakeEpisode] + laterEpisodes }

    /// The episode in which the person was first exploited: the intake's, unless another one
    /// started before it (both dated).
    public var firstEpisode: Episode { episodeBeforeIntake ?? intakeEpisode }

    /// The earliest of the later episodes that started before the intake's (both dated): the first
    /// episode when there is one. Found without building the intake's episode (a filtered copy of
    /// the answers), so that what is derived at every change of a case reads the answers as they are.
    var episodeBeforeIntake: Episode? {
        guard let intakeStart = values[.episodeStart]?.date else { return nil }
        return laterEpisodes.compactMap { episode in episode.start.map { (episode, $0) } }
            .filter { $0.1 < intakeStart }
            .min { $0.1 < $1.1 }?.0
    }

    /// The episode with `id`.
    public func episode(_ id: EpisodeID) -> Episode? { episodes.first { $0.id == id } }
}

extension CaseRecord {
    /// The case's answers with each coded episode answer (types, sectors, recruitment, means of
    /// control, countries) joined across all episodes, each code once, and the age at
    /// exploitation of the first episode: what a one-row-per-person export (CTDC, the HTCDS
    /// template, whose multi-select cells hold several values) says about several episodes.
    public var answersAcrossEpisodes: [FieldKey: FieldValue] {
        let episodes = self.episodes
        guard episodes.count > 1 else { return values }
        var merged = values
        for field in EpisodeForms.episode.fields where field.codeList != nil || field.kind == .countries {
            guard StandardSchema.situation.fields.contains(where: { $0.key == field.key }) else { continue }
            var codes: [String] = []
            for code in episodes.compactMap({ $0[field.key] }).flatMap(\.codeList) where !codes.contains(code) {
                codes.append(code)
            }
            merged[field.key] = codes.isEmpty ? nil : field.kind.isMultiple || codes.count > 1 ? .codes(codes) : .code(codes[0])
        }
        merged[.ageAtExploitation] = firstEpisode[.ageAtExploitation]
        return merged
    }
}
