import EventLog
import Foundation

/// Every failure of the log and the case book, as a message a caseworker can act on and the
/// shared exit code. The one place where errors meet people.
extension CommandFailure {
    /// A failure for any error a command lets escape, or nil for errors ArgumentParser reports.
    static func translating(_ error: any Error) -> CommandFailure? {
        switch error {
        case let failure as CommandFailure: failure
        case let error as EventLogError: CommandFailure(error)
        case let refusal as CaseBook.NotPermitted:
            CommandFailure("Not allowed: \(refusal.description). Nothing was changed.", status: .rejectedInput)
        default: nil
        }
    }

    static func damagedLog(_ directory: URL) -> CommandFailure {
        CommandFailure("""
            The case file in \(directory.path) is damaged: some records cannot be read. Nothing was changed.
            Run `refuge verify` to see the damage and `refuge salvage --output NEWDIR` to copy everything readable.
            """, status: .damagedLog)
    }

    init(_ error: EventLogError) {
        switch error {
        case .noSuchLog(let directory):
            self.init("There is no Refuge case file in \(directory). Check --data or $REFUGE_DATA, or create one with `refuge init`.",
                      status: .cannotOpen)
        case .alreadyExists(let directory):
            self.init("A case file already exists in \(directory); nothing was changed. Choose another directory.",
                      status: .cannotOpen)
        case .notALog(let path):
            self.init("\(path) is not a Refuge case file.", status: .cannotOpen)
        case .unsupportedVersion(let path, _):
            self.init("\(path) was written by a newer Refuge; install that version to open it.", status: .cannotOpen)
        case .keyFileMismatch(let directory):
            self.init("The key file in \(directory) belongs to another case file; restore the matching `keys` file from a backup.",
                      status: .cannotOpen)
        case .wrongPassphrase(let user):
            // Slots carry no names in clear, so an unknown or disabled user looks the same.
            self.init("Wrong user name or passphrase (\(user)). Nothing was changed.", status: .cannotOpen)
        case .noSuchUser(let user):
            self.init("There is no user named \(user) (or the user was disabled).", status: .cannotOpen)
        case .lockedByAnotherProcess(let holder):
            self.init("""
                The case file is open for writing in another Refuge (\(holder)).
                Close Refuge there and try again. Commands that only read (stats, anonymised export, verify, backup) work meanwhile.
                """, status: .cannotOpen)
        case .damagedHeader, .damagedKeyFile, .damagedSealedFile, .tampered:
            self.init("The case file is damaged or was tampered with: \(error). Nothing was changed. "
                      + "Restore it from a backup, or ask your administrator.", status: .damagedLog)
        case .readOnly(let reason):
            self.init("The case file can only be read here (\(reason)); nothing was changed.", status: .cannotOpen)
        case .userExists(let user):
            self.init("There is already a user named \(user).", status: .rejectedInput)
        case .invalidUserName(let user):
            self.init("\"\(user)\" cannot be a user name: use 1 to 127 bytes without control characters.", status: .rejectedInput)
        case .emptyPassphrase:
            self.init("The passphrase is empty.", status: .rejectedInput)
        case .cannotRemoveLastUser:
            self.init("The last user cannot be disabled: nobody could open the case file any more.", status: .rejectedInput)
        case .recordTooLarge(let size, let limit):
            self.init("Too much at once (\(size) bytes, the limit is \(limit)); split the file and import the parts.",
                      status: .rejectedInput)
        case .unacceptableKDFParameters(let kdf):
            self.init("Key derivation settings \(kdf) are out of the accepted range.", status: .cannotOpen)
        case .diskFull:
            self.init("The disk is full. Nothing saved before was lost; free some space and try again.", status: .cannotOpen)
        case .writeFailed(let failure), .writerStopped(let failure):
            self.init("Writing the case file failed (\(failure)). Nothing saved before was lost; try again.", status: .cannotOpen)
        case .keyFileOutdated, .keyFileAltered:
            self.init("The case file refuses this key file: \(error). Nothing was changed. "
                      + "Put back the current key file (from the newest backup), or ask your administrator.", status: .damagedLog)
        case .slotsAwaitingUpgrade(let users):
            self.init("Not yet possible: \(users.joined(separator: ", ")) must sign in once first (their key slots are "
                      + "of the old format and cannot receive a new data key). Nothing was changed.", status: .rejectedInput)
        case .unusableSalvageDestination(let reason):
            self.init("Cannot salvage into that directory: \(reason). Give a new or empty directory.", status: .cannotOpen)
        case .io(let message):
            self.init("The case file could not be read or written: \(message).", status: .cannotOpen)
        case .emptyBatch, .closed, .invalidSealedFileName, .reservedRecordType:
            self.init("Internal error: \(error). Nothing was changed.", status: .cannotOpen)
        }
    }
}
