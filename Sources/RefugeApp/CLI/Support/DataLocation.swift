import Crypto
import Foundation

/// Where the case file lives: `--data`, else `$REFUGE_DATA`, else `$XDG_DATA_HOME/refuge`, else
/// `~/.local/share/refuge`. Every command resolves it the same way, so `refuge stats` reads the
/// file that `refuge` writes.
enum DataLocation {
    static func resolve(_ option: String?, environment: CommandEnvironment) -> URL {
        if let option, !option.isEmpty { return url(option) }
        if let directory = environment[CommandEnvironment.dataKey] { return url(directory) }
        if let xdg = environment["XDG_DATA_HOME"] { return url(xdg).appendingPathComponent("refuge") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return url(home).appendingPathComponent(".local/share/refuge")
    }

    /// This computer's own files for the case file in `directory` (lock, drafts, device id,
    /// sign-in failures): `--state`, else `$REFUGE_STATE`, else `$XDG_STATE_HOME/refuge/ID`, else
    /// `~/.local/state/refuge/ID`, ID naming the folder (a hash of its path), so that each case
    /// file on this computer has its own. Never inside the folder: a sync engine would copy it.
    static func resolveState(_ option: String?, for directory: URL, environment: CommandEnvironment) -> URL {
        if let option, !option.isEmpty { return url(option) }
        if let state = environment[CommandEnvironment.stateKey] { return url(state) }
        let base = environment["XDG_STATE_HOME"].map(url)
            ?? url(environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        let digest = SHA256.hash(data: Data(directory.standardizedFileURL.path.utf8))
        let id = digest.prefix(8).map { String(format: "%02x", $0) }.joined()
        return base.appendingPathComponent("refuge").appendingPathComponent(directory.lastPathComponent + "-" + id)
    }

    private static func url(_ path: String) -> URL {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
    }
}
