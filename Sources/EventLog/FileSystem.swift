/// The storage operations EventLog needs, behind a small seam.
///
/// Production uses `PosixFileSystem`; tests substitute a file system that loses unsynced writes at a
/// simulated power cut or fails the n-th operation, to prove that nothing acknowledged is lost.
protocol FileSystem: Sendable {
    func fileExists(_ path: String) -> Bool
    func directoryExists(_ path: String) -> Bool
    /// Creates `path` (and missing parents) with mode 0700.
    func createDirectory(_ path: String) throws(FileSystemError)
    func listDirectory(_ path: String) throws(FileSystemError) -> [String]
    /// Opens a file; files created here get mode 0600.
    func open(_ path: String, mode: FileOpenMode) throws(FileSystemError) -> any OpenFile
    /// Atomically replaces `destination` by `source` (POSIX rename).
    func rename(_ source: String, to destination: String) throws(FileSystemError)
    func remove(_ path: String) throws(FileSystemError)
    /// Makes the directory's entries (created, renamed, removed files) durable.
    func syncDirectory(_ path: String) throws(FileSystemError)
    /// Takes the exclusive, non-blocking writer lock on `path`, recording `holder` in it.
    /// Fails with `LockUnavailable` naming the current holder.
    func acquireWriterLock(_ path: String, holder: String) throws -> any WriterLock
    /// How many bytes the log reserves past its last frame at a time (written as zeros), so that
    /// an append overwrites blocks the file already has and its sync need not change the file's
    /// size. The log file grows in steps of this size (`FrameLayout.reservationStep` on disk;
    /// smaller in simulations).
    var appendReservation: Int { get }
}

enum FileOpenMode: Sendable {
    /// Existing file, reading only.
    case read
    /// Existing file, reading and writing.
    case readWrite
    /// A new file that must not exist yet.
    case createNew
    /// A file created or emptied (for temporary files that are renamed into place).
    case createOrTruncate
}

/// An open file. Reads and writes take explicit offsets so that one handle can serve a reader and
/// the writer at once.
protocol OpenFile: AnyObject, Sendable {
    func size() throws(FileSystemError) -> UInt64
    /// Up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(at offset: UInt64, count: Int) throws(FileSystemError) -> [UInt8]
    /// Writes all of `bytes` at `offset` or throws.
    func write(_ bytes: [UInt8], at offset: UInt64) throws(FileSystemError)
    func truncate(to size: UInt64) throws(FileSystemError)
    /// Makes written data durable: `fdatasync` on Linux, `F_FULLFSYNC` on macOS.
    func sync() throws(FileSystemError)
    func close()
}

/// A held writer lock; released explicitly or when the process dies.
protocol WriterLock: AnyObject, Sendable {
    func release()
}

/// Thrown by `acquireWriterLock` when another process (or another open log) holds the lock.
struct LockUnavailable: Error {
    var holder: String
}

/// A failed storage operation with its `errno`.
struct FileSystemError: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32

    /// No space (or quota) left: the one failure a caseworker can fix by freeing space.
    var isDiskFull: Bool { code == ENOSPCCode || code == EDQUOTCode }

    var description: String { "\(operation) \(path): \(errnoDescription(code)) (errno \(code))" }
}
