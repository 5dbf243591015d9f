import EventLog
import Foundation

/// How a command uses the case file.
enum CaseFileMode {
    /// Only reading: works while the application holds the writer lock, and records nothing.
    case read
    /// Changing things: needs the writer lock, so it is refused while another Refuge writes.
    case write
    /// Writing when the lock is free, so that the action is recorded; reading when another
    /// process holds it, so that the command still works while the application is open.
    case writeWhenFree
}

/// The one way a command opens the case file: the resolved directory, the credentials from the
/// environment or the terminal, the mode, and a refusal when the log is damaged. Failures reach
/// the person as the messages in `CommandFailure+EventLog.swift`.
struct CaseFileAccess {
    let directory: URL
    /// This computer's own files for it (see `DataLocation.resolveState`).
    let state: URL
    let environment: CommandEnvironment

    func credentials() throws -> Credentials { try Credentials.resolve(environment) }

    /// Opens and replays the case file. A damaged log is refused (exit 3) with the advice to run
    /// `verify` and `salvage`: figures and changes from a log with missing records would mislead.
    /// Cases' histories are kept only for a command that reads them (`keepsHistory`).
    func open(_ mode: CaseFileMode, as credentials: Credentials? = nil, keepsHistory: Bool = false) throws -> CaseBook {
        let credentials = try credentials ?? self.credentials()
        let book: CaseBook
        do {
            if mode != .read && EventLog.keyFileUpgradePending(at: directory, user: credentials.user) {
                FileHandleOutput.standardError.write(cli("cli.note.keyFileUpgrade", ["directory": .text(directory.path)]) + "\n")
            }
            book = try signingIn {
                try CaseBook.open(at: directory, state: state, user: credentials.user, passphrase: credentials.passphrase,
                                  mode: mode == .read ? .readOnly : .readWrite, keepsHistory: keepsHistory)
            }
        } catch EventLogError.lockedByAnotherProcess where mode == .writeWhenFree {
            return try open(.read, as: credentials, keepsHistory: keepsHistory)
        }
        if let copy = book.log.recovery.cutTailCopy {
            FileHandleOutput.standardError.write(cli("cli.note.cutTail", ["file": .text(String(describing: copy))]) + "\n")
        }
        if book.movedPseudonymSecretIntoLog {
            FileHandleOutput.standardError.write(cli("cli.note.pseudonymSecretMoved") + "\n")
        }
        if let rollback = book.log.recovery.rollback {
            guard !rollback.isRollback else {
                book.close()
                throw CommandFailure.rolledBack(directory, rollback)
            }
            FileHandleOutput.standardError.write(cli("cli.warning", ["text": .text(LogReportWording(cli).rollback(rollback))]) + "\n")
        }
        guard book.log.openingRead.damage.isEmpty else {
            book.close()
            throw CommandFailure.damagedLog(directory)
        }
        return book
    }

    /// Opens and replays the case file read-only, damage or not, for commands that report on it
    /// (`sync status`, `device list`): safe while the application runs.
    func openForReading(as credentials: Credentials? = nil) throws -> CaseBook {
        let credentials = try credentials ?? self.credentials()
        return try signingIn {
            try CaseBook.open(at: directory, state: state, user: credentials.user, passphrase: credentials.passphrase,
                              mode: .readOnly, keepsHistory: false)
        }
    }

    /// Opens only the log (and reads the other devices' logs of a shared folder), for commands
    /// that copy bytes and need no replay.
    func openLog(as credentials: Credentials? = nil, mode: OpenMode = .readOnly) throws -> EventLog {
        let credentials = try credentials ?? self.credentials()
        return try signingIn {
            try EventLog.open(in: SharedFolder(folder: directory, state: state), user: credentials.user,
                              passphrase: credentials.passphrase, mode: mode, eachRecord: { _ in })
        }
    }

    /// Runs an attempt to unlock the case file under the sign-in throttle the application shares:
    /// refused while it says wait, a wrong passphrase counted, a success clearing the count.
    func signingIn<T>(_ attempt: () throws -> T) throws -> T {
        let throttle = SignInThrottle(stateDirectory: state)
        if let wait = throttle.remainingWait() {
            let seconds = Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up))
            throw CommandFailure(cli("cli.signIn.wait", ["seconds": .number(seconds)]),
                                 status: .cannotOpen)
        }
        do {
            let result = try attempt()
            throttle.recordSuccess()
            return result
        } catch EventLogError.wrongPassphrase(let user) {
            throttle.recordFailure()
            throw EventLogError.wrongPassphrase(user: user)
        }
    }
}
