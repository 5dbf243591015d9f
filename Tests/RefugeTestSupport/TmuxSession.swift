import Foundation

/// A real terminal for end-to-end tests: tmux runs the program headless on a private server,
/// `send-keys` types and `capture-pane` reads the screen.
public final class TmuxSession {
    public struct Failure: Error, CustomStringConvertible { public let description: String }

    public let socket = "refuge-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    public let name = "main"

    /// Starts `command` (run by `sh -c`) in a window of the given size with `LANG=C.UTF-8`. When the
    /// program ends, the shell prints `[exit N]` and keeps the pane open so the test can read it.
    public init(_ command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
        env.merge(environment) { $1 }
        let exports = env.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let script = "export \(exports); \(command); echo \"[exit $?]\"; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types text literally (any script), one key event per character.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", "--", text]) }

    /// Presses named keys: "Enter", "Escape", "F2", "C-s", "Tab", "BTab", "NPage", "M-x"...
    public func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen, one string per row, trailing spaces trimmed.
    public func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).components(separatedBy: "\n").map {
            var line = $0
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// True while the program shows the alternate screen.
    public func isOnAlternateScreen() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Waits until the screen contains `text`, or throws with the screen it last saw.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> [String] {
        try waitUntil("\"\(text)\" appears", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Waits until `condition` holds for the screen (its rows), or throws naming `what` with the
    /// screen it last saw.
    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 15, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "Waited in vain until \(what). Screen:\n" + last.joined(separator: "\n"))
    }

    /// Waits until the program has exited, returning its exit status.
    public func waitForExit(timeout: TimeInterval = 15) throws -> Int {
        let screen = try waitFor("[exit ", timeout: timeout)
        let line = screen.first { $0.contains("[exit ") } ?? ""
        let digits = line.split(separator: "[exit ").last?.prefix { $0.isNumber } ?? ""
        return Int(digits) ?? -1
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    public static func quote(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
