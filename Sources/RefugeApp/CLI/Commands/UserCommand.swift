import ArgumentParser
import CaseModel

/// `refuge user`: the Users screen from the shell.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, disable or list users, reset a forgotten passphrase, or change your own.",
        subcommands: [UserAddCommand.self, UserDisableCommand.self, UserPasswdCommand.self, UserResetCommand.self, UserListCommand.self]
    )
}

/// `refuge user add NAME --role ROLE`.
struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user (coordinators only).",
        discussion: "The new user's passphrase comes from REFUGE_NEW_PASSPHRASE, or is asked twice without echo."
    )

    enum Role: String, ExpressibleByArgument, CaseIterable {
        case caseworker, coordinator
        var userRole: UserRole { self == .caseworker ? .caseworker : .coordinator }
    }

    @Argument(help: "The new user's name.")
    var name: String
    @Option(help: "caseworker or coordinator.")
    var role: Role
    @OptionGroup var data: DataOption

    func run() throws {
        let environment = CommandEnvironment.current
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        // Refuse before asking for the new passphrase, not after.
        guard book.isCoordinator else { throw CaseBook.NotPermitted.coordinatorsOnly(action: "add users") }
        let passphrase = try NewPassphrase.resolve(environment, variable: CommandEnvironment.newPassphraseKey, for: name)
        try book.addUser(name, role: role.userRole, passphrase: passphrase, kdf: KDFChoice.resolve(environment))
        print("Added \(name) as \(role.rawValue).")
    }
}

/// `refuge user disable NAME`.
struct UserDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable a user: their passphrase no longer opens the case file (coordinators only)."
    )

    @Argument(help: "The user to disable.")
    var name: String
    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard book.store.users[name]?.isActive == true else {
            throw CommandFailure("There is no active user named \(name).", status: .rejectedInput)
        }
        try book.disableUser(name)
        print("Disabled \(name).")
    }
}

/// `refuge user passwd`: the signed-in user's own passphrase.
struct UserPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change your own passphrase.",
        discussion: """
            You sign in with your current passphrase (REFUGE_USER / REFUGE_PASSPHRASE, or asked); the \
            new one comes from REFUGE_NEW_PASSPHRASE, or is asked twice without echo.
            """
    )

    @OptionGroup var data: DataOption

    func run() throws {
        let environment = CommandEnvironment.current
        let credentials = try data.caseFile.credentials()
        let book = try data.caseFile.open(.write, as: credentials)
        defer { book.close() }
        let new = try NewPassphrase.resolve(environment, variable: CommandEnvironment.newPassphraseKey, for: credentials.user)
        try book.changePassphrase(from: credentials.passphrase, to: new, kdf: KDFChoice.resolve(environment))
        print("Changed the passphrase of \(credentials.user).")
    }
}

/// `refuge user reset NAME`: a forgotten passphrase, as the Users screen's reset does.
struct UserResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Give a user who forgot their passphrase a new one, to be changed at their next sign-in (coordinators only).",
        discussion: """
            The new passphrase comes from REFUGE_NEW_PASSPHRASE, or is asked twice without echo. Tell it \
            to the user in person; the application makes them choose their own when they sign in. The \
            case file moves to a new data key, so an old copy of the key file opens nothing written from now on.
            """
    )

    @Argument(help: "The user whose passphrase is reset.")
    var name: String
    @OptionGroup var data: DataOption

    func run() throws {
        let environment = CommandEnvironment.current
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        // Refuse before asking for the new passphrase, not after.
        guard book.isCoordinator else { throw CaseBook.NotPermitted.coordinatorsOnly(action: "reset passphrases") }
        guard name != book.user else {
            throw CommandFailure("Change your own passphrase with `refuge user passwd`.", status: .rejectedInput)
        }
        guard book.store.users[name]?.isActive == true else {
            throw CommandFailure("There is no active user named \(name).", status: .rejectedInput)
        }
        let passphrase = try NewPassphrase.resolve(environment, variable: CommandEnvironment.newPassphraseKey, for: name)
        try book.resetPassphrase(of: name, to: passphrase, kdf: KDFChoice.resolve(environment))
        print("Reset the passphrase of \(name); they must change it at their next sign-in.")
    }
}

/// `refuge user list`.
struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the users with their roles and whether they are active."
    )

    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.read)
        defer { book.close() }
        let accounts = book.store.users.values.sorted { $0.name < $1.name }
        let width = max(4, accounts.map(\.name.count).max() ?? 0)
        func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        print(padded("USER", width) + "  " + padded("ROLE", 11) + "  STATUS")
        for account in accounts {
            print(padded(account.name, width) + "  " + padded(account.role.rawValue, 11) + "  "
                  + (account.isActive ? "active" : "disabled"))
        }
    }
}
