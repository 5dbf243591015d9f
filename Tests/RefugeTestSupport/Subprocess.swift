import Foundation

/// Runs a program to completion with posix_spawn and waitpid, its output captured through a file.
///
/// Foundation's `Process` never reaped a tmux client whose forked server kept running, so the
/// end-to-end tests use this small, predictable runner instead.
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        /// Standard output, with standard error mixed in unless it was asked for separately.
        public var output: String
        /// Standard error, when `separateErrors` was set.
        public var errors: String
    }

    public static func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
                           separateErrors: Bool = false) throws -> Result {
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-\(UUID().uuidString)")
        let errorsURL = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorsURL)
        }
        var inputURL: URL?
        if let input {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-in-\(UUID().uuidString)")
            try Data(input.utf8).write(to: url)
            inputURL = url
        }
        defer { if let inputURL { try? FileManager.default.removeItem(at: inputURL) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputURL?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if separateErrors {
            posix_spawn_file_actions_addopen(&actions, 2, errorsURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        // The child starts with no signals blocked and default actions, whatever the test runner set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = String(decoding: (try? Data(contentsOf: outputURL)) ?? Data(), as: UTF8.self)
        let errors = String(decoding: (try? Data(contentsOf: errorsURL)) ?? Data(), as: UTF8.self)
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, output: output, errors: errors)
    }
}
