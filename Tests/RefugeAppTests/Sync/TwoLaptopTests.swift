import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
import Testing

/// Two laptops on one machine: two shared folders and two state directories, the files carried
/// between them by copying, as a USB stick or Syncthing would (docs/sync.md).
@Suite struct TwoLaptopTests {
    static let user = "anna"
    static let passphrase = "correct-horse-1"
    static let calendar = ValidationContext(today: CalendarDate(year: 2026, month: 6, day: 15)!)

    /// One laptop: its copy of the shared folder and its own state directory.
    struct Laptop {
        let folder: URL
        let state: URL

        func open(_ mode: OpenMode = .readWrite) throws -> CaseBook {
            try CaseBook.open(at: folder, state: state, user: TwoLaptopTests.user, passphrase: TwoLaptopTests.passphrase,
                              mode: mode, calendar: TwoLaptopTests.calendar)
        }

        var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
        var deviceLogs: [String] { files.filter { $0.hasPrefix("events-") } }

        func bytes(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

        /// Copies every shared file of `other`'s folder that this laptop does not write itself
        /// (what a sync does: its own log is never overwritten by another's copy).
        func receive(from other: Laptop, only names: [String]? = nil) throws {
            let own = Set(deviceLogs.filter { name in (try? ownLogName()) == name })
            for name in names ?? other.files where !own.contains(name) {
                let target = folder.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: other.folder.appendingPathComponent(name), to: target)
            }
        }

        func ownLogName() throws -> String {
            try String(contentsOf: state.appendingPathComponent("own-log"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    final class Workspace {
        let root: URL
        let a: Laptop
        let b: Laptop

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-two-laptops-\(UUID().uuidString)")
            a = Laptop(folder: root.appendingPathComponent("a/Refuge"), state: root.appendingPathComponent("a/state"))
            b = Laptop(folder: root.appendingPathComponent("b/Refuge"), state: root.appendingPathComponent("b/state"))
            try FileManager.default.createDirectory(at: b.folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// Laptop A makes the case file with one intake; B receives the folder and joins.
        static func joined() throws -> (Workspace, CaseID) {
            let workspace = try Workspace()
            let book = try CaseBook.create(at: workspace.a.folder, state: workspace.a.state, organisation: "Shelter",
                                           user: user, passphrase: passphrase, kdf: .fastForTests, calendar: calendar)
            let id = try book.openCase(values: [.familyName: .text("Ахметова"), .givenName: .text("Айгүл"),
                                                .gender: .code("female"), .intakeDate: .date(calendar.today)])
            book.close()
            try workspace.b.receive(from: workspace.a)
            try CaseBook.join(at: workspace.b.folder, state: workspace.b.state, user: user, passphrase: passphrase,
                              calendar: calendar).close()
            return (workspace, id)
        }
    }

    /// Everything the two laptops' screens and statistics could differ in.
    static func sameState(_ one: CaseBook, _ other: CaseBook) -> Bool {
        one.store.records == other.store.records && one.store.users == other.store.users
            && one.store.records.allSatisfy { one.store.history(of: $0.id) == other.store.history(of: $0.id) }
    }

    @Test func theFolderHoldsOnlySharedFilesAndEachLaptopItsOwnLog() throws {
        let (workspace, _) = try Workspace.joined()
        let book = try workspace.a.open()
        try book.saveDraft(Data("{}".utf8))
        book.close()
        for laptop in [workspace.a, workspace.b] {
            #expect(laptop.files.allSatisfy { $0 == "keys" || $0 == "events.log" || $0.hasPrefix("events-") }, "\(laptop.files)")
        }
        #expect(workspace.a.deviceLogs.count == 1)
        #expect(workspace.b.deviceLogs.count == 2)
        #expect(try workspace.a.ownLogName() != workspace.b.ownLogName())
        let state = try FileManager.default.contentsOfDirectory(atPath: workspace.a.state.path)
        #expect(state.contains("device.sealed") && state.contains { $0.hasPrefix("draft-") }, "\(state)")
    }

    @Test func anIntakeOnOneLaptopAndAnEditOnTheOtherReachBoth() throws {
        let (workspace, id) = try Workspace.joined()
        let onB = try workspace.b.open()
        #expect(onB.store[id]?.values[.familyName] == .text("Ахметова"))
        var values = try #require(onB.store[id]?.values)
        values[.familyName] = .text("Ахметова-Серікқызы")
        try onB.updateCase(id, to: values)
        onB.close()

        try workspace.a.receive(from: workspace.b)
        let onA = try workspace.a.open()
        defer { onA.close() }
        #expect(onA.store[id]?.values[.familyName] == .text("Ахметова-Серікқызы"))
        let history = onA.store.history(of: id)
        #expect(Set(history.map(\.device)).count == 2, "the history names both laptops")
        let again = try workspace.b.open(.readOnly)
        defer { again.close() }
        #expect(Self.sameState(onA, again))
    }

    /// The same field edited on both laptops while apart: both values are kept in the history,
    /// and the case is marked as conflicting on both, the same way (never silently decided).
    @Test func theSameFieldEditedOnBothLaptopsApartIsOneConflictOnBoth() throws {
        let (workspace, id) = try Workspace.joined()
        for (laptop, name) in [(workspace.a, "Ахметова"), (workspace.b, "Akhmetova")] {
            let book = try laptop.open()
            var values = try #require(book.store[id]?.values)
            values[.familyName] = .text(name + "-2")
            try book.updateCase(id, to: values)
            book.close()
        }
        try workspace.a.receive(from: workspace.b)
        try workspace.b.receive(from: workspace.a)
        let onA = try workspace.a.open(.readOnly), onB = try workspace.b.open(.readOnly)
        defer { onA.close(); onB.close() }
        for book in [onA, onB] {
            let record = try #require(book.store[id])
            #expect(record.conflictingFields == [.familyName])
            #expect(record.flags.contains(.conflictingEdits))
            let names = book.store.history(of: id).compactMap { entry -> FieldValue? in
                if case .field(let change) = entry.change, change.key == .familyName { change.new } else { nil }
            }
            #expect(Set(names) == [.text("Ахметова"), .text("Ахметова-2"), .text("Akhmetova-2")], "\(names)")
        }
        #expect(Self.sameState(onA, onB))
    }

    @Test func intakesOnBothLaptopsWhileApartGetDifferentNumbers() throws {
        let (workspace, _) = try Workspace.joined()
        let person: [FieldKey: FieldValue] = [.gender: .code("male"), .intakeDate: .date(Self.calendar.today)]
        for laptop in [workspace.a, workspace.b] {
            let book = try laptop.open()
            try book.openCase(values: person)
            book.close()
        }
        try workspace.a.receive(from: workspace.b)
        try workspace.b.receive(from: workspace.a)
        let onA = try workspace.a.open(.readOnly), onB = try workspace.b.open(.readOnly)
        defer { onA.close(); onB.close() }
        let numbers = onA.store.records.map(\.number)
        #expect(numbers.count == 3 && Set(numbers).count == 3, "\(numbers)")
        #expect(Self.sameState(onA, onB))
    }

    @Test func anotherLaptopsLogCutMidRecordIsReadUpToThereAndNeverCut() throws {
        let (workspace, _) = try Workspace.joined()
        let onB = try workspace.b.open()
        try onB.openCase(values: [.gender: .code("female"), .intakeDate: .date(Self.calendar.today)])
        onB.close()
        let bLog = try workspace.b.ownLogName()
        var half = try workspace.b.bytes(bLog)
        half = half.prefix(half.count - 40)  // a copy that stopped in the middle of the last frame
        try half.write(to: workspace.a.folder.appendingPathComponent(bLog))

        let onA = try workspace.a.open()
        defer { onA.close() }
        #expect(onA.otherDevicesLogs.map(\.status) == [.incomplete])
        #expect(!onA.isReadOnly)
        try onA.openCase(values: [.gender: .code("male"), .intakeDate: .date(Self.calendar.today)])
        #expect(try workspace.a.bytes(bLog) == half, "another laptop's log is never cut")
    }

    /// Syncthing replaces another laptop's log by writing a temporary file, deleting the old one and
    /// renaming (the name is briefly absent, the inode changes). Opens meanwhile never fail: each
    /// reads some whole version (a prefix of that laptop's log) or finds it gone for a moment.
    @Test func anotherLaptopsLogReplacedByRenameWhileReadIsReadWholeOrLater() throws {
        let (workspace, _) = try Workspace.joined()
        let bLog = try workspace.b.ownLogName()
        var versions: [Data] = []
        for name in ["Ким", "Ли", "Пак"] {
            let onB = try workspace.b.open()
            try onB.openCase(values: [.familyName: .text(name), .gender: .code("female"), .intakeDate: .date(Self.calendar.today)])
            onB.close()
            versions.append(try workspace.b.bytes(bLog))
        }
        let target = workspace.a.folder.appendingPathComponent(bLog)
        let temporary = workspace.a.folder.appendingPathComponent(".syncthing.\(bLog).tmp")
        try versions[0].write(to: target)
        let replacing = DispatchGroup()
        DispatchQueue.global().async(group: replacing) { [versions] in
            for round in 0..<300 {
                try? versions[round % versions.count].write(to: temporary)
                try? FileManager.default.removeItem(at: target)
                _ = rename(temporary.path, target.path)
            }
        }
        var seen: Set<Int> = []
        for _ in 0..<6 {
            let onA = try workspace.a.open(.readOnly)
            let status = try #require(onA.otherDevicesLogs.first?.status)
            #expect(status == .intact || status == .vanished, "\(status)")
            if status == .intact { seen.insert(onA.store.caseCount) }
            onA.close()
        }
        replacing.wait()
        #expect(seen.isSubset(of: [2, 3, 4]), "every read was one whole version: \(seen)")
    }

    @Test func damageInAnotherLaptopsLogIsReportedAndThisOneKeepsWorking() throws {
        let (workspace, id) = try Workspace.joined()
        let onB = try workspace.b.open()
        for name in ["Ким", "Ли", "Пак"] {
            try onB.openCase(values: [.familyName: .text(name), .gender: .code("female"), .intakeDate: .date(Self.calendar.today)])
        }
        onB.close()
        let bLog = try workspace.b.ownLogName()
        var damaged = try workspace.b.bytes(bLog)
        damaged[200] ^= 0x40
        try damaged.write(to: workspace.a.folder.appendingPathComponent(bLog))

        let onA = try workspace.a.open()
        defer { onA.close() }
        let report = try #require(onA.otherDevicesLogs.first)
        #expect(report.isSuspect, "\(report)")
        #expect(!onA.isReadOnly)
        #expect(onA.store[id] != nil)
        try onA.openCase(values: [.gender: .code("male"), .intakeDate: .date(Self.calendar.today)])
        #expect(try workspace.a.bytes(bLog) == damaged, "another laptop's log is never repaired here")
    }

    @Test func aLogOfAnotherCaseFileDroppedIntoTheFolderIsNotRead() throws {
        let (workspace, _) = try Workspace.joined()
        let stranger = Laptop(folder: workspace.root.appendingPathComponent("c/Refuge"), state: workspace.root.appendingPathComponent("c/state"))
        let other = try CaseBook.create(at: stranger.folder, state: stranger.state, organisation: "Other", user: Self.user,
                                        passphrase: Self.passphrase, kdf: .fastForTests, calendar: Self.calendar)
        try other.openCase(values: [.gender: .code("male"), .intakeDate: .date(Self.calendar.today)])
        other.close()
        let foreign = try stranger.ownLogName()
        try workspace.a.receive(from: stranger, only: [foreign])

        let onA = try workspace.a.open()
        defer { onA.close() }
        #expect(onA.otherDevicesLogs.map(\.status) == [.foreign])
        #expect(onA.store.caseCount == 1)
        #expect(!onA.isReadOnly)
    }

    @Test func aLaptopThatHasNotJoinedIsToldSo() throws {
        let (workspace, _) = try Workspace.joined()
        let third = Laptop(folder: workspace.b.folder, state: workspace.root.appendingPathComponent("third/state"))
        #expect(throws: EventLogError.notJoined(folder: workspace.b.folder.standardizedFileURL.path)) { try third.open() }
        #expect(throws: EventLogError.alreadyJoined(folder: workspace.b.folder.standardizedFileURL.path)) {
            try CaseBook.join(at: workspace.b.folder, state: workspace.b.state, user: Self.user, passphrase: Self.passphrase)
        }
    }

    @Test func aUserAddedOnOneLaptopCanSignInOnTheOther() throws {
        let (workspace, _) = try Workspace.joined()
        let onA = try workspace.a.open()
        try onA.addUser("bota", role: .caseworker, passphrase: "bota-passphrase-1", kdf: .fastForTests)
        onA.close()
        try workspace.b.receive(from: workspace.a)
        let asBota = try CaseBook.open(at: workspace.b.folder, state: workspace.b.state, user: "bota",
                                       passphrase: "bota-passphrase-1", calendar: Self.calendar)
        asBota.close()
        let again = try workspace.b.open()
        again.close()
    }

    /// A coordinator disables a user on laptop A while B shares the folder and goes on writing
    /// before the change reaches it. Once the files are exchanged, both laptops read everything,
    /// the disabled user opens nothing on either, and B refuses the old key file put back.
    @Test func disablingAUserInASharedFolderMovesEveryLaptopToTheNewKey() throws {
        let (workspace, _) = try Workspace.joined()
        try workspace.a.receive(from: workspace.b)  // B's log is here: A is no longer alone
        let onA = try workspace.a.open()
        try onA.addUser("bota", role: .caseworker, passphrase: "bota-passphrase-1", kdf: .fastForTests)
        onA.close()
        try workspace.b.receive(from: workspace.a)
        let oldKeys = try workspace.b.bytes("keys")
        let again = try workspace.a.open()
        try again.disableUser("bota")
        try again.openCase(values: [.familyName: .text("После"), .gender: .code("female"), .intakeDate: .date(Self.calendar.today)])
        again.close()
        let onB = try workspace.b.open()  // B has not received the change yet: it writes under the old key
        try onB.openCase(values: [.familyName: .text("Между"), .gender: .code("male"), .intakeDate: .date(Self.calendar.today)])
        onB.close()

        try workspace.a.receive(from: workspace.b, only: [try workspace.b.ownLogName()])  // B changed no shared file but its log
        try workspace.b.receive(from: workspace.a)
        let afterA = try workspace.a.open(), afterB = try workspace.b.open()
        for book in [afterA, afterB] {
            #expect(book.store.caseCount == 3)
            #expect(book.store.users["bota"]?.isActive == false)
        }
        #expect(Self.sameState(afterA, afterB))
        try afterB.openCase(values: [.gender: .code("male"), .intakeDate: .date(Self.calendar.today)])
        afterA.close()
        afterB.close()
        for laptop in [workspace.a, workspace.b] {
            #expect(throws: EventLogError.wrongPassphrase(user: "bota")) {
                try CaseBook.open(at: laptop.folder, state: laptop.state, user: "bota", passphrase: "bota-passphrase-1")
            }
        }
        try oldKeys.write(to: workspace.b.folder.appendingPathComponent("keys"))
        #expect(throws: EventLogError.self) { try workspace.b.open(.readOnly) }
    }
}

/// The history names the laptop as well as the user once two laptops wrote to a case.
@Suite struct HistoryDeviceTests {
    @Test func theHistoryNamesTheLaptopOnceTwoWroteToTheCase() throws {
        let (workspace, id) = try TwoLaptopTests.Workspace.joined()
        let onB = try workspace.b.open()
        var values = try #require(onB.store[id]?.values)
        values[.givenName] = .text("Айгерим")
        try onB.updateCase(id, to: values)
        let device = String(onB.device.description.prefix(6))
        onB.close()
        try workspace.a.receive(from: workspace.b)
        let onA = try workspace.a.open(.readOnly)
        defer { onA.close() }
        let lines = CaseText(strings: AppStrings(.ru)).historyLines(try onA.history(of: id))
        #expect(lines.last?.contains("anna (ноутбук \(device))") == true, "\(lines)")
        #expect(lines.allSatisfy { $0.contains("(ноутбук ") }, "\(lines)")
    }
}
