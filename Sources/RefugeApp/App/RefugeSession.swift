import CaseModel
import EventLog
import Foundation
import ScreenKit
import Terminal

/// One run of the interactive application on any `Terminal`: setup or sign-in, the open case
/// file, the idle lock and the draft of the form being typed. `InteractiveApp` runs it on the real
/// terminal; screen tests drive it on a `VirtualTerminal` with a fake clock.
/// A screen that shows what the case file holds and redraws it when other laptops' events arrive.
protocol ShowsCaseFile: AnyObject {
    func caseFileChanged()
}

final class RefugeSession {
    let app: Application
    let settings: SessionSettings
    let strings: AppStrings
    let forms: IntakeFormBuilder
    /// The open case file; nil before sign-in and while locked (the keys are dropped then).
    private(set) var book: CaseBook?
    private(set) var userName: String?
    private(set) var isLocked = false
    /// Set while locked: where the unlock returns to.
    private var placeBeforeLock: PlaceBeforeLock?
    /// The background read's damage was shown (once per sign-in).
    private var reportedDamageAfterOpen = false
    /// The sign-in is recorded once the background read found the old frames whole: nothing is
    /// appended to a file whose damage is not yet known.
    private var signInToRecord = false
    /// Names shown as initials on every screen (F6 on the case list), for work where others can
    /// see the screen; the top line says so until it is turned off.
    var masksNames = false { didSet { updateMarker() } }
    private(set) lazy var drafts = DraftKeeper(book: { [unowned self] in book }, onError: { [unowned self] in show($0) },
                                               onKeepFailed: { [unowned self] in app.showError(strings.draftNotKept) })
    private let throttle: SignInThrottle
    private let now: () -> Duration
    /// Keys arriving: the background read of the old frames waits meanwhile.
    let typing = TypingPause()

    init(terminal: any Terminal, settings: SessionSettings) {
        self.settings = settings
        strings = AppStrings(settings.language)
        let clock = ContinuousClock()
        let start = clock.now
        now = settings.now ?? { start.duration(to: clock.now) }
        let startDate = Date()
        let now = now
        throttle = SignInThrottle(stateDirectory: settings.stateDirectory ?? settings.dataDirectory) {
            startDate.addingTimeInterval(Double(now().components.seconds) + Double(now().components.attoseconds) / 1e18)
        }
        app = Application(terminal: terminal, strings: strings.screenKit, now: now)
        forms = IntakeFormBuilder(language: settings.language, today: settings.today)
        app.onIdle(after: settings.idleLock) { [unowned self] in lock() }
        app.onIdle(after: settings.draftDelay) { [unowned self] in drafts.flush() }
        // The snapshot is written at a quiet moment on a thread of its own, so that a key typed
        // meanwhile never waits for it (and at lock and quit, where the session waits for it).
        app.onIdle(after: .seconds(20)) { [unowned self] in book?.saveSnapshotInBackground() }
        app.onInput { [typing] in typing.keysArrive() }
        app.onIdle(after: .milliseconds(300)) { [unowned self] in
            typing.keysStopped()
            _ = takeBackgroundReadVerdict()
        }
        // The read goes on after that pause and may finish with no key since: its verdict is taken
        // at the next quiet moment all the same.
        app.every(.milliseconds(250)) { [unowned self] in !typing.isTyping && takeBackgroundReadVerdict() }
        app.every(settings.otherLaptopsPoll) { [unowned self] in takeInOtherLaptops() }
        updateGlobalBindings()
    }

    // MARK: Starting

    /// Shows the setup screen on an empty data directory, else the sign-in screen.
    func start() {
        if CaseBook.exists(at: settings.dataDirectory) {
            app.push(SignInScreen(session: self))
            // An upgrade that changes a format says so before it writes (docs/log-format.md).
            if EventLog.keyFileUpgradePending(at: settings.dataDirectory, user: "") { app.showInfo(strings.keyFileWillBeUpgraded) }
        } else {
            app.push(SetupScreen(session: self))
        }
    }

    /// Creates the case file (setup screen) and opens the case list.
    func create(organisation: String, user: String, passphrase: String) throws {
        defer { app.terminal.discardTypeahead() }
        let book = try CaseBook.create(at: settings.dataDirectory, state: settings.stateDirectory, organisation: organisation, user: user,
                                       passphrase: passphrase, kdf: settings.kdf, calendar: calendar)
        opened(book, resumingDraft: false)
    }

    /// Opens the case file as `user`, or throws a message for the screen (wrong passphrase, a
    /// growing wait after five of them, locked by another Refuge, damaged).
    func signIn(user: String, passphrase: String) throws {
        // Deriving the key takes seconds on an old laptop; what is typed meanwhile was typed blind
        // and must not act on the case list (or the retry) that appears.
        defer { app.terminal.discardTypeahead() }
        if let wait = throttle.remainingWait() {
            throw UserMessage(strings.waitBeforeRetry(Int((wait / .seconds(1)).rounded(.up))))
        }
        let book: CaseBook
        let upgrading = EventLog.keyFileUpgradePending(at: settings.dataDirectory, user: user)
        do {
            book = try CaseBook.open(at: settings.dataDirectory, state: settings.stateDirectory, user: user, passphrase: passphrase,
                                     usesSnapshot: true, calendar: calendar)
        } catch let error as EventLogError {
            if case .wrongPassphrase = error { throttle.recordFailure() }
            throw UserMessage(strings.message(for: error))
        }
        throttle.recordSuccess()
        let resuming = isLocked
        isLocked = false
        opened(book, resumingDraft: resuming)
        if upgrading && !book.isReadOnly { app.showInfo(strings.keyFileUpgraded) }
    }

    private var calendar: ValidationContext { ValidationContext(today: settings.today()) }

    private func opened(_ book: CaseBook, resumingDraft: Bool) {
        self.book = book
        reportedDamageAfterOpen = false
        userName = book.user
        // The key that signed in is no typing to step aside for: the read starts at once, and
        // pauses for the keys that come after it.
        typing.keysStopped()
        book.verifyInBackground(pausingWhile: typing)
        signInToRecord = !book.isReadOnly
        recordSignInOnceVerified()
        updateMarker()
        updateGlobalBindings()
        app.replace(with: CaseListScreen(session: self))
        // An unlock returns to where the user was; a sign-in shows what is due first, when
        // something is (Esc shows the case list).
        if resumingDraft, let place = placeBeforeLock {
            place.reopen(in: self)
        } else if AgendaScreen.hasSomethingDue(in: self) {
            app.push(AgendaScreen(session: self))
        }
        placeBeforeLock = nil
        if let copy = book.log.recovery.cutTailCopy {
            app.showInfo(strings.cutTailKept(URL(fileURLWithPath: copy).lastPathComponent))
        } else if book.movedPseudonymSecretIntoLog {
            app.showInfo(strings.pseudonymSecretMovedIntoLog)
        } else if book.setAsideState != nil {
            app.showInfo(strings.stateSetAside)
        }
        if book.wasOpenedReadOnlyBecauseOfDamage {
            app.push(MessageDialog(title: strings.damagedTitle, message: strings.damagedAdvice))
        } else if book.mustChangePassphrase {
            UserForms.changeOwnPassphrase(session: self, required: true)
        } else if let draft = drafts.load() {
            if resumingDraft {
                resume(draft)
            } else {
                app.push(ConfirmDialog(title: strings.draftTitle, message: strings.draftQuestion, defaultYes: true) { [unowned self] yes in
                    if yes { resume(draft) } else { drafts.discard() }
                })
            }
        }
    }

    /// Once the background read of the old frames has its verdict: the damage it found shown, or
    /// the sign-in recorded. True when it did either.
    private func takeBackgroundReadVerdict() -> Bool {
        let before = (reportedDamageAfterOpen, signInToRecord)
        reportDamageFoundAfterOpen()
        recordSignInOnceVerified()
        return before != (reportedDamageAfterOpen, signInToRecord)
    }

    /// Damage the background read found in frames the snapshot let the open skip: the same
    /// message, and the same read-only case file, as when the open itself finds it. Asked at
    /// each quiet moment (no key for 300 ms, then every 250 ms without keys) until it is shown.
    func reportDamageFoundAfterOpen() {
        guard let book, !reportedDamageAfterOpen, book.damageFoundAfterOpen != nil else { return }
        reportedDamageAfterOpen = true
        // What the snapshot showed gives way to what the log still holds, as an open that found
        // the damage itself shows it (the damaged frames left out, read-only).
        do {
            try book.reopenAndReplay()
            for case let screen as ShowsCaseFile in app.screens { screen.caseFileChanged() }
        } catch {
            show(error)
        }
        updateMarker()
        app.push(MessageDialog(title: strings.damagedTitle, message: strings.damagedAdvice))
    }

    /// Records the sign-in when the background read of the old frames is done (at once when the
    /// open read them itself), or, `waiting`, after waiting for it (the session ends).
    func recordSignInOnceVerified(waiting: Bool = false) {
        guard signInToRecord, let book else { return }
        if waiting { book.waitForBackgroundVerification() }
        guard book.coveredFrames.current != .running else { return }
        signInToRecord = false
        // Damage the read found is shown by `reportDamageFoundAfterOpen`, which may not have run
        // yet: the file is read-only from that verdict on, whether or not it has been shown.
        if !book.isReadOnly, book.damageFoundAfterOpen == nil { perform { try book.record([.userSignedIn]) } }
    }

    private func updateMarker() {
        var markers: [String] = []
        if masksNames { markers.append(strings.namesHiddenMarker) }
        if book?.isDemo == true { markers.append(strings.demoMarker) }
        if book?.isReadOnly == true { markers.append(strings.readOnlyMarker) }
        app.marker = markers.isEmpty ? nil : markers.joined(separator: " · ")
    }

    private func resume(_ draft: Draft) {
        switch draft.target {
        case .intake:
            CaseFormController.newIntake(session: self, values: draft.values)
        case .relative(let id, let relation):
            // The case it was registered from is always there (cases are never removed); were it
            // not, what was typed still comes back, as a plain intake.
            guard let record = book?.store[id] else {
                CaseFormController.newIntake(session: self, values: draft.values)
                return
            }
            CaseFormController.newRelative(session: self, of: record, as: relation, values: draft.values)
        case .edit(let id, let section):
            // A page renamed or split by a newer version: what was typed comes back on the page
            // that now holds its fields. Only a draft none of whose fields exist any more goes.
            let sections = forms.schema.sections
            guard let record = book?.store[id],
                  let section = sections.first(where: { $0.id == section })
                    ?? sections.first(where: { page in page.fields.contains { draft.values[$0.key.rawValue] != nil } })
            else { return drafts.discard() }
            CaseFormController.edit(session: self, record: record, section: section, values: draft.values)
        }
    }

    // MARK: Other laptops

    /// Folds in what other laptops wrote since the last look, says so quietly on the top line and
    /// redraws the screens that show cases. A form being typed keeps what it holds: its save is
    /// made against the answers it opened with (`CaseFormController`).
    private func takeInOtherLaptops() -> Bool {
        guard let book, !isLocked else { return false }
        let arrived: Int
        do {
            arrived = try book.takeInOtherLaptops()
        } catch {
            show(error)
            return true
        }
        guard arrived > 0 else { return false }
        app.showInfo(strings.newRecordsFromOtherLaptops(arrived))
        for case let screen as ShowsCaseFile in app.screens { screen.caseFileChanged() }
        return true
    }

    // MARK: Locking and quitting

    /// Blanks the screen, writes the draft, closes the case file (dropping its keys and the
    /// decrypted cases) and asks for the passphrase again.
    func lock() {
        guard let book, !isLocked else { return }
        drafts.flush()
        recordSignInOnceVerified(waiting: true)
        isLocked = true
        placeBeforeLock = PlaceBeforeLock(screens: app.screens)
        for screen in app.screens.dropLast() { app.dismiss(screen) }
        self.book = nil
        book.close()
        app.clearStatus()
        updateGlobalBindings()
        app.replace(with: LockScreen(session: self))
    }

    /// From the lock screen: the sign-in screen for someone else. The locked user's unfinished
    /// form stays as their draft, offered at their next sign-in.
    func signInAsAnotherUser() {
        guard isLocked else { return }
        isLocked = false
        placeBeforeLock = nil
        userName = nil
        masksNames = false
        updateGlobalBindings()
        app.replace(with: SignInScreen(session: self))
    }

    /// Leaves the program; an unfinished form stays as a draft for the next sign-in.
    func quit() {
        drafts.flush()
        recordSignInOnceVerified(waiting: true)
        book?.close()
        book = nil
        app.quit()
    }

    private func updateGlobalBindings() {
        var bindings = [
            Binding(.function(1), label: strings.help) { [unowned self] in app.showHelp() },
            Binding(.function(10), .control("q"), label: strings.quit) { [unowned self] in quit() },
        ]
        if book != nil && !isLocked {
            bindings.append(Binding(.function(12), label: strings.lock) { [unowned self] in lock() })
        }
        app.globalBindings = bindings
    }

    // MARK: Errors

    /// The one way a screen reports a failure: translated, on the top line.
    func show(_ error: any Error) { app.showError(strings.message(for: error)) }

    /// Runs `body`, showing any failure; true when it succeeded.
    @discardableResult
    func perform(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return true
        } catch {
            show(error)
            return false
        }
    }

    /// Runs `body` for a form's save: a failure becomes a translated `UserMessage`, which the form
    /// shows while it stays open with everything typed (full disk: free space, press F2 again).
    func saving<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let message as UserMessage {
            throw message
        } catch let unanswered as UnansweredField {
            throw unanswered  // the form shows it at the field
        } catch {
            let text = strings.message(for: error)
            if AppStrings.isStorageFailure(error) { app.push(MessageDialog(title: strings.notSavedTitle, message: text)) }
            throw UserMessage(text)
        }
    }

    /// The case file, ready to write. After a failed write (a full disk) stopped the log, it is
    /// reopened with the key it holds — no passphrase — so pressing F2 again after freeing space
    /// simply saves.
    func writableBook() throws -> CaseBook {
        guard let book else { throw UserMessage(strings.unexpected("locked")) }
        guard !book.isReadOnly else { throw UserMessage(strings.readOnlyRefused) }
        if book.log.writerFailure != nil { try book.reopenAndReplay() }
        return book
    }

    var today: CalendarDate { settings.today() }
}
