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
/// the middle of a task); a command says it in English with paths and the next command to run, and
/// exits with a status scripts can test. Nil `command`: the command line lets ArgumentParser
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
            }
            return FailureWording(screen: screen, command: CommandFailure("Not allowed: \(refusal.description). Nothing was changed.",
                                                                          status: .rejectedInput))
        case let logError as EventLogError:
            return wording(for: logError)
        default:
            return FailureWording(screen: unexpected(String(describing: error)), command: nil)
        }
    }

    private func wording(for error: EventLogError) -> FailureWording {
        func say(_ screen: String, _ command: String, _ status: ExitStatus) -> FailureWording {
            FailureWording(screen: screen, command: CommandFailure(command, status: status))
        }
        let internalError = unexpected(error.description)
        switch error {
        case .noSuchLog(let directory):
            return say(noCaseFile, "There is no Refuge case file in \(directory). Check --data or $REFUGE_DATA, or create one with `refuge init`.",
                       .cannotOpen)
        case .alreadyExists(let directory):
            return say(alreadyExists, "A case file already exists in \(directory); nothing was changed. Choose another directory.", .cannotOpen)
        case .notALog(let path):
            return say(damagedFile, "\(path) is not a Refuge case file.", .cannotOpen)
        case .unsupportedVersion(let path, _):
            return say(damagedFile, "\(path) was written by a newer Refuge; install that version to open it.", .cannotOpen)
        case .newerFormat(let path, let version):
            return say(newerFormat(version), """
                \(path) was made by a newer Refuge (file format version \(version)); upgrade Refuge to open it. \
                This is \(BuildInfo.summary). Nothing was changed.
                """, .cannotOpen)
        case .keyFileMismatch(let directory):
            return say(damagedFile, "The key file in \(directory) belongs to another case file; restore the matching `keys` file from a backup.",
                       .cannotOpen)
        case .wrongPassphrase(let user):
            // Slots carry no names in clear, so an unknown or disabled user looks the same.
            return say(wrongCredentials, "Wrong user name or passphrase (\(user)). Nothing was changed.", .cannotOpen)
        case .noSuchUser(let user):
            return say(wrongCredentials, "There is no user named \(user) (or the user was disabled).", .cannotOpen)
        case .lockedByAnotherProcess(let holder):
            return say(lockedByOther(holder), """
                The case file is open for writing in another Refuge (\(holder)).
                Close Refuge there and try again. Commands that only read (stats, anonymised export, verify, backup) work meanwhile.
                """, .cannotOpen)
        case .damagedHeader, .damagedKeyFile, .damagedSealedFile, .tampered:
            return say(damagedFile, "The case file is damaged or was tampered with: \(error). Nothing was changed. "
                       + "Restore it from a backup, or ask your administrator.", .damagedLog)
        case .readOnly(let reason):
            return say(readOnlyRefused, "The case file can only be read here (\(reason)); nothing was changed.", .cannotOpen)
        case .userExists(let user):
            return say(userExists(user), "There is already a user named \(user).", .rejectedInput)
        case .invalidUserName(let user):
            return say(invalidUserName, "\"\(user)\" cannot be a user name: use 1 to 127 bytes without control characters.", .rejectedInput)
        case .emptyPassphrase:
            return say(passphraseTooShort, "The passphrase is empty.", .rejectedInput)
        case .cannotRemoveLastUser:
            return say(internalError, "The last user cannot be disabled: nobody could open the case file any more.", .rejectedInput)
        case .recordTooLarge(let size, let limit):
            return say(internalError, "Too much at once (\(size) bytes, the limit is \(limit)); split the file and import the parts.",
                       .rejectedInput)
        case .unacceptableKDFParameters(let kdf):
            return say(internalError, "Key derivation settings \(kdf) are out of the accepted range.", .cannotOpen)
        case .diskFull:
            return say(diskFull, "The disk is full. Nothing saved before was lost; free some space and try again.", .cannotOpen)
        case .writeFailed(let failure), .writerStopped(let failure):
            return say(writeFailed, "Writing the case file failed (\(failure)). Nothing saved before was lost; try again.", .cannotOpen)
        case .io(let message):
            return say(writeFailed, "The case file could not be read or written: \(message).", .cannotOpen)
        case .keyFileOutdated, .keyFileAltered:
            return say(damagedFile, "The case file refuses this key file: \(error). Nothing was changed. "
                       + "Put back the current key file (from the newest backup), or ask your administrator.", .damagedLog)
        case .slotsAwaitingUpgrade(let users):
            return say(unexpected(error.description), "Not yet possible: \(users.joined(separator: ", ")) must sign in once first "
                       + "(their key slots are of the old format and cannot receive a new data key). Nothing was changed.", .rejectedInput)
        case .notJoined(let folder):
            return say(notJoined, "This computer has no log in the shared case file \(folder) yet. Join it first: "
                       + "`refuge device join --data \(folder)`. Nothing was changed.", .cannotOpen)
        case .alreadyJoined(let folder):
            return say(alreadyJoined, "This computer already has its log in \(folder); nothing was changed.", .rejectedInput)
        case .dataKeyChangeInSharedFolder:
            return say(keyChangeInSharedFolder, "Not possible in a case file several computers share: disabling a user or "
                       + "resetting a passphrase changes the data key, which every computer would need at once "
                       + "(see docs/sync.md). Nothing was changed.", .rejectedInput)
        case .unusableSalvageDestination(let reason):
            return say(internalError, "Cannot salvage into that directory: \(reason). Give a new or empty directory.", .cannotOpen)
        case .emptyBatch, .closed, .invalidSealedFileName, .reservedRecordType:
            return say(internalError, "Internal error: \(error). Nothing was changed.", .cannotOpen)
        }
    }
}
