import Foundation
import Testing
@testable import CaseModel

/// Issue 17: the snapshot's writer reads back what it encoded — each case, summary and list of
/// event references — and writes no snapshot when any of it does not read back equal, so that a
/// coder bug can neither stop an open from the snapshot nor make its state differ from the log's.
/// The checks are tested here on runs damaged or mismatched on purpose; a store of every kind of
/// case passes them and is written.
@Suite struct SnapshotReadBackTests {
    /// A caseload with notes, plans, assessments and follow-ups, plus a family link, a follow-up
    /// owned by a Kazakh name and names in Cyrillic, Kazakh and decomposed (NFD) form.
    static func richStore() -> CaseStore {
        var events = StoreSnapshotTests.events(cases: 30)
        let early = CaseStore.replay(events, keepsHistory: false)
        let named = early.records[1].id, linked = early.records[2].id, relative = early.records[3].id
        var factory = EventFactory(author: "Әлия Серікқызы", device: DeviceID(high: 7, low: 9), seed: 3,
                                   wallMillis: { UInt64(2_100_000_000_000) })
        events.append(factory.make(.fieldsSet(caseID: named, changes: [
            FieldChange(key: .familyName, old: early.records[1][.familyName], new: .text("Жаңаберге\u{0301}н")),
            FieldChange(key: .givenName, old: early.records[1][.givenName], new: .text("Андре\u{0438}\u{0306}")),
        ])))
        events.append(factory.make(.noteAdded(caseID: named, text: "Қоңырау шалды, e\u{0301}, 👩🏽‍⚕️")))
        events.append(factory.make(.familyLinked(caseID: linked, link: FamilyLink(relative: relative, relation: .child))))
        events.append(factory.make(.followUpAdded(caseID: named, followUp: FollowUpEntry(
            id: FollowUpID(high: 1, low: 2), title: "Сот отырысы", due: CalendarDate(year: 2026, month: 4, day: 1)!,
            owner: "Әлия Серікқызы"))))
        return StoreSnapshotTests.replayed(events, history: .eventReferences)
    }

    /// Every case of `store` encoded as the snapshot encodes it, with the table read back.
    static func encoded(_ store: CaseStore) throws -> (runs: ByteRuns, strings: StringList) {
        var table = StringTable()
        let runs = try store.records.encoded(strings: &table)
        return (runs, StringList(strings: table.list))
    }

    /// `runs` with run `index` replaced by `bytes`.
    static func replacing(_ index: Int, of runs: ByteRuns, with bytes: [UInt8]) -> ByteRuns {
        var result = ByteRuns()
        for position in 0..<runs.count {
            if position == index { result.append(bytes) } else { result.append(position, of: runs) }
        }
        return result
    }

    static func bytes(of run: Int, in runs: ByteRuns) -> [UInt8] { runs.withRun(run) { Array($0) } }

    @Test func aStoreOfEveryKindOfCaseReadsBackAndIsWritten() throws {
        let store = Self.richStore()
        let (runs, strings) = try Self.encoded(store)
        #expect(store.records.encodedCasesReadBack(from: runs, strings: strings))
        #expect(store.records.contains { !$0.relatives.isEmpty } && store.records.contains { !$0.notes.isEmpty })
        let data = try #require(store.snapshot())
        let restored = try #require(CaseStore(snapshot: data, history: .eventReferences))
        StoreSnapshotTests.expectSame(restored, store)
    }

    @Test func aCaseRunOfAnotherCaseOrALossyCoderIsCaught() throws {
        let store = Self.richStore()
        let (runs, strings) = try Self.encoded(store)
        // Another case's bytes in its place.
        #expect(!store.records.encodedCasesReadBack(from: Self.replacing(1, of: runs, with: Self.bytes(of: 2, in: runs)),
                                                    strings: strings))
        // What a coder that forgot a property would write: the case without its notes, or its relatives.
        for position in [1, 2] {
            var lossy = store.records[position]
            if position == 1 { lossy.notes = [] } else { lossy.relatives = [] }
            var table = StringTable(carrying: strings.strings)
            var out = ByteWriter()
            try CaseRecordCoder.write(lossy, to: &out, strings: &table)
            #expect(table.list == strings.strings)
            #expect(!store.records.encodedCasesReadBack(from: Self.replacing(position, of: runs, with: out.bytes), strings: strings))
        }
        // One run fewer.
        var short = ByteRuns()
        for position in 0..<(runs.count - 1) { short.append(position, of: runs) }
        #expect(!store.records.encodedCasesReadBack(from: short, strings: strings))
    }

    @Test func anAlteredByteOfACaseRunIsCaughtUnlessItsTextStaysCanonicallyEquivalent() throws {
        let store = Self.richStore()
        let (runs, strings) = try Self.encoded(store)
        let original = Self.bytes(of: 1, in: runs)
        var unseen: [Int] = []
        for index in original.indices {
            var altered = original
            altered[index] ^= 0x01
            if store.records.encodedCasesReadBack(from: Self.replacing(1, of: runs, with: altered), strings: strings) {
                unseen.append(index)
            }
        }
        // The one change a comparison with == cannot see: U+0301 (CC 81) made U+0341 (CD 81), its
        // canonical equivalent. Swift's strings are equal under canonical equivalence, as they are
        // for every reader of the case (search, duplicates, screens), so the state is the same.
        let acuteAccents = original.indices.dropLast().filter { original[$0] == 0xCC && original[$0 + 1] == 0x81 }
        #expect(acuteAccents.count == 2)  // the NFD family name's and the note's
        #expect(unseen == acuteAccents)
        #expect(!store.records.encodedCasesReadBack(from: Self.replacing(1, of: runs, with: original.dropLast()), strings: strings))
        #expect(!store.records.encodedCasesReadBack(from: Self.replacing(1, of: runs, with: original + [0]), strings: strings))
    }

    @Test func aStringTableThatNamesOtherStringsIsCaught() throws {
        let store = Self.richStore()
        let (runs, strings) = try Self.encoded(store)
        #expect(!store.records.encodedCasesReadBack(from: runs, strings: StringList(strings: strings.strings.dropLast())))
        var swapped = strings.strings
        swapped.swapAt(0, 1)
        #expect(!store.records.encodedCasesReadBack(from: runs, strings: StringList(strings: swapped)))
    }

    @Test func summariesThatDoNotReadBackAreCaught() throws {
        let store = Self.richStore()
        func written(_ summaries: [CaseSummary], carrying carried: [String] = []) -> (bytes: [UInt8], strings: StringList) {
            var table = StringTable(carrying: carried)
            var out = ByteWriter()
            for summary in summaries { CaseSummaryCoder.write(summary, to: &out, strings: &table) }
            return (out.bytes, StringList(strings: table.list))
        }
        let (bytes, strings) = written(store.summaries)
        #expect(CaseStore.summaries(store.summaries, readBackFrom: bytes[...], strings: strings))
        // Another case's summary in its place, a byte altered, one cut, one left over, another table.
        var mismatched = store.summaries
        mismatched[1] = mismatched[2]
        let other = written(mismatched, carrying: strings.strings)
        #expect(other.strings == strings)
        #expect(!CaseStore.summaries(store.summaries, readBackFrom: other.bytes[...], strings: strings))
        var altered = bytes
        altered[20] ^= 0x01
        #expect(!CaseStore.summaries(store.summaries, readBackFrom: altered[...], strings: strings))
        #expect(!CaseStore.summaries(store.summaries, readBackFrom: bytes.dropLast(), strings: strings))
        #expect(!CaseStore.summaries(store.summaries, readBackFrom: (bytes + [0])[...], strings: strings))
        var swapped = strings.strings
        swapped.swapAt(0, 1)
        #expect(!CaseStore.summaries(store.summaries, readBackFrom: bytes[...], strings: StringList(strings: swapped)))
    }

    @Test func referenceListsThatDoNotReadBackAreCaught() throws {
        var lists = EventReferenceLists()
        for position in 0..<4 {
            lists.appendCase()
            for reference in [1, 5, 3, 1_000_000, UInt64.max, 2] as [UInt64] { lists.append(reference &+ UInt64(position), at: position) }
        }
        lists.appendCase()  // a case with none
        let runs = lists.encoded()
        #expect(lists.encodedListsReadBack(from: runs))
        #expect(!lists.encodedListsReadBack(from: Self.replacing(1, of: runs, with: Self.bytes(of: 2, in: runs))))
        let original = Self.bytes(of: 1, in: runs)
        for index in original.indices {
            var altered = original
            altered[index] ^= 0x01
            #expect(!lists.encodedListsReadBack(from: Self.replacing(1, of: runs, with: altered)), "byte \(index) altered")
        }
        #expect(!lists.encodedListsReadBack(from: Self.replacing(1, of: runs, with: original + [0])))
        #expect(!lists.encodedListsReadBack(from: Self.replacing(4, of: runs, with: [])))
    }

    @Test func runsCopiedFromARestoredSnapshotAreNotReadAgain() throws {
        // They were read back when first written; the changed cases' runs (held decoded, or with
        // events kept aside beside their bytes) are read back.
        // (That such a snapshot is written and opens as the log replays: RestoredStoreTests.)
        let (store, _, changed, decoded) = try RestoredStoreTests.restoredThenChanged()
        var table = StringTable(carrying: store.records.restoredStrings)
        let runs = try store.records.encoded(strings: &table)
        let strings = StringList(strings: table.list)
        #expect(store.records.encodedCasesReadBack(from: runs, strings: strings))
        let id = { (position: Int) in store.summaries[position].id }
        let unchanged = try #require(store.records.indices.first { !changed.contains(id($0)) })
        let held = try #require(store.records.indices.first { decoded.contains(id($0)) })
        let keptAside = try #require(store.records.indices.first { changed.contains(id($0)) && !decoded.contains(id($0)) })
        #expect(store.records.isAsRestored(unchanged) && store.records.isDecoded(held))
        #expect(!store.records.isAsRestored(keptAside) && !store.records.isDecoded(keptAside))
        #expect(store.records.encodedCasesReadBack(from: Self.replacing(unchanged, of: runs, with: [0xFF]), strings: strings))
        #expect(!store.records.encodedCasesReadBack(from: Self.replacing(held, of: runs, with: [0xFF]), strings: strings))
        #expect(!store.records.encodedCasesReadBack(from: Self.replacing(keptAside, of: runs, with: [0xFF]), strings: strings))
    }
}
