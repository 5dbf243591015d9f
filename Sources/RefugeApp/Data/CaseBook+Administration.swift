import CaseModel
import EventLog
import Foundation

/// What both the command line and the screens do to users, exports and the demo marker, in one
/// place so that each action is recorded the same way.
extension CaseBook {
    /// An action the signed-in user may not take; the screens translate it, the CLI prints it.
    public enum NotPermitted: Error, Equatable, CustomStringConvertible {
        case coordinatorsOnly(action: String)
        case disablingYourself
        /// Identifiable exports are recorded, which a read-only case file cannot do.
        case identifiableExportWhileReadOnly
        /// An older case file whose pseudonym secret side file was deleted before it was moved
        /// into the log: a new secret would give every case a new pseudonymous id, silently.
        case pseudonymSecretMissing
        /// A key slot whose user has no active account in the log.
        case noActiveAccount(String)
        /// This laptop was revoked by a coordinator on another laptop: it adds nothing more.
        case revokedLaptop
        /// `device revoke` names no laptop of this case file, or this very laptop.
        case noSuchDevice(String)
        case revokingThisLaptop

        public var description: String {
            switch self {
            case .coordinatorsOnly(let action): "only a coordinator may \(action)"
            case .disablingYourself: "you cannot disable yourself"
            case .identifiableExportWhileReadOnly: "identifiable exports are recorded, and the case file is open read-only"
            case .pseudonymSecretMissing:
                "the secret behind pseudonymous ids (pseudonym-secret.sealed) is missing, and new ids would not match "
                    + "earlier exports; put the file back from a backup"
            case .noActiveAccount(let user): "\(user) has no active account in this case file"
            case .revokedLaptop: "this laptop was revoked by a coordinator: what it writes would never be read"
            case .noSuchDevice(let name): "no laptop of this case file is named \(name) (refuge device list)"
            case .revokingThisLaptop: "a laptop cannot revoke itself; revoke it from another laptop"
            }
        }
    }

    // MARK: Users

    /// Adds a user with a key slot and records who added them with which role. Coordinators only.
    public func addUser(_ name: String, role: UserRole, passphrase: String, kdf: KDFParameters = .standard) throws {
        try requireCoordinator("add users")
        try log.addUser(name, passphrase: passphrase, kdf: kdf)
        try record([.userAdded(name: name, role: role)])
    }

    /// Disables a user: their key slot is removed, the case file moves to a new data key for
    /// everything written from now on (so an old copy of the key file opens nothing new), and the
    /// log records it. Coordinators only; nobody disables themselves.
    public func disableUser(_ name: String) throws {
        try requireCoordinator("disable users")
        guard name != user else { throw NotPermitted.disablingYourself }
        log = try log.removeUser(name)
        try record([.userDisabled(name: name)])
    }

    /// Changes the signed-in user's own passphrase, and records that it is now theirs (a
    /// passphrase a coordinator chose must be changed at the first sign-in).
    public func changePassphrase(from old: String, to new: String, kdf: KDFParameters = .standard) throws {
        try log.changePassphrase(user: user, from: old, to: new, kdf: kdf)
        try record([.passphraseChanged])
    }

    /// A coordinator's answer to a forgotten passphrase: `name`'s key slot is replaced by one for
    /// `passphrase`, which `name` must change at the next sign-in. Coordinators only; one's own
    /// passphrase is changed with the old one. Replacing the slot also moves the case file to a new
    /// data key, as disabling does, so a key file copied while the old passphrase was known opens
    /// nothing written from now on.
    public func resetPassphrase(of name: String, to passphrase: String, kdf: KDFParameters = .standard) throws {
        try requireCoordinator("reset passphrases")
        log = try log.removeUser(name)
        try log.addUser(name, passphrase: passphrase, kdf: kdf)
        try record([.passphraseReset(name: name)])
    }

    /// Marks `id` as registering the same person as `original` (coordinators only): both cases
    /// stay and are linked; statistics count the person once.
    public func markDuplicate(_ id: CaseID, of original: CaseID) throws {
        try requireCoordinator("mark duplicates")
        guard id != original, store[id] != nil, store[original] != nil else { return }
        try record([.duplicateMarked(caseID: id, original: original)])
    }

    /// True when the signed-in user's passphrase was chosen by someone else and not yet changed.
    public var mustChangePassphrase: Bool { account?.mustChangePassphrase == true }

    // MARK: Exports

    /// Renders an export of `cases` (all cases by default) and records that it was made.
    /// Identifiable exports are for coordinators only.
    public func export(_ variant: ExportVariant, format: ExportFormat, wording: ExportWording = .codes,
                       cases: [CaseRecord]? = nil) throws -> Data {
        if variant.isIdentifiable {
            try requireCoordinator("make identifiable exports")
            // An identifiable export must leave a trace; a read-only book cannot record one.
            guard !isReadOnly else {
                throw NotPermitted.identifiableExportWhileReadOnly
            }
        }
        let chosen = cases ?? Array(store.records)
        let exporter = CaseExporter(pseudonymSecret: try pseudonymSecret())
        let bytes = switch format {
        case .csv: Data(exporter.csv(chosen, variant: variant, wording: wording).utf8)
        case .json: Data(exporter.json(chosen, variant: variant).utf8)
        case .xlsx: Data(exporter.xlsx(chosen, variant: variant, wording: wording))
        }
        if !isReadOnly {
            try record([.exportMade(format: "\(format.rawValue)-\(variant.rawValue)", identifiable: variant.isIdentifiable,
                                    caseCount: chosen.count)])
        }
        return bytes
    }

    // MARK: Demo

    /// True for a training case file made by `refuge demo`; every screen says DEMO.
    public var isDemo: Bool { (try? log.readSealedFile(named: SealedName.demo)) != nil }

    public func markAsDemo() throws { try log.writeSealedFile(named: SealedName.demo, contents: Data("demo".utf8)) }

    func requireCoordinator(_ action: String) throws {
        guard isCoordinator else { throw NotPermitted.coordinatorsOnly(action: action) }
    }
}

/// File formats of exports.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json
    /// An Excel workbook whose cells carry their types.
    case xlsx

    /// The workbook for a file named `….xlsx`, CSV otherwise: the name already says which.
    public static func tableFormat(forFileNamed path: String?) -> ExportFormat {
        path.map { ($0 as NSString).pathExtension.lowercased() == "xlsx" } == true ? .xlsx : .csv
    }
}
