import CaseModel
import EventLog
import Foundation
@testable import RefugeApp
@testable import ScreenKit
import Terminal

/// A monotonic clock the tests move by hand (idle lock, sign-in delay, draft timer).
final class FakeClock: @unchecked Sendable {
    var now: Duration = .zero
    func advance(_ duration: Duration) { now += duration }
}

/// One session of the application on a `VirtualTerminal` with a real case file in a temporary
/// directory (real crypto, fast key derivation) and a fixed today, 8 March 2026.
final class AppHarness {
    static let today = CalendarDate(year: 2026, month: 3, day: 8)!
    static let kdf = KDFParameters(logN: 10, r: 8, p: 1)
    static let passphrase = "correct horse battery"

    let directory: URL
    let terminal: VirtualTerminal
    let clock: FakeClock
    let session: RefugeSession
    private let ownsDirectory: Bool

    /// `removesDirectory`: whether the directory goes with the harness (always for one it made).
    init(language: Language = .en, size: Size = Size(width: 100, height: 30), directory: URL? = nil,
         removesDirectory: Bool = false, clock: FakeClock = FakeClock(), stateDirectory: URL? = nil) {
        self.directory = directory ?? Self.temporaryDirectory()
        ownsDirectory = directory == nil || removesDirectory
        terminal = VirtualTerminal(size: size)
        self.clock = clock
        var settings = SessionSettings(dataDirectory: self.directory, stateDirectory: stateDirectory, language: language)
        settings.kdf = Self.kdf
        settings.now = { clock.now }
        settings.today = { Self.today }
        settings.homeDirectory = self.directory
        session = RefugeSession(terminal: terminal, settings: settings)
        session.start()
        run()
    }

    deinit {
        session.quit()
        if ownsDirectory { try? FileManager.default.removeItem(at: directory) }
    }

    /// A case file with `user` as coordinator and, optionally, cases opened with `values`.
    static func makeCaseFile(at directory: URL, user: String = "anna", cases: [[FieldKey: FieldValue]] = []) throws {
        let book = try CaseBook.create(at: directory, organisation: "Shelter", user: user, passphrase: passphrase,
                                       kdf: kdf, calendar: ValidationContext(today: today))
        for values in cases { try book.openCase(values: values) }
        book.close()
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("refuge-screens-\(UUID().uuidString)")
    }

    /// A harness at the sign-in screen of a new case file holding `cases`; the file goes with it.
    static func withCaseFile(language: Language = .en, size: Size = Size(width: 100, height: 30),
                             cases: [[FieldKey: FieldValue]] = []) throws -> AppHarness {
        let directory = temporaryDirectory()
        try makeCaseFile(at: directory, cases: cases)
        return AppHarness(language: language, size: size, directory: directory, removesDirectory: true)
    }

    /// A harness signed in to a new case file holding `cases`.
    static func signedIn(language: Language = .en, size: Size = Size(width: 100, height: 30),
                         cases: [[FieldKey: FieldValue]] = []) throws -> AppHarness {
        let harness = try withCaseFile(language: language, size: size, cases: cases)
        harness.signIn()
        return harness
    }

    func signIn(user: String = "anna", passphrase: String = AppHarness.passphrase) {
        type(user)
        press(.enter)
        type(passphrase)
        press(.enter)
    }

    func run() { session.app.runUntilIdle() }

    func type(_ text: String) {
        terminal.type(text)
        run()
    }

    func press(_ keys: Key...) {
        for key in keys {
            terminal.press(key)
            run()
        }
    }

    /// The quick registration: a new intake, family name, given name and gender typed in order.
    func typeQuickRegistration(_ family: String, _ given: String, gender: String = "f", newKey: Key = .character("n")) {
        press(newKey)
        type(family)
        press(.tab)
        type(given)
        press(.tab)
        type(gender)
    }

    /// Lets the draft timer fire, as a pause in typing does.
    func pause(_ duration: Duration = .seconds(1)) {
        clock.advance(duration)
        run()
    }

    /// Saves `screen` with `value` forced into field `key`: a value no editor produces (a code
    /// renamed since the form was built), to check what a save does with it.
    func save(_ screen: FormScreen, forcing key: String, to value: FormValue) {
        screen.form.set(key, value)
        screen.save()
        run()
    }

    func shows(_ text: String) -> Bool { terminal.shows(text) }
    func row(startingWith prefix: String) -> String? {
        (0..<terminal.size.height).map(terminal.row).first { $0.hasPrefix(prefix) }
    }
    var screen: String { terminal.text }
    var book: CaseBook? { session.book }
    var top: Screen? { session.app.topScreen }

    static func person(_ family: String, _ given: String, gender: String = "female") -> [FieldKey: FieldValue] {
        [.familyName: .text(family), .givenName: .text(given), .gender: .code(gender)]
    }
}
