import ArgumentParser
import CaseModel

/// `refuge user`: the Users screen from the shell.
struct UserCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "user",
            abstract: cli("cli.user.abstract"),
            subcommands: [UserAddCommand.self, UserDisableCommand.self, UserPasswdCommand.self, UserResetCommand.self, UserListCommand.self]
        )
    }
}

/// `refuge user add NAME --role ROLE`.
struct UserAddCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add",
            abstract: cli("cli.user.add.abstract"),
            discussion: cli("cli.user.add.discussion")
        )
    }

    enum Role: String, ExpressibleByArgument, CaseIterable {
        case caseworker, coordinator
        var userRole: UserRole { self == .caseworker ? .caseworker : .coordinator }
    }

    @Argument(help: ArgumentHelp(cli("cli.user.add.name.help")))
    var name: String
    @Option(help: ArgumentHelp(cli("cli.user.add.role.help")))
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
        print(cli("cli.user.added", ["name": .text(name), "role": .text(role.userRole.label.text(in: CommandWords.language))]))
    }
}

/// `refuge user disable NAME`.
struct UserDisableCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "disable",
            abstract: cli("cli.user.disable.abstract")
        )
    }

    @Argument(help: ArgumentHelp(cli("cli.user.disable.name.help")))
    var name: String
    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard book.store.users[name]?.isActive == true else {
            throw CommandFailure(cli("cli.user.noActiveUser", ["name": .text(name)]), status: .rejectedInput)
        }
        try book.disableUser(name)
        print(cli("cli.user.disabled", ["name": .text(name)]))
    }
}

/// `refuge user passwd`: the signed-in user's own passphrase.
struct UserPasswdCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "passwd",
            abstract: cli("cli.user.passwd.abstract"),
            discussion: cli("cli.user.passwd.discussion")
        )
    }

    @OptionGroup var data: DataOption

    func run() throws {
        let environment = CommandEnvironment.current
        let credentials = try data.caseFile.credentials()
        let book = try data.caseFile.open(.write, as: credentials)
        defer { book.close() }
        let new = try NewPassphrase.resolve(environment, variable: CommandEnvironment.newPassphraseKey, for: credentials.user)
        try book.changePassphrase(from: credentials.passphrase, to: new, kdf: KDFChoice.resolve(environment))
        print(cli("cli.user.passphraseChanged", ["name": .text(credentials.user)]))
    }
}

/// `refuge user reset NAME`: a forgotten passphrase, as the Users screen's reset does.
struct UserResetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reset",
            abstract: cli("cli.userreset.abstract"),
            discussion: cli("cli.userreset.discussion")
        )
    }

    @Argument(help: ArgumentHelp(cli("cli.userreset.name.help")))
    var name: String
    @OptionGroup var data: DataOption

    func run() throws {
        let environment = CommandEnvironment.current
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        // Refuse before asking for the new passphrase, not after.
        guard book.isCoordinator else { throw CaseBook.NotPermitted.coordinatorsOnly(action: "reset passphrases") }
        guard name != book.user else {
            throw CommandFailure(cli("cli.user.resetOwn"), status: .rejectedInput)
        }
        guard book.store.users[name]?.isActive == true else {
            throw CommandFailure(cli("cli.user.noActiveUser", ["name": .text(name)]), status: .rejectedInput)
        }
        let passphrase = try NewPassphrase.resolve(environment, variable: CommandEnvironment.newPassphraseKey, for: name)
        try book.resetPassphrase(of: name, to: passphrase, kdf: KDFChoice.resolve(environment))
        print(cli("cli.user.resetDone", ["name": .text(name)]))
    }
}

/// `refuge user list`.
struct UserListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: cli("cli.user.list.abstract")
        )
    }

    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.read)
        defer { book.close() }
        let accounts = book.store.users.values.sorted { $0.name < $1.name }
        // The same columns as the users screen, in the command line's language.
        let s = AppStrings(CommandWords.language)
        let header = [s.userName.uppercased(), s.role.uppercased(), s.status.uppercased()]
        let rows = accounts.map { [$0.name, $0.role.label.text(in: s.language), $0.isActive ? s.active : s.disabled] }
        let widths = (0..<2).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        for row in [header] + rows { print(padded(row[0], widths[0]) + "  " + padded(row[1], widths[1]) + "  " + row[2]) }
    }
}
