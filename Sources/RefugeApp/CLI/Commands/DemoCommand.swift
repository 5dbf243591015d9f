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
        guard (0...1_000_000).contains(cases) else { throw ValidationError(cli("cli.demo.casesOutOfRange")) }
    }

    func run() throws {
        let environment = CommandEnvironment.current
        let user = environment[CommandEnvironment.userKey] ?? Self.defaultUser
        let passphrase = environment[CommandEnvironment.passphraseKey] ?? Self.defaultPassphrase
        let book = try CaseBook.create(at: data.directory, state: data.state, organisation: Self.organisation, user: user,
                                       passphrase: passphrase, kdf: KDFChoice.resolve(environment))
        defer { book.close() }
        StateNote.say(book)
        try book.markAsDemo()
        try book.appendHistory(SyntheticCaseload(seed: seed).events(caseCount: cases))
        // Plans, assessments and follow-ups dated around today, so that the agenda is full.
        let casework = SyntheticCasework(seed: seed, today: book.calendar.today, user: user)
        try book.record(casework.bodies(for: book.store.records, settings: book.store.caseworkSettings))
        // A passphrase given in the environment is the caller's secret and is not echoed back.
        print(cli("cli.demo.created", count: book.store.caseCount, ["directory": .text(data.directory.path)]))
        print(passphrase == Self.defaultPassphrase
              ? cli("cli.demo.signInWithDefault", ["user": .text(user), "passphrase": .text(passphrase)])
              : cli("cli.demo.signIn", ["user": .text(user)]))
    }
}
