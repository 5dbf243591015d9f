import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
import RefugeTestSupport
import Testing

/// Laptops with names, the list of them, and revoking a lost or stolen one: two data folders on one
/// machine, the files carried by copying (a USB stick).
@Suite struct LaptopDeviceTests {
    typealias Workspace = TwoLaptopTests.Workspace
    static let user = TwoLaptopTests.user
    static let passphrase = TwoLaptopTests.passphrase
    static let calendar = TwoLaptopTests.calendar
    static let person: [FieldKey: FieldValue] = [.gender: .code("female"), .intakeDate: .date(calendar.today)]

    /// A and B joined, named "Анна" and "Outreach", each having read the other's log.
    static func namedLaptops() throws -> (Workspace, CaseID) {
        let (workspace, id) = try Workspace.joined()
        let onA = try workspace.a.open()
        try onA.nameThisLaptop("Анна")
        onA.close()
        let onB = try workspace.b.open()
        try onB.nameThisLaptop("Outreach")
        onB.close()
        try workspace.a.receive(from: workspace.b)
        try workspace.b.receive(from: workspace.a)
        return (workspace, id)
    }

    @Test func laptopsAreNamedAndListedTheSameOnBoth() throws {
        let (workspace, id) = try Self.namedLaptops()
        let onA = try workspace.a.open(.readOnly), onB = try workspace.b.open(.readOnly)
        defer { onA.close(); onB.close() }
        for book in [onA, onB] {
            let laptops = try book.laptops()
            #expect(Set(laptops.compactMap(\.name)) == ["Анна", "Outreach"], "\(laptops)")
            #expect(laptops.first?.isThisLaptop == true)
            for laptop in laptops {
                #expect(laptop.joinedBy == Self.user && laptop.joinedAt != nil && laptop.eventCount > 0 && laptop.revocation == nil)
                #expect(laptop.log.map(SharedFolderNames.isDeviceLog) == true)
            }
        }
        #expect(onA.laptopNames == onB.laptopNames)
        let onBAgain = try workspace.b.open()
        var values = try #require(onBAgain.store[id]?.values)
        values[.givenName] = .text("Айгерим")
        try onBAgain.updateCase(id, to: values)
        onBAgain.close()
        try workspace.a.receive(from: workspace.b)
        let reread = try workspace.a.open(.readOnly)
        defer { reread.close() }
        var text = CaseText(strings: AppStrings(.ru))
        text.deviceNames = reread.laptopNames
        let lines = text.historyLines(try reread.history(of: id))
        #expect(lines.last?.contains("anna (Outreach)") == true, "the history names the laptop: \(lines)")
    }

    /// B is stolen: A revokes it having seen B's first case. What the thief then adds on B is kept
    /// in B's log on every laptop, never applied, and reported; both laptops compute the same.
    @Test func aRevokedLaptopsLaterRecordsAreKeptButNeverApplied() throws {
        let (workspace, _) = try Self.namedLaptops()
        let onB = try workspace.b.open()
        let seen = try onB.openCase(values: Self.person)
        onB.close()
        try workspace.a.receive(from: workspace.b)
        let onA = try workspace.a.open()
        try onA.revokeLaptop(named: "Outreach", reason: "stolen from the car")
        onA.close()

        let stolen = try workspace.b.open()  // the thief, who has not received the revocation
        let added = try stolen.openCase(values: Self.person)
        stolen.close()
        let bLog = try workspace.b.ownLogName()
        try workspace.a.receive(from: workspace.b)
        try workspace.b.receive(from: workspace.a)
        let bytes = try workspace.b.bytes(bLog)

        let afterA = try workspace.a.open(), afterB = try workspace.b.open()
        defer { afterA.close(); afterB.close() }
        for book in [afterA, afterB] {
            #expect(book.store[seen] != nil, "what it wrote before stays")
            #expect(book.store[added] == nil, "what it wrote after the revocation is not applied")
            let withheld = try #require(book.revocations.withheld[bLog])
            #expect(withheld >= 2, "the case's two events")
            let revoked = try #require(try book.laptops().first { $0.name == "Outreach" })
            #expect(revoked.revocation?.reason == "stolen from the car" && revoked.withheld == withheld)
        }
        #expect(TwoLaptopTests.sameState(afterA, afterB))
        #expect(throws: CaseBook.NotPermitted.self) { try afterB.openCase(values: Self.person) }
        #expect(try workspace.a.bytes(bLog) == bytes && workspace.b.bytes(bLog) == bytes, "nothing is deleted")
        try afterA.openCase(values: Self.person)  // the revoker works on
    }

    @Test func revokingIsForCoordinatorsAndNamesAnotherKnownLaptop() throws {
        let (workspace, _) = try Self.namedLaptops()
        let onA = try workspace.a.open()
        defer { onA.close() }
        try onA.addUser("bota", role: .caseworker, passphrase: "bota-passphrase-1", kdf: .fastForTests)
        #expect(throws: CaseBook.NotPermitted.noSuchDevice("Nobody's")) { try onA.revokeLaptop(named: "Nobody's", reason: "") }
        #expect(throws: CaseBook.NotPermitted.revokingThisLaptop) { try onA.revokeLaptop(named: "Анна", reason: "") }
        onA.close()
        let asBota = try CaseBook.open(at: workspace.a.folder, state: workspace.a.state, user: "bota",
                                       passphrase: "bota-passphrase-1", calendar: Self.calendar)
        defer { asBota.close() }
        #expect(throws: CaseBook.NotPermitted.self) { try asBota.revokeLaptop(named: "Outreach", reason: "") }
        #expect(try asBota.laptops().allSatisfy { $0.revocation == nil })
    }

    // MARK: - Salvage of every laptop's log

    /// Salvage on A copies B's log too: the new case file of one log opens with every case either
    /// laptop wrote, as A sees them, but without what B wrote after it was revoked.
    @Test func salvageCopiesEveryLaptopsLogButNotWhatARevokedOneWroteAfter() throws {
        let (workspace, _) = try Self.namedLaptops()
        let onB = try workspace.b.open()
        let fromB = try onB.openCase(values: Self.person)
        onB.close()
        try workspace.a.receive(from: workspace.b)
        let onA = try workspace.a.open()
        let fromA = try onA.openCase(values: Self.person)
        try onA.revokeLaptop(named: "Outreach", reason: "lost")
        onA.close()
        let stolen = try workspace.b.open()
        let afterRevocation = try stolen.openCase(values: Self.person)
        stolen.close()
        let bLog = try workspace.b.ownLogName()
        try workspace.a.receive(from: workspace.b, only: [bLog])
        let bBytes = try workspace.a.bytes(bLog)

        let destination = workspace.root.appendingPathComponent("salvaged")
        let report = try CaseBook.salvage(from: workspace.a.folder, state: workspace.a.state, to: destination,
                                          user: Self.user, passphrase: Self.passphrase)
        #expect(report.otherLogs.map(\.fileName) == [bLog])
        #expect(report.otherLogs.first?.leftOut ?? 0 >= 2, "\(report)")
        #expect(try workspace.a.bytes(bLog) == bBytes, "the source is only read")

        let salvaged = try CaseBook.open(at: destination, user: Self.user, passphrase: Self.passphrase, calendar: Self.calendar)
        defer { salvaged.close() }
        let original = try workspace.a.open(.readOnly)
        defer { original.close() }
        #expect(salvaged.store[fromA] != nil && salvaged.store[fromB] != nil && salvaged.store[afterRevocation] == nil)
        #expect(salvaged.store.records == original.store.records)
        #expect(salvaged.store.users == original.store.users)
    }

    /// A log of another case file in the folder is reported and not copied; nothing else is lost.
    @Test func salvageLeavesAForeignLogOutAndSaysSo() throws {
        let (workspace, _) = try Workspace.joined()
        let stranger = TwoLaptopTests.Laptop(folder: workspace.root.appendingPathComponent("c/Refuge"),
                                             state: workspace.root.appendingPathComponent("c/state"))
        try CaseBook.create(at: stranger.folder, state: stranger.state, organisation: "Other", user: Self.user,
                            passphrase: Self.passphrase, kdf: .fastForTests, calendar: Self.calendar).close()
        let foreign = try stranger.ownLogName()
        try workspace.a.receive(from: stranger, only: [foreign])
        try workspace.a.receive(from: workspace.b, only: [try workspace.b.ownLogName()])
        let destination = workspace.root.appendingPathComponent("salvaged")
        let report = try CaseBook.salvage(from: workspace.a.folder, state: workspace.a.state, to: destination,
                                          user: Self.user, passphrase: Self.passphrase)
        #expect(report.otherLogs.first { $0.fileName == foreign }?.read == .failure(.foreign))
        #expect(LogReportWording(Words(.en)).salvage(report).contains("NOT COPIED"))
        let salvaged = try CaseBook.open(at: destination, user: Self.user, passphrase: Self.passphrase, calendar: Self.calendar)
        defer { salvaged.close() }
        #expect(salvaged.store.caseCount == 1)
    }

    // MARK: - Bad input carried by hand

    /// A log of a revoked laptop copied in by hand from a USB stick, with records written after the
    /// revocation: read, counted, not applied, nothing lost.
    @Test func aLogFromARevokedLaptopCopiedByHandIsReadButNotApplied() throws {
        let (workspace, _) = try Self.namedLaptops()
        let onA = try workspace.a.open()
        try onA.revokeLaptop(named: "Outreach", reason: "lost")
        onA.close()
        let stolen = try workspace.b.open()
        for _ in 0..<3 { try stolen.openCase(values: Self.person) }
        stolen.close()
        let bLog = try workspace.b.ownLogName()
        try workspace.a.receive(from: workspace.b, only: [bLog])
        let book = try workspace.a.open(.readOnly)
        defer { book.close() }
        #expect((book.revocations.withheld[bLog] ?? 0) >= 3)
        #expect(book.otherDevicesLogs.first { $0.fileName == bLog }?.status == .intact)
    }

    /// Half a folder on a USB stick: the logs without the key file, or the key file alone. Joining
    /// or opening says what is missing and writes nothing; the whole folder then joins.
    @Test func aFolderCopiedHalfWayIsRefusedClearlyAndNothingIsWritten() throws {
        let (workspace, _) = try Workspace.joined()
        let third = TwoLaptopTests.Laptop(folder: workspace.root.appendingPathComponent("c/Refuge"),
                                          state: workspace.root.appendingPathComponent("c/state"))
        try FileManager.default.createDirectory(at: third.folder, withIntermediateDirectories: true)
        let folder = third.folder.standardizedFileURL.path
        try third.receive(from: workspace.b, only: workspace.b.files.filter { $0 != "keys" })
        let before = third.files
        #expect(throws: EventLogError.incompleteFolder(folder: folder, missing: "keys")) {
            try CaseBook.join(at: third.folder, state: third.state, user: Self.user, passphrase: Self.passphrase)
        }
        #expect(third.files == before && !FileManager.default.fileExists(atPath: third.state.path))

        for name in third.files { try FileManager.default.removeItem(at: third.folder.appendingPathComponent(name)) }
        try third.receive(from: workspace.b, only: ["keys"])
        let keys = try third.bytes("keys")
        #expect(throws: EventLogError.incompleteFolder(folder: folder, missing: "events.log")) {
            try CaseBook.join(at: third.folder, state: third.state, user: Self.user, passphrase: Self.passphrase)
        }
        #expect(throws: EventLogError.incompleteFolder(folder: folder, missing: "events.log")) {
            try CaseBook.create(at: third.folder, state: third.state, organisation: "New", user: Self.user,
                                passphrase: Self.passphrase, kdf: .fastForTests)
        }
        #expect(try third.bytes("keys") == keys, "a key file still arriving is never written over")

        try third.receive(from: workspace.b)
        try CaseBook.join(at: third.folder, state: third.state, user: Self.user, passphrase: Self.passphrase,
                          laptopName: "Third").close()
    }

    /// A joined laptop whose folder loses its key file (a sync half-way) is told so, not "damaged".
    @Test func aJoinedLaptopWhoseKeyFileIsStillArrivingIsToldSo() throws {
        let (workspace, _) = try Workspace.joined()
        try FileManager.default.removeItem(at: workspace.b.folder.appendingPathComponent("keys"))
        #expect(throws: EventLogError.incompleteFolder(folder: workspace.b.folder.standardizedFileURL.path, missing: "keys")) {
            try workspace.b.open()
        }
    }
}

/// The log names a laptop may have (`events-` and 16 hex digits).
enum SharedFolderNames {
    static func isDeviceLog(_ name: String) -> Bool {
        name.hasPrefix("events-") && name.hasSuffix(".log") && name.count == "events-".count + 16 + ".log".count
    }
}

/// The state directory left by a case file deleted and made again at the same path, with the real
/// binary and the default state location (named after the folder's path).
@Suite struct StateOfADeletedCaseFileTests {
    @Test func demoTwiceIntoOneFolderSetsTheOldStateAsideQuietlyAndOpens() throws {
        let workspace = try CLIWorkspace()
        let defaultState: [String: String?] = ["REFUGE_STATE": nil]
        let first = try workspace.run(["demo", "--cases", "3"], environment: defaultState)
        #expect(first.status == 0, "\(first.output)")
        try FileManager.default.removeItem(at: workspace.data)
        let second = try workspace.run(["demo", "--cases", "3"], environment: defaultState)
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("moved to"), "a quiet note says where: \(second.output)")
        #expect(!second.output.contains("tampered"), "\(second.output)")

        let states = workspace.root.appendingPathComponent(".local/state/refuge")
        let entries = try FileManager.default.contentsOfDirectory(atPath: states.path)
        let aside = try #require(entries.first { $0.contains(".set-aside-") }, "\(entries)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: states.appendingPathComponent(aside).path).contains("device.sealed"))
        let verify = try workspace.run(["verify"], environment: defaultState)
        #expect(verify.status == 0, "\(verify.output)")
        let list = try workspace.run(["device", "list", "--format", "json"], environment: defaultState)
        #expect(list.status == 0 && list.output.contains("\"thisLaptop\" : true"), "\(list.output)")
    }

    /// The command line end to end on two laptops (two folders, files copied by hand): join with a
    /// name, list, revoke, and `sync status` and `verify` reporting what the revoked laptop added.
    @Test func joinListRevokeAndReportWithTheRealBinary() throws {
        let a = try CLIWorkspace.initialised()
        let b = try CLIWorkspace()
        try FileManager.default.copyItem(at: a.data, to: b.data)
        let joined = try b.run(["device", "join", "--name", "Outreach"])
        #expect(joined.status == 0, "\(joined.output)")
        let bLog = try #require(try FileManager.default.contentsOfDirectory(atPath: b.data.path).first { name in
            name.hasPrefix("events-") && !FileManager.default.fileExists(atPath: a.data.appendingPathComponent(name).path)
        })
        try FileManager.default.copyItem(at: b.data.appendingPathComponent(bLog), to: a.data.appendingPathComponent(bLog))
        let list = try a.run(["device", "list"])
        #expect(list.status == 0 && list.output.contains("Outreach") && list.output.contains("(this laptop)"), "\(list.output)")
        let caseworker = try a.run(["device", "revoke", "Outreach", "--reason", "stolen"], environment: ["REFUGE_USER": "nobody"])
        #expect(caseworker.status != 0)
        let revoked = try a.run(["device", "revoke", "Outreach", "--reason", "stolen"])
        #expect(revoked.status == 0, "\(revoked.output)")

        let stolen = try b.run(["import", b.file("cases.csv", CLIWorkspace.validCSV).path])
        #expect(stolen.status == 0, "\(stolen.output)")
        try FileManager.default.removeItem(at: a.data.appendingPathComponent(bLog))
        try FileManager.default.copyItem(at: b.data.appendingPathComponent(bLog), to: a.data.appendingPathComponent(bLog))
        let status = try a.run(["sync", "status"])
        #expect(status.status == 0 && status.output.contains("other laptop (Outreach)") && status.output.contains("revoked laptop"),
                "\(status.output)")
        let verify = try a.run(["verify"])
        #expect(verify.output.contains(bLog + ": from a revoked laptop"), "\(verify.output)")
        let listed = try a.run(["device", "list", "--format", "json"])
        #expect(listed.output.contains("\"revokedReason\" : \"stolen\""), "\(listed.output)")
    }
}
