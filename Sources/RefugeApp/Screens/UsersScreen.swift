import CaseModel
import Foundation
import ScreenKit
import Terminal

/// Coordinators only: who may open the case file. a adds a user, d disables the selected one,
/// p changes one's own passphrase.
final class UsersScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    private let rows = TableRows<String>()
    let table: TableView

    init(session: RefugeSession) {
        self.session = session
        let s = session.strings
        // A narrow screen drops the role before the status: whether a user may still sign in matters more.
        table = TableView(columns: [TableColumn(s.userName), TableColumn(s.role, width: .fixed(20), shedPriority: 1),
                                    TableColumn(s.status, width: .fixed(9))],
                          dataSource: rows, strings: s.screenKit)
        table.mainColumnMinimum = 12  // logins, not people's names
        table.sortKey = nil
        table.helpText = s.usersHelp
        super.init(title: s.usersTitle, root: table)
    }

    override func didAppear() {
        let s = session.strings
        rows.items = (session.book?.store.users.values.sorted { $0.name < $1.name } ?? []).map { user in
            (user.name, [user.name, user.role.label.text(in: s.language), user.isActive ? s.active : s.disabled])
        }
        table.reload()
    }

    enum Command: CaseIterable { case add, disable, resetPassphrase, changeOwnPassphrase, back }

    var commandTable: CommandTable<Command> {
        let s = session.strings
        return CommandTable([
            .init(.add, .function(5), .character("a"), label: s.addUser),
            .init(.disable, .function(8), .character("d"), label: s.disableUser),
            .init(.resetPassphrase, .function(6), .character("r"), label: s.resetPassphrase),
            .init(.changeOwnPassphrase, .function(4), .character("p"), label: s.changePassphrase),
            .init(.back, .escape, label: s.back),
        ])
    }

    func perform(_ command: Command) {
        switch command {
        case .add: UserForms.addUser(session: session)
        case .disable: disableSelected()
        case .resetPassphrase: resetSelected()
        case .changeOwnPassphrase: UserForms.changeOwnPassphrase(session: session)
        case .back: session.app.dismiss(self)
        }
    }

    override var bindings: [Binding] { commandBindings }

    /// A forgotten passphrase: the coordinator gives a new one, which the user must change.
    private func resetSelected() {
        guard rows.items.indices.contains(table.selectedRow) else { return }
        UserForms.resetPassphrase(of: rows.items[table.selectedRow].key, session: session)
    }

    private func disableSelected() {
        guard rows.items.indices.contains(table.selectedRow) else { return }
        let name = rows.items[table.selectedRow].key
        let s = session.strings
        session.app.push(ConfirmDialog(title: s.disableUser, message: s.disableQuestion(name)) { [unowned self] yes in
            guard yes else { return }
            if session.perform({ try session.writableBook().disableUser(name) }) {
                session.app.showInfo(s.userDisabled(name))
                didAppear()
            }
        })
    }
}

/// The forms for adding a user and changing one's own passphrase.
enum UserForms {
    private enum Keys {
        static let name = FormKey.text("name")
        static let role = FormKey.choice("role", of: UserRole.self)
        static let current = FormKey.text("current")
        static let passphrase = FormKey.text("passphrase")
        static let again = FormKey.text("again")
    }

    static func addUser(session: RefugeSession) {
        let s = session.strings
        let roles = UserRole.allCases.map { ChoiceOption(code: $0.rawValue, label: $0.label.text(in: s.language)) }
        let description = FormDescription(title: s.addUserTitle, pages: [FormPage(title: s.addUserTitle, fields: [
            FormField(Keys.name, s.userName, .text(maxLength: 100), required: true),
            FormField(Keys.role, s.role, .choice(roles), required: true),
            PassphraseRules.newPassphrase(Keys.passphrase, label: s.passphrase, strings: s),
            PassphraseRules.repeated(Keys.again, of: Keys.passphrase, label: s.passphraseAgain, strings: s),
        ])])
        present(session, description, initial: [Keys.role.name: .choice(UserRole.caseworker.rawValue)]) { book, form in
            let name = try form.answer(Keys.name).trimmingCharacters(in: .whitespaces)
            try book.addUser(name, role: form.answer(Keys.role), passphrase: form.answer(Keys.passphrase), kdf: session.settings.kdf)
            session.app.showInfo(s.userAdded(name))
        }
    }

    static func resetPassphrase(of name: String, session: RefugeSession) {
        let s = session.strings
        let title = s.resetPassphraseTitle(name)
        let description = FormDescription(title: title, pages: [FormPage(title: s.resetPassphraseAdvice(name), fields: [
            PassphraseRules.newPassphrase(Keys.passphrase, label: s.newPassphrase, strings: s),
            PassphraseRules.repeated(Keys.again, of: Keys.passphrase, label: s.passphraseAgain, strings: s),
        ])])
        present(session, description) { book, form in
            try book.resetPassphrase(of: name, to: form.answer(Keys.passphrase), kdf: session.settings.kdf)
            session.app.showInfo(s.passphraseWasReset(name))
        }
    }

    /// `required`: right after signing in with a passphrase a coordinator chose; the form cannot
    /// be left until the passphrase is the user's own.
    static func changeOwnPassphrase(session: RefugeSession, required: Bool = false) {
        let s = session.strings
        let page = required ? s.mustChangePassphrase : s.changePassphraseTitle
        let description = FormDescription(title: s.changePassphraseTitle, pages: [FormPage(title: page, fields: [
            FormField(Keys.current, s.currentPassphrase, .secret, required: true),
            PassphraseRules.newPassphrase(Keys.passphrase, label: s.newPassphrase, strings: s),
            PassphraseRules.repeated(Keys.again, of: Keys.passphrase, label: s.passphraseAgain, strings: s),
        ])])
        present(session, description, required: required) { book, form in
            try book.changePassphrase(from: form.answer(Keys.current), to: form.answer(Keys.passphrase), kdf: session.settings.kdf)
            session.app.showInfo(s.passphraseChanged)
        }
    }

    private static func present(_ session: RefugeSession, _ description: FormDescription, initial: FormValues = [:],
                                required: Bool = false, save: @escaping (CaseBook, Form) throws -> Void) {
        let screen = session.caseFileForm(description, initial: initial, save: save)
        if required { screen.onCancel = {} }  // Esc does not leave; F12 and F10 still work
        session.app.push(screen)
    }
}
