import ArgumentParser

/// `refuge init`: the setup screen without the screen, for administrators and scripts.
struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: cli("cli.init.abstract"),
            discussion: cli("cli.init.discussion")
        )
    }

    @OptionGroup var data: DataOption
    @Option(name: .customLong("org"), help: ArgumentHelp(cli("cli.init.organisation.help"), valueName: "name"))
    var organisation: String
    @Option(help: ArgumentHelp(cli("cli.init.user.help"), valueName: "name"))
    var user: String?

    func run() throws {
        let environment = CommandEnvironment.current
        guard let user = user ?? environment[CommandEnvironment.userKey] else {
            throw ValidationError(cli("cli.init.needUser"))
        }
        let passphrase = try NewPassphrase.resolve(environment, variable: CommandEnvironment.passphraseKey, for: user)
        let book = try CaseBook.create(at: data.directory, state: data.state, organisation: organisation, user: user,
                                       passphrase: passphrase, kdf: KDFChoice.resolve(environment))
        book.close()
        StateNote.say(book)
        print(cli("cli.init.created", ["organisation": .text(organisation), "directory": .text(data.directory.path), "user": .text(user)]))
    }
}
