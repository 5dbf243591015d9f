import Foundation
import Testing
@testable import CaseModel

/// Exploitation episodes (issue 15): the intake's situation page is the first; a person trafficked
/// again gets another; statistics count people and episodes apart; the first episode decides
/// "first exploited under 18"; the one-row-per-person exports join several episodes.
@Suite struct EpisodeTests {
    /// A case of the situation page, then a second episode added on the case file.
    static func twoEpisodes(secondAge: Int = 24, secondStart: String? = "2025-02-01",
                            firstStart: String? = nil) -> (store: CaseStore, caseID: CaseID, events: [Event]) {
        var factory = Fixtures.factory()
        let caseID: CaseID = factory.nextID()
        var values = Fixtures.person(family: "Каримова", age: 25, citizenship: ["UZ"], exploitation: ["sexualExploitation"],
                                     countries: ["TR"], ageAtExploitation: 17)
        values[.meansOfControl] = .codes(["debtBondage", "withholdsDocuments"])
        if let firstStart { values[.episodeStart] = .date(Fixtures.date(firstStart)) }
        var events = factory.openCase(values: values, openedOn: Fixtures.today, caseID: caseID)
        var second: [FieldKey: FieldValue] = [
            .exploitationTypes: .codes(["forcedLabour"]), .labourSector: .code("agriculture"),
            .countriesOfExploitation: .codes(["RU", "TR"]), .ageAtExploitation: .number(secondAge),
            .episodeEnding: .code("escaped"),
        ]
        if let secondStart { second[.episodeStart] = .date(Fixtures.date(secondStart)) }
        let episode: EpisodeID = factory.nextID()
        events.append(factory.make(.episodeSet(caseID: caseID, episode: episode,
                                               changes: EventFactory.changes(from: [:], to: second))))
        return (CaseStore.replay(events), caseID, events)
    }

    @Test func aLogWrittenBeforeEpisodesReplaysIntoOneEpisodeThatIsItsSituationPage() throws {
        var factory = Fixtures.factory()
        let caseID: CaseID = factory.nextID()
        var values = Fixtures.person(family: "Old", age: 30, exploitation: ["forcedLabour"], sector: "construction",
                                     countries: ["RU"], ageAtExploitation: 16)
        values[.traffickingStatus] = .code("actual")
        values[.recruitmentMethods] = .codes(["jobOffer"])
        values[.exploitationMonths] = .number(8)
        // The events exactly as a release before episodes wrote them, through the codec.
        let written = factory.openCase(values: values, openedOn: Fixtures.today, caseID: caseID).map { event in
            let (type, payload) = EventCodec.encode(event)
            return EventCodec.decode(recordType: type, payload: payload)
        }
        var store = CaseStore()
        for record in written { store.apply(record) }
        let record = try #require(store[caseID])

        #expect(record.episodes.count == 1)
        let situation = StandardSchema.situation.fields.map(\.key).filter { values[$0] != nil && $0 != .traffickingStatus }
        #expect(record.episodes[0].id == .intake)
        #expect(record.episodes[0].values == values.filter { situation.contains($0.key) })
        #expect(record.firstEpisode == record.episodes[0])
        #expect(record.isMinorAtExploitation)
        #expect(record.answersAcrossEpisodes == record.values, "one episode: the exports read the answers as they are")
    }

    @Test func aSecondEpisodeIsKeptBesideTheFirstAndRoundTripsThroughTheCodec() throws {
        let (store, caseID, events) = Self.twoEpisodes()
        let record = try #require(store[caseID])
        #expect(record.episodes.count == 2)
        #expect(record.episodes[1][.exploitationTypes] == .codes(["forcedLabour"]))
        #expect(record.episodes[1][.episodeEnding] == .code("escaped"))
        #expect(record[.exploitationTypes] == .codes(["sexualExploitation"]), "the intake's answers are unchanged")

        let decoded = events.map { event -> Event? in
            let (type, payload) = EventCodec.encode(event)
            if case .event(let back) = EventCodec.decode(recordType: type, payload: payload) { return back }
            return nil
        }
        #expect(decoded == events.map { $0 })
        let history = store.history(of: caseID)
        #expect(history.contains { if case .episodeField(number: 2, _) = $0.change { true } else { false } })
    }

    @Test func statisticsCountPeopleAndEpisodesApart() {
        let (store, _, _) = Self.twoEpisodes()
        let other = Fixtures.store([Fixtures.person(family: "B", age: 30, exploitation: ["forcedLabour"],
                                                    sector: "construction", countries: ["RU"], ageAtExploitation: 20)])
        let report = StatisticsBuilder.report(for: Array(store.records) + Array(other.records), query: StatisticsQuery(minCell: 1))
        #expect(report.total == 2)
        #expect(report.episodes == 3)
        // People: each counted once in every type any of their episodes has.
        #expect(Set(report.byExploitation) == [StatisticsCell(code: "forcedLabour", count: 2),
                                               StatisticsCell(code: "sexualExploitation", count: 1)])
        #expect(Set(report.byLabourSector) == [StatisticsCell(code: "agriculture", count: 1),
                                               StatisticsCell(code: "construction", count: 1)])
        #expect(Set(report.byCountryOfExploitation) == [StatisticsCell(code: "RU", count: 2),
                                                        StatisticsCell(code: "TR", count: 1)])
        // Episodes: each counted.
        #expect(Set(report.byExploitationOfEpisodes) == [StatisticsCell(code: "forcedLabour", count: 2),
                                                         StatisticsCell(code: "sexualExploitation", count: 1)])
        #expect(report.minorsAtExploitation == 1)
        #expect(StatisticsJSONRenderer.render(report).contains("\"episodes\":3"))
        #expect(StatisticsTextRenderer.render(report, in: .en).contains("3 exploitation episodes"))
    }

    @Test func firstExploitedUnder18IsDecidedByTheFirstEpisode() throws {
        // The intake's episode at 17; a later one at 24: a minor at first exploitation.
        #expect(try #require(Self.twoEpisodes().store.records.first).isMinorAtExploitation)
        // The intake's episode (2024, at 20) came after an earlier one recorded later (2019, at 15).
        var (store, caseID, _) = Self.twoEpisodes(secondAge: 15, secondStart: "2019-05-01", firstStart: "2024-01-10")
        var record = try #require(store[caseID])
        #expect(record.firstEpisode.id != .intake)
        #expect(record.isMinorAtExploitation)
        #expect(record.flags.contains(.minorAtExploitation))
        // Undated: the intake's episode is the first.
        (store, caseID, _) = Self.twoEpisodes(secondAge: 15, secondStart: nil)
        record = try #require(store[caseID])
        #expect(record.firstEpisode.id == .intake)
    }

    @Test func ctdcAndHTCDSRowsJoinSeveralEpisodesOfOnePerson() throws {
        let (store, _, _) = Self.twoEpisodes()
        let exporter = CaseExporter(pseudonymSecret: Array("secret".utf8))
        let ctdc = exporter.table(store.records, variant: .ctdc)
        #expect(ctdc.rows.count == 1, "CTDC counts victims: one row per person")
        let row = Dictionary(uniqueKeysWithValues: zip(ctdc.header, ctdc.rows[0]))
        #expect(row["typeOfExploitConcatenated"] == "Sexual exploitation;Forced labour")
        #expect(row["isForcedLabour"] == "1" && row["isSexualExploit"] == "1")
        #expect(row["typeOfLabourConcatenated"] == "Agriculture")
        #expect(row["CountryOfExploitation"] == "TR;RU")
        #expect(row["majorityStatusAtExploit"] == "Minor", "the first episode's age")

        let htcds = exporter.table(store.records, variant: .htcds)
        #expect(htcds.rows.count == 2, "the labels row and one row for the case, as the template has")
        let cells = Dictionary(uniqueKeysWithValues: zip(htcds.header, htcds.rows[1]))
        #expect(cells["vic_TypeOfExploitation"] == "Sexual exploitation; Forced labour")
        #expect(cells["vic_LocationOfExploitation"]?.contains("; ") == true)
    }
}
