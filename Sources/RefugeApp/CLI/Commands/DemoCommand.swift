import ArgumentParser
import CaseModel

/// `refuge demo`: a training case file full of invented people, for teaching new staff and for
/// benchmarks. Every screen of it says DEMO.
struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo",
            abstract: cli("cli.demo.abstract"),
            discussion: cli("cli.demo.discussion", ["user": .text(defaultUser), "passphrase": .text(defaultPassphrase)])
        )
    }

    static let defaultUser = "demo"
    static let defaultPassphrase = "demo-passphrase"
    static let organisation = "DEMO — training case file, invented people"

    @OptionGroup var data: DataOption
    @Option(help: ArgumentHelp(cli("cli.demo.cases.help")))
    var cases: Int = 300
    @Option(help: ArgumentHelp(cli("cli.demo.seed.help")))
    var seed: UInt64 = 2026

    func validate() throws {
        guard (0...1_000_000).contains(cases) else { throw ValidationError("--cases must be between 0 and 1000000") }
    }

    func run() throws {
        let environment = CommandEnvironment.current
        let user = environment[CommandEnvironment.userKey] ?? Self.defaultUser
        let passphrase = environment[CommandEnvironment.passphraseKey] ?? Self.defaultPassphrase
        let book = try CaseBook.create(at: data.directory, organisation: Self.organisation, user: user,
                                       passphrase: passphrase, kdf: KDFChoice.resolve(environment))
        defer { book.close() }
        try book.markAsDemo()
        try book.appendHistory(SyntheticCaseload(seed: seed).events(caseCount: cases))
        // A passphrase given in the environment is the caller's secret and is not echoed back.
        let signIn = passphrase == Self.defaultPassphrase ? "with the passphrase \(passphrase)" : "with your passphrase"
        print("""
            Created a DEMO case file with \(book.store.caseCount) invented cases in \(data.directory.path).
            Sign in as \(user) \(signIn). For training only: never keep real cases here.
            """)
    }
}
