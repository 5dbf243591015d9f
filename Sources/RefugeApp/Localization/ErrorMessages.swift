import CaseModel
import EventLog

/// A message already written for the person at the keyboard. Thrown from a form's save so that
/// ScreenKit shows exactly this text in the status line.
struct UserMessage: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}

extension AppStrings {
    /// The one translation of any error into clear, non-technical words. Sign-in wraps its own
    /// (wrong passphrase, locked) around this.
    func message(for error: any Error) -> String {
        switch error {
        case let message as UserMessage:
            return message.description
        case let issue as ValidationIssue:
            return issue.message(in: language)
        case let refusal as CaseBook.NotPermitted:
            switch refusal {
            case .disablingYourself: return cannotDisableSelf
            case .coordinatorsOnly: return notPermitted
            case .identifiableExportWhileReadOnly: return readOnlyRefused
            case .noActiveAccount: return wrongCredentials
            }
        case let logError as EventLogError:
            return message(for: logError)
        default:
            return unexpected(String(describing: error))
        }
    }

    /// Storage failures of a save: the message says what to do (free space, F2), so it is shown whole.
    static func isStorageFailure(_ error: any Error) -> Bool {
        switch error as? EventLogError {
        case .diskFull?, .writeFailed?, .writerStopped?, .io?: true
        default: false
        }
    }

    private func message(for error: EventLogError) -> String {
        switch error {
        case .wrongPassphrase, .noSuchUser: return wrongCredentials
        case .lockedByAnotherProcess(let holder): return lockedByOther(holder)
        case .readOnly: return readOnlyRefused
        case .diskFull: return diskFull
        case .writeFailed, .writerStopped, .io: return writeFailed
        case .userExists(let name): return userExists(name)
        case .invalidUserName: return invalidUserName
        case .emptyPassphrase: return passphraseTooShort
        case .noSuchLog: return noCaseFile
        case .alreadyExists: return alreadyExists
        case .notALog, .unsupportedVersion, .damagedHeader, .damagedKeyFile, .keyFileMismatch, .tampered,
             .damagedSealedFile, .keyFileOutdated, .keyFileAltered:
            return damagedFile
        default: return unexpected(error.description)
        }
    }
}
