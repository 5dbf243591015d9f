/// Computes the yearly report from case states. Cases count in the period of their intake date;
/// a case whose person said no to anonymous statistics is left out entirely.
public enum StatisticsBuilder {
    public static func report<S: Sequence>(for cases: S, query: StatisticsQuery = StatisticsQuery()) -> StatisticsReport
    where S.Element == CaseRecord {
        var total = 0
        var excluded = 0
        var agesByGender: [String: [Int]] = [:]
        var countByGender: [String: Int] = [:]
        var minors = 0
        var citizenship: [String: Int] = [:]
        var exploitation: [String: Int] = [:]
        var labourSector: [String: Int] = [:]
        var countryOfExploitation: [String: Int] = [:]
        var referralSource: [String: Int] = [:]
        var status: [String: Int] = [:]
        var episodeCount = 0
        var exploitationByEpisode: [String: Int] = [:]

        // A case marked as another's duplicate is the same person: counted once, as the original.
        for record in cases where query.includes(record.intakeDate) && record.duplicateOf == nil {
            if record.flags.contains(.noStatisticsConsent) {
                excluded += 1
                continue
            }
            total += 1
            let gender = record[.gender]?.code ?? StatisticsCell.unknownCode
            countByGender[gender, default: 0] += 1
            if let age = record.ageAtIntake { agesByGender[gender, default: []].append(age) }
            if record.isMinorAtExploitation { minors += 1 }
            count(record[.citizenship], into: &citizenship)
            // A person counts once in each category any of their episodes has; episodes count each.
            let episodes = record.episodes
            episodeCount += episodes.count
            for episode in episodes { count(episode[.exploitationTypes], into: &exploitationByEpisode) }
            count(union(episodes.map { $0[.exploitationTypes] }), into: &exploitation)
            let inForcedLabour = episodes.filter { $0[.exploitationTypes]?.contains("forcedLabour") == true }
            if !inForcedLabour.isEmpty { count(union(inForcedLabour.map { $0[.labourSector] }), into: &labourSector) }
            count(union(episodes.map { $0[.countriesOfExploitation] }), into: &countryOfExploitation)
            count(record[.referralSource], into: &referralSource)
            status[record.status.rawValue, default: 0] += 1
        }

        let minCell = query.minCell
        return StatisticsReport(
            from: query.from, to: query.to, minCell: minCell, total: total, episodes: episodeCount,
            byGender: genderCells(countByGender, ages: agesByGender, minCell: minCell),
            minorsAtExploitation: SmallCellSuppression.figure(minors, minCell: minCell),
            byCitizenship: SmallCellSuppression.cells(citizenship, minCell: minCell),
            byExploitation: SmallCellSuppression.cells(exploitation, minCell: minCell),
            byExploitationOfEpisodes: SmallCellSuppression.cells(exploitationByEpisode, minCell: minCell),
            byLabourSector: SmallCellSuppression.cells(labourSector, minCell: minCell),
            byCountryOfExploitation: SmallCellSuppression.cells(countryOfExploitation, minCell: minCell),
            byReferralSource: SmallCellSuppression.cells(referralSource, minCell: minCell),
            byStatus: SmallCellSuppression.cells(status, minCell: minCell),
            excludedWithoutConsent: excluded)
    }

    /// The codes of several answers together, each once (nil when none is answered).
    private static func union(_ values: [FieldValue?]) -> FieldValue? {
        var codes: [String] = []
        for code in values.compactMap({ $0 }).flatMap(\.codeList) where !codes.contains(code) { codes.append(code) }
        return codes.isEmpty ? nil : .codes(codes)
    }

    /// Each code of the value once; an unanswered field counts as `unknown`.
    private static func count(_ value: FieldValue?, into counts: inout [String: Int]) {
        let codes = value?.codeList ?? []
        if codes.isEmpty {
            counts[StatisticsCell.unknownCode, default: 0] += 1
            return
        }
        for code in Set(codes) { counts[code, default: 0] += 1 }
    }

    private static func genderCells(_ counts: [String: Int], ages: [String: [Int]], minCell: Int) -> [GenderCell] {
        let partition = SmallCellSuppression.partition(counts, minCell: minCell)
        var cells = partition.shown.map { code in
            GenderCell(code: code, count: counts[code], ageMin: ages[code]?.min(), ageMax: ages[code]?.max())
        }
        if partition.otherCount > 0 {
            if partition.otherSuppressed {
                cells.append(GenderCell(code: StatisticsCell.otherCode, count: nil, ageMin: nil, ageMax: nil))
            } else {
                let merged = partition.merged.flatMap { ages[$0] ?? [] }
                cells.append(GenderCell(code: StatisticsCell.otherCode, count: partition.otherCount,
                                        ageMin: merged.min(), ageMax: merged.max()))
            }
        }
        return cells
    }
}
