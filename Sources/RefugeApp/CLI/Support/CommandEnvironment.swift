import Foundation

/// The environment variables Refuge's commands read, in one place so that the names are spelled
/// once and tests can see every one of them.
struct CommandEnvironment: Sendable {
    /// Data directory when `--data` is not given.
    static let dataKey = "REFUGE_DATA"
    /// This computer's state directory for the case file when `--state` is not given.
    static let stateKey = "REFUGE_STATE"
    /// User name for non-interactive use.
    static let userKey = "REFUGE_USER"
    /// Passphrase for non-interactive use (and the first user's passphrase for `init` and `demo`).
    static let passphraseKey = "REFUGE_PASSPHRASE"
    /// A new passphrase for `user add` and `user passwd`.
    static let newPassphraseKey = "REFUGE_NEW_PASSPHRASE"
    /// For tests only, and read only by debug builds: log2 of scrypt's N for new key slots (weak and fast).
    static let kdfLogNKey = "REFUGE_KDF_LOGN"
    #if DEBUG
    /// For tests only, and only in debug builds: the idle lock of the interactive app, in seconds.
    static let idleLockSecondsKey = "REFUGE_IDLE_LOCK_SECONDS"
    #endif

    var values: [String: String]

    static var current: CommandEnvironment { CommandEnvironment(values: ProcessInfo.processInfo.environment) }

    /// A variable's value; an empty value counts as unset.
    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }
}
