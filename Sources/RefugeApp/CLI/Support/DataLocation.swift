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

    private static func url(_ path: String) -> URL {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
    }
}
