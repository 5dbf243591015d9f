import Foundation
import ScreenKit

/// Sign-in on later starts: user name and passphrase, Enter on the passphrase signs in. A wrong
/// passphrase shows a fresh screen with the name kept and the message on the top line.
final class SignInScreen: SubmittingFormScreen {
    fileprivate enum Keys {
        static let user = FormKey.text("user")
        static let passphrase = FormKey.text("passphrase")
    }

    init(session: RefugeSession, user: String = "") {
        let s = session.strings
        let description = FormDescription(title: s.signInTitle, pages: [FormPage(title: s.signInPage, fields: [
            FormField(Keys.user, s.userName, .text(maxLength: 100), required: true),
            FormField(Keys.passphrase, s.passphrase, .secret, required: true),
        ])])
        super.init(description, values: user.isEmpty ? [:] : [Keys.user.name: .text(user)], strings: s.screenKit,
                   today: { session.today }) { _ in }
        allowsLeaving = false
        saveLabel = s.signIn
        onSave = { [unowned session] form in
            let name = try form.answer(Keys.user).trimmingCharacters(in: .whitespaces)
            let passphrase = try form.answer(Keys.passphrase)
            do {
                try session.signIn(user: name, passphrase: passphrase)
            } catch {
                let retry = SignInScreen(session: session, user: name)
                session.app.replace(with: retry)
                if let field = retry.editor(Keys.passphrase.name) { retry.focus(field) }
                session.show(error)
            }
        }
    }
}

/// The screen while locked: nothing of the case file, only the passphrase of the signed-in user,
/// or F3 for another user (a shared laptop at shift change).
final class LockScreen: SubmittingFormScreen, CommandScreen {
    private unowned let session: RefugeSession

    enum Command: CaseIterable { case otherUser }

    var commandTable: CommandTable<Command> {
        CommandTable([.init(.otherUser, .function(3), label: session.strings.otherUser)])
    }

    func perform(_ command: Command) {
        switch command {
        case .otherUser: session.signInAsAnotherUser()
        }
    }

    /// The form's own keys (F2 unlock, field movement) first, then the lock's.
    override var bindings: [Binding] { super.bindings + commandBindings }

    init(session: RefugeSession) {
        self.session = session
        let s = session.strings
        let user = session.userName ?? ""
        let description = FormDescription(title: s.lockedTitle, pages: [FormPage(title: s.lockedPage(user), fields: [
            FormField(SignInScreen.Keys.passphrase, s.passphrase, .secret, required: true),
        ])])
        super.init(description, strings: s.screenKit, today: { session.today }) { _ in }
        allowsLeaving = false
        saveLabel = s.unlock
        onSave = { [unowned session] form in
            do {
                try session.signIn(user: user, passphrase: form.answer(SignInScreen.Keys.passphrase))
            } catch {
                session.app.replace(with: LockScreen(session: session))
                session.show(error)
            }
        }
    }
}
