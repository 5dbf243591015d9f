import Foundation

/// A program running on a pseudo-terminal of a given size, as if in a terminal emulator: we type
/// into it and count every byte it writes to the screen (escape sequences included).
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t

    init(executable: String, arguments: [String], columns: Int, rows: Int, environment: [String: String]) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw PseudoTerminalError.cannotOpen }
        defer { close(slave) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [Int32(0), 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
            close(master)
            throw PseudoTerminalError.cannotStart(executable)
        }
        self.master = master
        self.pid = pid
    }

    deinit {
        kill(pid, SIGKILL)  // only if still running: `finish` normally reaped it
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Types `text` (keys as the terminal would send them, e.g. "\u{1B}[6~" for PgDn).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
    }

    /// Everything the program writes until it has written nothing for `quiet` milliseconds, waiting
    /// up to `firstByte` seconds for it to start (a key that opens the case file works silently for a
    /// while first). The quiet time is long against a frame's milliseconds, so one key's whole
    /// redraw is counted; `limit` bounds the whole read.
    func output(quiet: Int32 = 200, firstByte: Double = 30, limit: Double = 60) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let start = Stopwatch.nanoseconds()
        while Stopwatch.nanoseconds() - start < UInt64(limit * 1e9) {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, output.isEmpty ? Int32(firstByte * 1000) : quiet) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            guard count > 0 else { break }
            output += buffer[..<count]
        }
        return output
    }

    /// Waits up to `seconds` for the program to exit after it was told to quit; true if it did.
    func finish(within seconds: Double = 5) -> Bool {
        let deadline = Stopwatch.nanoseconds() + UInt64(seconds * 1e9)
        while Stopwatch.nanoseconds() < deadline {
            _ = output(quiet: 50, firstByte: 0.05, limit: 0.2)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return true }
        }
        return false
    }
}

enum PseudoTerminalError: Error {
    case cannotOpen
    case cannotStart(String)
}
