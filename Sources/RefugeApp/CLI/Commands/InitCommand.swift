import ArgumentParser

/// `refuge init`: the setup screen without the screen, for administrators and scripts.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new encrypted case file with its first user, a coordinator.",
        discussion: """
            The passphrase comes from REFUGE_PASSPHRASE, or is asked twice without echo. \
            It needs at least 10 characters. An existing case file is never overwritten.
            """
    )

    @OptionGroup var data: DataOption
    @Option(name: .customLong("org"), help: ArgumentHelp("The organisation's name.", valueName: "name"))
    var organisation: String
    @Option(help: ArgumentHelp("The first user's name (default: $REFUGE_USER).", valueName: "name"))
    var user: String?

    func run() throws {
        let environment = CommandEnvironment.current
        guard let user = user ?? environment[CommandEnvironment.userKey] else {
            throw ValidationError("give the first user's name with --user NAME (or REFUGE_USER)")
        }
        let passphrase = try NewPassphrase.resolve(environment, variable: CommandEnvironment.passphraseKey, for: user)
        let book = try CaseBook.create(at: data.directory, state: data.state, organisation: organisation, user: user,
                                       passphrase: passphrase, kdf: KDFChoice.resolve(environment))
        book.close()
        print("Created the case file of \(organisation) in \(data.directory.path); \(user) is its coordinator.")
    }
}
