import ArgumentParser
import CaseModel

/// `refuge demo`: a training case file full of invented people, for teaching new staff and for
/// benchmarks. Every screen of it says DEMO.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a training case file with invented cases, marked DEMO.",
        discussion: """
            The coordinator is REFUGE_USER (default "\(DemoCommand.defaultUser)") with the passphrase \
            REFUGE_PASSPHRASE (default "\(DemoCommand.defaultPassphrase)"). These defaults are for \
            training only: never keep real cases in a demo case file.
            """
    )

    static let defaultUser = "demo"
    static let defaultPassphrase = "demo-passphrase"
    static let organisation = "DEMO — training case file, invented people"

    @OptionGroup var data: DataOption
    @Option(help: "How many invented cases.")
    var cases: Int = 300
    @Option(help: "Seed of the invented caseload: the same seed gives the same people.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard (0...1_000_000).contains(cases) else { throw ValidationError("--cases must be between 0 and 1000000") }
    }

    func run() throws {
        let environment = CommandEnvironment.current
        let user = environment[CommandEnvironment.userKey] ?? Self.defaultUser
        let passphrase = environment[CommandEnvironment.passphraseKey] ?? Self.defaultPassphrase
        let book = try CaseBook.create(at: data.directory, state: data.state, organisation: Self.organisation, user: user,
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
