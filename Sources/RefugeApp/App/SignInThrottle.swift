import Foundation

/// Slows down guessing at the keyboard: the first five wrong passphrases cost nothing, then each
/// further attempt must wait twice as long as the one before (2 s, 4 s, 8 s … at most 5 minutes).
///
/// The count is kept beside the case file (`sign-in-failures`, mode 0600: a number and a time,
/// nothing secret), so it survives a restart and is shared by the application and the command
/// line. It stops a person at the laptop, not a thief who copies the files: against offline
/// guessing, only the scrypt cost of the key slots counts.
struct SignInThrottle {
    static let freeAttempts = 5
    static let longestWait: Duration = .seconds(300)
    static let fileName = "sign-in-failures"

    let file: URL
    /// Wall-clock time: the count must mean the same in the next run.
    let now: () -> Date

    /// `stateDirectory`: this computer's own files for the case file (a data directory of one log keeps them itself).
    init(stateDirectory: URL, now: @escaping () -> Date = Date.init) {
        file = stateDirectory.appendingPathComponent(Self.fileName)
        self.now = now
    }

    /// How long the next attempt must still wait (nil: it may go ahead).
    func remainingWait() -> Duration? {
        let (failures, last) = load()
        guard let wait = Self.wait(afterFailures: failures), let last else { return nil }
        let remaining = last.addingTimeInterval(Double(wait.components.seconds)).timeIntervalSince(now())
        let milliseconds = Int((remaining * 1000).rounded())  // to the millisecond: the stored time is a decimal
        return milliseconds > 0 ? .milliseconds(milliseconds) : nil
    }

    func recordFailure() {
        let failures = load().failures + 1
        store("\(failures) \(now().timeIntervalSince1970)\n")
    }

    func recordSuccess() {
        if load().failures > 0 { try? FileManager.default.removeItem(at: file) }
    }

    /// The wait after `failures` wrong passphrases in a row.
    static func wait(afterFailures failures: Int) -> Duration? {
        let beyond = failures - freeAttempts
        guard beyond >= 0 else { return nil }
        return min(.seconds(1 << min(beyond + 1, 16)), longestWait)
    }

    private func load() -> (failures: Int, last: Date?) {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return (0, nil) }
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let failures = Int(fields[0]), failures >= 0, let seconds = Double(fields[1]) else {
            return (Self.freeAttempts, now())  // a mangled count: treat it as the limit, not as zero
        }
        return (failures, Date(timeIntervalSince1970: seconds))
    }

    /// Replaced whole (a temporary file renamed), so a reader never sees half a count.
    private func store(_ text: String) {
        let temporary = file.path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written != bytes.count || rename(temporary, file.path) != 0 { unlink(temporary) }
    }
}
