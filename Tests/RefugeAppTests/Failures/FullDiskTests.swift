import CaseModel
import Foundation
@testable import RefugeApp
import ScreenKit
import Terminal
import Testing

/// A disk that really fills up (a 512 KiB tmpfs): the save fails with a clear message, the form
/// stays with everything typed, and once space is freed the save goes through, exactly once.
@Suite("Full disk", .serialized, .enabled(if: TmpfsMount.isPermitted, "mounting a tmpfs is not permitted here (needs root)"))
struct FullDiskTests {
    /// A note long enough that its frame needs fresh pages of the tmpfs, whatever room is left in
    /// the log file's last page.
    static let riskNote = String(repeating: "Угрозы со стороны вербовщика. ", count: 100)

    @Test(arguments: [Language.en, .ru])
    func aSaveOnAFullDiskKeepsTheFormAndSucceedsOnceSpaceIsFreed(language: Language) throws {
        let disk = try TmpfsMount()
        var fixture: CaseFileFixture? = try CaseFileFixture(language: language, in: disk.directory.appendingPathComponent("data"))
        defer {
            fixture = nil  // the case file is closed before the unmount
            disk.unmount()
        }
        let app = try #require(fixture?.app)
        let s = AppStrings(language)

        app.press(.function(5))
        app.type("Ахмедова")
        app.press(.tab)
        app.type("Гульнара")
        app.press(.tab)
        app.type(language == .ru ? "ж" : "f")
        app.press(.function(8), .function(8), .function(8), .function(8))  // the referral page
        let form = try #require(app.top as? FormScreen)
        form.focus(try #require(form.editor("riskNotes")))
        app.terminal.enqueue(.paste(Self.riskNote))
        app.run()
        app.pause()  // the draft is written while there is space
        let typed = form.form.values

        let filler = try TmpfsMount.fill(disk.directory)
        app.press(.function(2))
        #expect(app.dialogText.contains(s.diskFull), "\(app.screen)")  // in full, in a dialog
        app.press(.enter)
        #expect(app.top === form)
        #expect(form.form.values == typed)
        #expect(try #require(fixture).readBack().store.records.isEmpty)

        // Typing on while the disk is full: the draft cannot be written; nothing crashes, nothing is lost.
        app.press(.function(7), .function(7), .function(7), .function(7))
        form.focus(try #require(form.editor("alias")))
        app.type("Гуля")
        app.pause()
        #expect(app.top === form)
        #expect(form.editor("alias")?.value == .text("Гуля"))
        #expect(app.shows(s.draftNotKept), "\(app.screen)")

        try FileManager.default.removeItem(at: filler)
        app.press(.function(2))
        // The log refuses appends after a failed write until it is reopened, which needs the passphrase.
        #expect(app.dialogText.contains(s.reopenNeeded), "\(app.screen)")
        app.press(.enter)
        #expect(app.shows(s.reopenPrompt))
        app.type("a wrong passphrase")
        app.press(.enter)
        #expect(app.shows(s.wrongCredentials))
        #expect(app.top === form)
        app.press(.function(2), .enter)
        app.type(AppHarness.passphrase)
        app.press(.enter)
        #expect(app.top is CaseFileScreen, "\(app.screen)")
        #expect(app.shows("Ахмедова Гульнара"))

        let reopened = try #require(fixture).readBack()
        defer { reopened.close() }
        #expect(reopened.store.records.count == 1)
        let record = try #require(reopened.store.records.first)
        #expect(record[.alias] == .text("Гуля"))
        #expect(record[.riskNotes]?.text?.hasPrefix("Угрозы со стороны вербовщика.") == true)
        #expect(try reopened.draft() == nil)
    }
}
