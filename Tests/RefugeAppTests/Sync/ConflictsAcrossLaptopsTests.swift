import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal
import Testing

/// Two laptops on one machine (two folders, files copied by hand): a field edited on both apart is
/// chosen on a screen and then shown alike on both; two intakes of the same person are offered to
/// link on both; another laptop's events arrive while the application runs.
@Suite struct ConflictsAcrossLaptopsTests {
    typealias Workspace = TwoLaptopTests.Workspace

    /// As `Workspace.joined`, the one case registered on 1 March 2026: before the screens' today
    /// (`AppHarness.today`), so that their forms take its answers as they are.
    static func joined() throws -> (Workspace, CaseID) {
        let workspace = try Workspace()
        let book = try CaseBook.create(at: workspace.a.folder, state: workspace.a.state, organisation: "Shelter",
                                       user: TwoLaptopTests.user, passphrase: TwoLaptopTests.passphrase, kdf: .fastForTests,
                                       calendar: TwoLaptopTests.calendar)
        let id = try book.openCase(values: [.familyName: .text("Ахметова"), .givenName: .text("Айгүл"), .gender: .code("female"),
                                            .intakeDate: .date(CalendarDate(year: 2026, month: 3, day: 1)!)])
        book.close()
        try workspace.b.receive(from: workspace.a)
        try CaseBook.join(at: workspace.b.folder, state: workspace.b.state, user: TwoLaptopTests.user,
                          passphrase: TwoLaptopTests.passphrase, calendar: TwoLaptopTests.calendar).close()
        return (workspace, id)
    }

    /// Both laptops edit the family name of the one case apart, then each receives the other's log.
    static func conflicted(_ names: (String, String) = ("Ахметова-2", "Akhmetova")) throws -> (Workspace, CaseID) {
        let (workspace, id) = try joined()
        for (laptop, name) in [(workspace.a, names.0), (workspace.b, names.1)] {
            let book = try laptop.open()
            var values = try #require(book.store[id]?.values)
            values[.familyName] = .text(name)
            try book.updateCase(id, to: values)
            book.close()
        }
        try workspace.a.receive(from: workspace.b)
        try workspace.b.receive(from: workspace.a)
        return (workspace, id)
    }

    /// The application on laptop A of `workspace`, signed in.
    static func harness(on laptop: TwoLaptopTests.Laptop, language: Language, size: Size = Size(width: 80, height: 24),
                        clock: FakeClock = FakeClock()) -> AppHarness {
        let harness = AppHarness(language: language, size: size, directory: laptop.folder, clock: clock, stateDirectory: laptop.state)
        harness.signIn(user: TwoLaptopTests.user, passphrase: TwoLaptopTests.passphrase)
        if harness.top is AgendaScreen { harness.press(.escape) }
        return harness
    }

    @Test func resolvingOnOneLaptopLeavesTheChosenValueAndNoConflictOnBoth() throws {
        let (workspace, id) = try Self.conflicted()
        let onA = try workspace.a.open()
        let conflicts = try onA.conflicts(of: id)
        #expect(conflicts.map(\.key) == [.familyName])
        #expect(Set(conflicts.first?.edits.map(\.value) ?? []) == [.text("Ахметова-2"), .text("Akhmetova")])
        #expect(Set(conflicts.first?.edits.map(\.device) ?? []).count == 2, "each value names its laptop")
        try onA.resolveConflict(in: id, field: .familyName, choosing: .text("Ахметова-2"))
        onA.close()
        try workspace.b.receive(from: workspace.a)
        let a = try workspace.a.open(.readOnly), b = try workspace.b.open(.readOnly)
        defer { a.close(); b.close() }
        for book in [a, b] {
            #expect(book.store[id]?.values[.familyName] == .text("Ахметова-2"))
            #expect(book.store[id]?.conflictingFields == [])
            #expect(try book.conflicts(of: id).isEmpty)
        }
        #expect(TwoLaptopTests.sameState(a, b))
    }

    /// A form opened before another laptop's change arrived is saved against what it showed: a
    /// field the user did not touch keeps the other laptop's value; one both changed is a conflict.
    @Test func aSaveMadeAgainstWhatTheFormShowedNeverOverwritesAnotherLaptopsChange() throws {
        let (workspace, id) = try Self.joined()
        let onA = try workspace.a.open()
        let shown = try #require(onA.store[id]?.values)
        let onB = try workspace.b.open()
        var fromB = shown
        fromB[.givenName] = .text("Айгерим")
        fromB[.familyName] = .text("Akhmetova")
        try onB.updateCase(id, to: fromB)
        onB.close()
        try workspace.a.receive(from: workspace.b)
        #expect(try onA.takeInOtherLaptops() == 1, "B's edit (its name, given when it joined, is not news)")
        var typed = shown
        typed[.familyName] = .text("Ахметова-Серікқызы")
        try onA.updateCase(id, from: shown, to: typed)
        let record = try #require(onA.store[id])
        #expect(record.values[.givenName] == .text("Айгерим"), "a field A did not touch keeps B's value")
        #expect(record.conflictingFields == [.familyName])
        onA.close()
    }

    @Test func twoIntakesOfOnePersonOnTwoLaptopsAreOfferedOnBothAndLinkedOnce() throws {
        let (workspace, _) = try Self.joined()
        let person: [FieldKey: FieldValue] = [.familyName: .text("Сейтқали"), .givenName: .text("Дана"), .gender: .code("female"),
                                              .birthDate: .date(CalendarDate(year: 2001, month: 4, day: 2)!),
                                              .intakeDate: .date(TwoLaptopTests.calendar.today)]
        var ids: [CaseID] = []
        for (laptop, spelling) in [(workspace.a, "Сейтқали"), (workspace.b, "Сейткали")] {
            let book = try laptop.open()
            var values = person
            values[.familyName] = .text(spelling)
            ids.append(try book.openCase(values: values))
            book.close()
        }
        try workspace.a.receive(from: workspace.b)
        try workspace.b.receive(from: workspace.a)
        for laptop in [workspace.a, workspace.b] {
            let book = try laptop.open(.readOnly)
            #expect(book.possibleDuplicatesFromOtherLaptops(of: ids[0]).map(\.caseID) == [ids[1]])
            #expect(book.possibleDuplicatesFromOtherLaptops(of: ids[1]).map(\.caseID) == [ids[0]])
            book.close()
        }
        let onB = try workspace.b.open()
        try onB.linkDuplicates(ids[0], ids[1])
        let later = try #require([ids[0], ids[1]].max { onB.store[$0]!.number < onB.store[$1]!.number })
        let earlier = ids[0] == later ? ids[1] : ids[0]
        #expect(onB.store[later]?.duplicateOf == earlier)
        onB.close()
        try workspace.a.receive(from: workspace.b)
        let onA = try workspace.a.open(.readOnly)
        defer { onA.close() }
        #expect(onA.store[later]?.duplicateOf == earlier)
        #expect(onA.possibleDuplicatesFromOtherLaptops(of: ids[0]).isEmpty && onA.possibleDuplicatesFromOtherLaptops(of: ids[1]).isEmpty)
    }

    // MARK: Screens

    @Test(arguments: [Language.ru, .en])
    func theConflictScreenShowsBothValuesWithWhoLaptopAndWhenAndEnterKeepsOne(language: Language) throws {
        let (workspace, id) = try Self.conflicted()
        let harness = Self.harness(on: workspace.a, language: language)
        let strings = AppStrings(language)
        #expect(harness.shows("≠ "), "the list marks the case\n\(harness.screen)")
        CaseFileScreen.open(id, session: harness.session)
        harness.run()
        #expect(harness.shows(strings.flagConflict), "\(harness.screen)")
        #expect(harness.shows(strings.conflictHint), "the header names the key\n\(harness.screen)")
        harness.press(.character("v"))
        let number = try #require(harness.book?.store[id]?.number.description)
        #expect(harness.shows(strings.conflictsTitle(number)), "\(harness.screen)")
        var text = CaseText(strings: strings)
        text.deviceNames = harness.book!.laptopNames
        for value in ["Ахметова-2", "Akhmetova", "anna (\(text.laptop(harness.book!.device)))"] {
            #expect(harness.shows(value), "\(value)\n\(harness.screen)")
        }
        #expect(harness.shows(strings.conflictsChoose) && harness.shows(strings.conflictsTypeValue), "\(harness.screen)")
        let rows = (0..<24).map(harness.terminal.row)
        let chosenRow = try #require(rows.firstIndex { $0.contains("Akhmetova") })
        let firstRow = try #require(rows.firstIndex { $0.contains("Ахметова-2") || $0.contains("Akhmetova") })
        for _ in firstRow..<chosenRow { harness.press(.down) }
        harness.press(.enter)
        #expect(harness.shows(strings.noConflictsLeft(number)), "\(harness.screen)")
        #expect(harness.book?.store[id]?.values[.familyName] == .text("Akhmetova"))
        #expect(harness.book?.store[id]?.conflictingFields == [])
        let flagsLine = (0..<24).map(harness.terminal.row).first { $0.contains("18%") } ?? ""
        #expect(!flagsLine.contains(strings.flagConflict) && !harness.shows(strings.conflictHint),
                "the case file no longer says so\n\(harness.screen)")
    }

    /// In Kazakh at 80x24: the case file's hint and the conflict screen show no word of another
    /// language (the laptops' hex ids aside: they are data).
    @Test func theConflictScreenInKazakh() throws {
        let (workspace, id) = try Self.conflicted(("Ахметова-2", "Ахметова-Серікқызы"))
        let harness = Self.harness(on: workspace.a, language: .kk)
        CaseFileScreen.open(id, session: harness.session)
        harness.run()
        #expect(harness.shows(AppStrings(.kk).conflictHint), "\(harness.screen)")
        harness.press(.character("v"))
        #expect(harness.shows("Ахметова-Серікқызы") && harness.shows(AppStrings(.kk).conflictsTitle("2026-0001")), "\(harness.screen)")
        let book = try #require(harness.book)
        // The laptops' ids and names (a host name when none was given) are data, not interface.
        let laptops = try book.conflicts(of: id).flatMap { $0.edits.map { String($0.device.description.prefix(6)) } }
            + book.laptopNames.values
        let foreign = ForeignWords.found(in: harness.screen).filter { word in !laptops.contains { $0.contains(word) } }
        #expect(foreign.isEmpty, "\(foreign)\n\(harness.screen)")
    }

    /// The same person registered on both laptops apart: the case file says so and names the key;
    /// `l` (`д`) and Enter link them, the later as the duplicate of the earlier.
    @Test func theCaseFileOffersAnIntakeOfTheSamePersonFromAnotherLaptopToLink() throws {
        let (workspace, _) = try Self.joined()
        var ids: [CaseID] = []
        for (laptop, spelling) in [(workspace.a, "Сейтқали"), (workspace.b, "Сейткали")] {
            let book = try laptop.open()
            ids.append(try book.openCase(values: [.familyName: .text(spelling), .givenName: .text("Дана"), .gender: .code("female"),
                                                  .intakeDate: .date(CalendarDate(year: 2026, month: 3, day: 2)!)]))
            book.close()
        }
        try workspace.a.receive(from: workspace.b)
        let harness = Self.harness(on: workspace.a, language: .ru)
        let strings = AppStrings(.ru)
        CaseFileScreen.open(ids[0], session: harness.session)
        harness.run()
        let book = try #require(harness.book)
        let other = try #require(book.store[ids[1]]?.number.description)
        #expect(harness.shows(strings.possibleDuplicates(other)) && harness.shows(strings.linkHint), "\(harness.screen)")
        harness.press(.character("l"))
        #expect(harness.shows(strings.linkDuplicateTitle(book.store[ids[0]]!.number.description)), "\(harness.screen)")
        harness.press(.enter)
        #expect(book.store[ids[1]]?.duplicateOf == ids[0], "the later case is the duplicate\n\(harness.screen)")
        #expect(!harness.shows(strings.possibleDuplicates(other)), "\(harness.screen)")
    }

    @Test func f4TypesAValueOfItsOwnWithTheFieldsEditor() throws {
        let (workspace, id) = try Self.conflicted()
        let harness = Self.harness(on: workspace.a, language: .en)
        CaseFileScreen.open(id, session: harness.session)
        harness.run()
        harness.press(.character("v"), .function(4))
        #expect(harness.shows(AppStrings(.en).conflictsNewValueTitle("Family name")), "\(harness.screen)")
        let form = try #require(harness.top as? FormScreen)
        form.editor(FieldKey.familyName.rawValue)?.value = .text("Akhmetova-Seitkali")
        harness.press(.function(2))
        #expect(harness.book?.store[id]?.values[.familyName] == .text("Akhmetova-Seitkali"), "\(harness.screen)")
        #expect(harness.book?.store[id]?.conflictingFields == [])
        #expect(harness.shows(AppStrings(.en).noConflictsLeft(harness.book!.store[id]!.number.description)), "\(harness.screen)")
    }

    /// While the application runs: another laptop's log copied into the folder shows up at the
    /// next look (every 2 s), with a quiet note; the open case file shows the change.
    @Test(arguments: [Language.ru, .en])
    func anotherLaptopsNewEventsAppearWhileTheApplicationRuns(language: Language) throws {
        let (workspace, id) = try Self.joined()
        let clock = FakeClock()
        let harness = Self.harness(on: workspace.a, language: language, clock: clock)
        CaseFileScreen.open(id, session: harness.session)
        harness.run()
        let onB = try workspace.b.open()
        var values = try #require(onB.store[id]?.values)
        values[.givenName] = .text("Айгерим")
        try onB.updateCase(id, to: values)
        try onB.openCase(values: [.familyName: .text("Ким"), .givenName: .text("Мин"), .gender: .code("male"),
                                  .intakeDate: .date(TwoLaptopTests.calendar.today)])
        onB.close()
        try workspace.a.receive(from: workspace.b)
        #expect(!harness.shows("Айгерим"))
        clock.advance(.seconds(2))
        harness.run()
        #expect(harness.shows("Айгерим"), "the open case file shows B's edit\n\(harness.screen)")
        #expect(harness.shows(AppStrings(language).newRecordsFromOtherLaptops(3)), "B's edit and intake\n\(harness.screen)")
        harness.press(.escape)
        #expect(harness.shows("Ким"), "the list shows B's new intake\n\(harness.screen)")
        clock.advance(.seconds(2))
        harness.run()
        #expect(harness.book?.store.caseCount == 2, "nothing is counted twice")
    }

    /// A form open while another laptop's change arrives keeps what it shows; saving a field that
    /// laptop changed too makes a conflict, never a silent overwrite.
    @Test func aFormBeingEditedIsNeverChangedUnderTheUser() throws {
        let (workspace, id) = try Self.joined()
        let clock = FakeClock()
        let harness = Self.harness(on: workspace.a, language: .ru, clock: clock)
        let record = try #require(harness.book?.store[id])
        let section = try #require(harness.session.forms.schema.sections.first { $0.fields.contains { $0.key == .familyName } })
        let form = CaseFormController.edit(session: harness.session, record: record, section: section)
        harness.run()
        let onB = try workspace.b.open()
        var values = try #require(onB.store[id]?.values)
        values[.familyName] = .text("Akhmetova")
        try onB.updateCase(id, to: values)
        onB.close()
        try workspace.a.receive(from: workspace.b)
        clock.advance(.seconds(2))
        harness.run()
        #expect(harness.book?.store[id]?.values[.familyName] == .text("Akhmetova"), "B's edit arrived")
        #expect(form.form.value(FieldKey.familyName.rawValue) == .text("Ахметова"), "the form still holds what it showed")
        #expect(harness.top === form)
        form.editor(FieldKey.familyName.rawValue)?.value = .text("Ахметова-Серікқызы")
        harness.press(.function(2))
        #expect(harness.book?.store[id]?.conflictingFields == [.familyName], "\(harness.screen)")
        #expect(harness.book?.store[id]?.values[.familyName] == .text("Ахметова-Серікқызы"))
    }
}
