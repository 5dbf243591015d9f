import CaseModel
import EventLog
import Foundation

/// A message already written for the person at the keyboard. Thrown from a form's save so that
/// ScreenKit shows exactly this text in the status line.
struct UserMessage: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}

/// How one failure is told. The screens say it short and in the user's language (the person is in
/// the middle of a task); a command says it with paths and the next command to run, in the command
/// line's language (`cli`), and exits with a status scripts can test. Nil `command`: the command line lets ArgumentParser
/// report it.
struct FailureWording {
    let screen: String
    let command: CommandFailure?
}

extension AppStrings {
    /// What the screens show for `error`. Sign-in wraps its own (wrong passphrase, locked) around it.
    func message(for error: any Error) -> String { wording(for: error).screen }

    /// Storage failures of a save: the message says what to do (free space, F2), so it is shown whole.
    static func isStorageFailure(_ error: any Error) -> Bool {
        switch error as? EventLogError {
        case .diskFull?, .writeFailed?, .writerStopped?, .io?: true
        default: false
        }
    }

    /// A refusal: the screen's sentence, and on the command line that nothing was changed.
    private func refused(_ sentence: String) -> FailureWording {
        FailureWording(screen: sentence, command: CommandFailure(cli("cli.error.refused", ["reason": .text(sentence)]), status: .rejectedInput))
    }

    /// The one table from errors to words, for the screens and the command line alike.
    func wording(for error: any Error) -> FailureWording {
        switch error {
        case let message as UserMessage:
            return FailureWording(screen: message.description, command: nil)
        case let failure as CommandFailure:
            return FailureWording(screen: failure.message, command: failure)
        case let issue as ValidationIssue:
            return FailureWording(screen: issue.message(in: language), command: nil)
        case let refusal as CaseBook.NotPermitted:
            let screen = switch refusal {
            case .disablingYourself: cannotDisableSelf
            case .coordinatorsOnly: notPermitted
            case .identifiableExportWhileReadOnly: readOnlyRefused
            case .pseudonymSecretMissing: pseudonymSecretMissing
            case .noActiveAccount: wrongCredentials
            case .revokedLaptop: revokedLaptop
            case .noSuchDevice, .revokingThisLaptop: notPermitted
            }
            return refused(screen)
        case let refusal as CaseBook.PartnerRefusal:
            return refused(partnerRefusal(refusal))
        case let refusal as CaseBook.EpisodeRefusal:
            return refused(episodeRefusal(refusal))
        case let refusal as CaseBook.FlagRefusal:
            return refused(flagRefusal(refusal))
        case let logError as EventLogError:
            return wording(for: logError)
        default:
            return FailureWording(screen: unexpected(String(describing: error)), command: nil)
        }
    }

    private func wording(for error: EventLogError) -> FailureWording {
        func say(_ screen: String, _ key: String, _ arguments: [String: WordValue] = [:], _ status: ExitStatus) -> FailureWording {
            FailureWording(screen: screen, command: CommandFailure(cli(key, arguments), status: status))
        }
        let internalError = unexpected(error.description)
        switch error {
        case .noSuchLog(let directory):
            return say(noCaseFile, "cli.error.noSuchLog", ["directory": .text(directory)], .cannotOpen)
        case .alreadyExists(let directory):
            return say(alreadyExists, "cli.error.alreadyExists", ["directory": .text(directory)], .cannotOpen)
        case .notALog(let path):
            return say(damagedFile, "cli.error.notALog", ["path": .text(path)], .cannotOpen)
        case .unsupportedVersion(let path, _):
            return say(damagedFile, "cli.error.unsupportedVersion", ["path": .text(path)], .cannotOpen)
        case .newerFormat(let path, let version):
            return say(newerFormat(version), "cli.error.newerFormat",
                       ["path": .text(path), "version": .text(String(version)), "build": .text(BuildInfo.summary)], .cannotOpen)
        case .keyFileMismatch(let directory):
            return say(damagedFile, "cli.error.keyFileMismatch", ["directory": .text(directory)], .cannotOpen)
        case .wrongPassphrase(let user):
            // Slots carry no names in clear, so an unknown or disabled user looks the same.
            return say(wrongCredentials, "cli.error.wrongPassphrase", ["user": .text(user)], .cannotOpen)
        case .noSuchUser(let user):
            return say(wrongCredentials, "cli.error.noSuchUser", ["user": .text(user)], .cannotOpen)
        case .lockedByAnotherProcess(let holder):
            return say(lockedByOther(holder), "cli.error.lockedByAnotherProcess", ["holder": .text(holder)], .cannotOpen)
        case .damagedHeader, .damagedKeyFile, .damagedSealedFile, .tampered:
            return say(damagedFile, "cli.error.damaged", ["detail": .text(detail(of: error))], .damagedLog)
        case .readOnly(let reason):
            let words = switch reason {
            case .openedReadOnly: cli("log.readOnly.opened")
            case .damage: cli("log.readOnly.damage")
            case .rollback(let finding): cli("log.readOnly.rollback", ["finding": .text(LogReportWording(cli).rollback(finding))])
            }
            return say(readOnlyRefused, "cli.error.readOnly", ["reason": .text(words)], .cannotOpen)
        case .userExists(let user):
            return say(userExists(user), "cli.error.userExists", ["user": .text(user)], .rejectedInput)
        case .invalidUserName(let user):
            return say(invalidUserName, "cli.error.invalidUserName", ["user": .text(user)], .rejectedInput)
        case .emptyPassphrase:
            return say(passphraseTooShort, "cli.error.emptyPassphrase", [:], .rejectedInput)
        case .cannotRemoveLastUser:
            return say(internalError, "cli.error.cannotRemoveLastUser", [:], .rejectedInput)
        case .recordTooLarge(let size, let limit):
            return FailureWording(screen: internalError, command: CommandFailure(cli("cli.error.recordTooLarge", count: size, ["limit": .number(limit)]),
                                                                                 status: .rejectedInput))
        case .unacceptableKDFParameters(let kdf):
            return say(internalError, "cli.error.unacceptableKDFParameters", ["kdf": .text(String(describing: kdf))], .cannotOpen)
        case .diskFull:
            return say(diskFull, "cli.error.diskFull", [:], .cannotOpen)
        case .writeFailed(let failure), .writerStopped(let failure):
            return say(writeFailed, "cli.error.writeFailed", ["detail": .text(String(describing: failure))], .cannotOpen)
        case .io(let message):
            return say(writeFailed, "cli.error.io", ["detail": .text(message)], .cannotOpen)
        case .keyFileOutdated, .keyFileAltered:
            return say(damagedFile, "cli.error.keyFileRefused", ["detail": .text(detail(of: error))], .damagedLog)
        case .slotsAwaitingUpgrade(let users):
            return say(unexpected(error.description), "cli.error.slotsAwaitingUpgrade", ["users": .text(users.joined(separator: ", "))],
                       .rejectedInput)
        case .notJoined(let folder):
            return say(notJoined, "cli.error.notJoined", ["folder": .text(folder)], .cannotOpen)
        case .incompleteFolder(let folder, let missing):
            return say(incompleteFolder, "cli.error.incompleteFolder", ["folder": .text(folder), "missing": .text(missing)], .cannotOpen)
        case .stateOfAnotherCaseFile(let folder, let setAside):
            return say(stateOfAnotherCaseFile, "cli.error.stateOfAnotherCaseFile", ["folder": .text(folder), "setAside": .text(setAside)],
                       .cannotOpen)
        case .alreadyJoined(let folder):
            return say(alreadyJoined, "cli.error.alreadyJoined", ["folder": .text(folder)], .rejectedInput)
        case .unusableSalvageDestination(let reason):
            return say(internalError, "cli.error.unusableSalvageDestination", ["reason": .text(reason)], .cannotOpen)
        case .emptyBatch, .closed, .invalidSealedFileName, .reservedRecordType:
            return say(internalError, "cli.error.internal", ["detail": .text(error.description)], .cannotOpen)
        }
    }

    /// What the log found wrong, from its facts (a path, a record's number), in the command
    /// line's language; EventLog's own English `description` is for its tests.
    private func detail(of error: EventLogError) -> String {
        switch error {
        case .damagedHeader(let path): cli("log.detail.damagedHeader", ["path": .text(path)])
        case .damagedKeyFile(let path): cli("log.detail.damagedKeyFile", ["path": .text(path)])
        case .damagedSealedFile(let name): cli("log.detail.damagedSealedFile", ["name": .text(name)])
        case .tampered(let offset, let sequence, _):
            cli("log.detail.tampered", ["sequence": .text(String(sequence)), "offset": .text(String(offset))])
        case .keyFileOutdated(let directory): cli("log.detail.keyFileOutdated", ["directory": .text(directory)])
        case .keyFileAltered(let directory): cli("log.detail.keyFileAltered", ["directory": .text(directory)])
        default: error.description
        }
    }
}
