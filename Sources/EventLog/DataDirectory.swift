import Foundation

/// The files of one data directory:
///
///     events.log   the log
///     keys         the key file (one slot per user)
///     lock         the writer lock, holding who has it
///     NAME.sealed  sealed files (drafts, caches)
///     events.log.cut-OFFSET-TIME  bytes of a torn tail, kept before it was cut
///     events.log.state  the last (sequence, tag) this device saw (device-local)
///     *.tmp        a replacement in progress; removed by the next writer
struct DataDirectory: Sendable {
    let path: String

    init(_ url: URL) {
        var path = url.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    var logPath: String { path + "/events.log" }
    var keyFilePath: String { path + "/keys" }
    var lockPath: String { path + "/lock" }
    func sealedPath(_ name: String) -> String { path + "/" + name + Self.sealedSuffix }
    static let sealedSuffix = ".sealed"

    /// The last (sequence, tag) this device saw: device-local state, never copied with the log.
    var statePath: String { path + "/events.log.state" }

    /// A torn tail's bytes, kept before the writer cuts them: named by where they were and when.
    func cutTailPath(offset: UInt64, time: UInt64) -> String { path + "/" + Self.cutTailPrefix + "\(offset)-\(time)" }
    static let cutTailPrefix = "events.log.cut-"
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
