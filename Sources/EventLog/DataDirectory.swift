import Foundation

/// The files of one log and where they live:
///
///     FOLDER/LOG        the log (`events.log` alone; `events-NAME.log` in a shared folder)
///     FOLDER/keys       the key file (one slot per user)
///     FOLDER/LOG.cut-OFFSET-TIME  bytes of a torn tail, kept before it was cut
///     STATE/lock        the writer lock, holding who has it (device-local)
///     STATE/NAME.sealed sealed files: device id, drafts (device-local)
///     STATE/LOG.state   the last (sequence, tag) this device saw (device-local)
///     *.tmp             a replacement in progress; removed by the next writer
///
/// A data directory of one log keeps both kinds in one folder (STATE = FOLDER); a shared folder
/// keeps device-local files in a state directory of their own, so a sync engine never copies them.
struct DataDirectory: Sendable {
    /// The folder of the shared files.
    let path: String
    /// The folder of this device's own files.
    let state: String
    /// The log's file name inside `path`.
    let logName: String

    static let singleLogName = "events.log"

    init(_ url: URL) {
        path = Self.clean(url)
        state = path
        logName = Self.singleLogName
    }

    init(folder: URL, state: URL, logName: String) {
        path = Self.clean(folder)
        self.state = Self.clean(state)
        self.logName = logName
    }

    private static func clean(_ url: URL) -> String {
        var path = url.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    var logPath: String { path + "/" + logName }
    var keyFilePath: String { path + "/keys" }
    var lockPath: String { state + "/lock" }
    func sealedPath(_ name: String) -> String { state + "/" + name + Self.sealedSuffix }
    static let sealedSuffix = ".sealed"

    /// The last (sequence, tag) this device saw: device-local state, never copied with the log.
    var statePath: String { state + "/" + logName + ".state" }

    /// A torn tail's bytes, kept before the writer cuts them: named by where they were and when.
    func cutTailPath(offset: UInt64, time: UInt64) -> String { path + "/" + cutTailPrefix + "\(offset)-\(time)" }
    var cutTailPrefix: String { logName + ".cut-" }

    /// Temporary files this log's writer may have left in the shared folder: only its own, since
    /// a sync engine keeps its own temporary files there too (`.syncthing.NAME.tmp`).
    func isOwnLeftover(_ name: String, inSharedFolder: Bool) -> Bool {
        guard name.hasSuffix(AtomicReplace.temporarySuffix) else { return false }
        return !inSharedFolder || [logName, Self.singleLogName, "keys"].map { $0 + AtomicReplace.temporarySuffix }.contains(name)
    }
}

/// Microseconds since 1970 from the system's real-time clock.
@Sendable func wallClockMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec / 1000)
}

/// What the writer records in the lock file, so a second instance can say who holds the log.
func lockHolderDescription() -> String {
    let user = ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
    return "held by pid \(getpid()), user \(user), since \(formatTimestamp(wallClockMicroseconds()))"
}
