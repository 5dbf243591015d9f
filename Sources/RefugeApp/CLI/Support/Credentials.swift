/// Who is signing in: from `REFUGE_USER` / `REFUGE_PASSPHRASE`, else asked on the terminal
/// (the passphrase without echo). With neither, the command stops with exit 2 rather than hang.
struct Credentials {
    var user: String
    var passphrase: String

    static func resolve(_ environment: CommandEnvironment) throws -> Credentials {
        var prompt: TerminalPrompt?
        func terminal() throws -> TerminalPrompt {
            if let prompt { return prompt }
            guard let opened = TerminalPrompt() else { throw noTerminal }
            prompt = opened
            return opened
        }
        let user = try environment[CommandEnvironment.userKey]
            ?? cancellable { try terminal().ask(cli("cli.credentials.askUser") + " ", secret: false) }
        let passphrase = try environment[CommandEnvironment.passphraseKey]
            ?? cancellable { try terminal().ask(cli("cli.credentials.askPassphrase", ["user": .text(user)]) + " ", secret: true) }
        return Credentials(user: user, passphrase: passphrase)
    }

    private static var noTerminal: CommandFailure { CommandFailure(cli("cli.credentials.noTerminal"), status: .cannotOpen) }
}

/// A passphrase being chosen: from an environment variable, else typed twice without echo.
/// Refused when `PassphrasePolicy` finds it obviously weak, as the setup screen does, with a
/// generated passphrase offered instead.
enum NewPassphrase {
    static let minimumLength = PassphrasePolicy.minimumLength

    static func resolve(_ environment: CommandEnvironment, variable: String, for user: String) throws -> String {
        let passphrase: String
        if let given = environment[variable] {
            passphrase = given
        } else {
            guard let terminal = TerminalPrompt() else {
                throw CommandFailure(cli("cli.passphrase.noTerminal", ["variable": .text(variable)]), status: .cannotOpen)
            }
            let first = try cancellable { try terminal.ask(cli("cli.passphrase.askNew", ["user": .text(user)]) + " ", secret: true) }
            let second = try cancellable { try terminal.ask(cli("cli.passphrase.askAgain") + " ", secret: true) }
            guard first == second else {
                throw CommandFailure(cli("cli.passphrase.differ"), status: .rejectedInput)
            }
            passphrase = first
        }
        switch PassphrasePolicy.weakness(of: passphrase) {
        case nil:
            return passphrase
        case .tooShort:
            throw CommandFailure(cli("cli.passphrase.tooShort", count: minimumLength, ["example": .text(PassphrasePolicy.suggestion())]),
                                 status: .rejectedInput)
        case let weakness?:
            throw CommandFailure(cli("cli.passphrase.tooWeak", ["reason": .text(weakness.explanation),
                                                                 "example": .text(PassphrasePolicy.suggestion())]),
                                 status: .rejectedInput)
        }
    }
}

/// Runs a terminal question, turning Ctrl-C or Esc into a quiet stop with exit 2.
func cancellable(_ question: () throws -> String) throws -> String {
    do {
        return try question()
    } catch is TerminalPrompt.Cancelled {
        throw CommandFailure(cli("cli.cancelled"), status: .cannotOpen)
    }
}
