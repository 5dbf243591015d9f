import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let ENOSPCCode = ENOSPC
let EDQUOTCode = EDQUOT

func errnoDescription(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message)
}

/// The real file system, through POSIX calls. New files are 0600 and directories 0700 whatever
/// the umask.
struct PosixFileSystem: FileSystem {
    /// One step per a few thousand appends; small beside a laptop's disk.
    var appendReservation: Int { FrameLayout.reservationStep }

    func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    func directoryExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Missing parents are created too; the directory itself is made 0700 even if it existed.
    func createDirectory(_ path: String) throws(FileSystemError) {
        try makeDirectories(path)
        if chmod(path, 0o700) != 0 { throw failure("chmod", path) }
    }

    private func makeDirectories(_ path: String) throws(FileSystemError) {
        if directoryExists(path) { return }
        let parent = parentDirectory(of: path)
        if parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw failure("mkdir", path) }
        try syncDirectory(parent)
    }

    func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard let dir = opendir(path) else { throw failure("opendir", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    func open(_ path: String, mode: FileOpenMode) throws(FileSystemError) -> any OpenFile {
        let flags: Int32
        switch mode {
        case .read: flags = O_RDONLY
        case .readWrite: flags = O_RDWR
        case .createNew: flags = O_RDWR | O_CREAT | O_EXCL
        case .createOrTruncate: flags = O_RDWR | O_CREAT | O_TRUNC
        }
        let fd = retryingOnInterrupt { Glibc_open(path, flags | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw failure("open", path) }
        if mode == .createNew || mode == .createOrTruncate, fchmod(fd, 0o600) != 0 {
            let error = failure("fchmod", path)
            _ = Glibc_close(fd)
            throw error
        }
        return PosixFile(descriptor: fd, path: path)
    }

    func rename(_ source: String, to destination: String) throws(FileSystemError) {
        guard Glibc_rename(source, destination) == 0 else { throw failure("rename", source) }
    }

    func remove(_ path: String) throws(FileSystemError) {
        guard unlink(path) == 0 else { throw failure("unlink", path) }
    }

    func syncDirectory(_ path: String) throws(FileSystemError) {
        let fd = retryingOnInterrupt { Glibc_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0) }
        guard fd >= 0 else { throw failure("open directory", path) }
        defer { _ = Glibc_close(fd) }
        guard fsync(fd) == 0 else { throw failure("fsync directory", path) }
    }

    func acquireWriterLock(_ path: String, holder: String) throws -> any WriterLock {
        let fd = retryingOnInterrupt { Glibc_open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw failure("open lock file", path) }
        _ = fchmod(fd, 0o600)
        if !lockWithRetries(fd) {
            let code = errno
            let file = PosixFile(descriptor: fd, path: path)
            defer { file.close() }
            guard code == EWOULDBLOCK else { throw FileSystemError(operation: "flock", path: path, code: code) }
            let recorded = (try? file.read(at: 0, count: 512)) ?? []
            let text = String(decoding: recorded, as: UTF8.self).trimmingWhitespace()
            throw LockUnavailable(holder: text.isEmpty ? "another process" : text)
        }
        let file = PosixFile(descriptor: fd, path: path)
        try? file.truncate(to: 0)
        try? file.write(Array(holder.utf8), at: 0)
        return PosixWriterLock(file: file)
    }

    private func failure(_ operation: String, _ path: String) -> FileSystemError {
        FileSystemError(operation: operation, path: path, code: errno)
    }

    /// A lock just released can still be held for a moment by a child process forked (but not yet
    /// exec'd) by the releasing process, since a forked child shares the open file description.
    /// A few short retries ride that out; a real second writer still gets its error within 0.25 s.
    private func lockWithRetries(_ fd: Int32) -> Bool {
        for attempt in 0..<10 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK || errno == EINTR else { return false }
            if attempt < 9 { usleep(25_000) }
        }
        errno = EWOULDBLOCK
        return false
    }
}

/// Holds the `flock`ed lock file open; closing it releases the lock.
private final class PosixWriterLock: WriterLock {
    let file: PosixFile
    private let released = Atomic<Bool>(false)
    init(file: PosixFile) { self.file = file }

    func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        try? file.truncate(to: 0)
        file.close()
    }
}

/// A POSIX file descriptor. `pread`/`pwrite` carry their own offsets, so the descriptor is safe to
/// share between threads; an atomic flag makes `close` happen once.
final class PosixFile: OpenFile {
    private let descriptor: Int32
    private let path: String
    private let closed = Atomic<Bool>(false)

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close() }

    func size() throws(FileSystemError) -> UInt64 {
        try ensureOpen()
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("fstat") }
        return UInt64(info.st_size)
    }

    func read(at offset: UInt64, count: Int) throws(FileSystemError) -> [UInt8] {
        try ensureOpen()
        guard count > 0 else { return [] }
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        var failed: Int32 = 0
        result.withUnsafeMutableBytes { buffer in
            while filled < count {
                let n = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
                if n > 0 { filled += n; continue }
                if n == 0 { break }
                if errno == EINTR { continue }
                failed = errno
                break
            }
        }
        if failed != 0 { throw FileSystemError(operation: "read", path: path, code: failed) }
        if filled < count { result.removeSubrange(filled...) }
        return result
    }

    func write(_ bytes: [UInt8], at offset: UInt64) throws(FileSystemError) {
        try ensureOpen()
        var written = 0
        var failed: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written,
                               off_t(offset) + off_t(written))
                if n >= 0 { written += n; continue }
                if errno == EINTR { continue }
                failed = errno
                break
            }
        }
        if failed != 0 { throw FileSystemError(operation: "write", path: path, code: failed) }
    }

    func truncate(to size: UInt64) throws(FileSystemError) {
        try ensureOpen()
        guard ftruncate(descriptor, off_t(size)) == 0 else { throw failure("ftruncate") }
    }

    func sync() throws(FileSystemError) {
        try ensureOpen()
        #if canImport(Darwin)
        guard fcntl(descriptor, F_FULLFSYNC) == 0 else { throw failure("F_FULLFSYNC") }
        #else
        guard fdatasync(descriptor) == 0 else { throw failure("fdatasync") }
        #endif
    }

    func close() {
        if !closed.exchange(true, ordering: .acquiringAndReleasing) { _ = Glibc_close(descriptor) }
    }

    private func failure(_ operation: String) -> FileSystemError {
        FileSystemError(operation: operation, path: path, code: errno)
    }

    /// After `close` the descriptor number may belong to another file: refuse instead of touching it.
    private func ensureOpen() throws(FileSystemError) {
        if closed.load(ordering: .acquiring) { throw FileSystemError(operation: "use after close", path: path, code: EBADF) }
    }
}

func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

private func retryingOnInterrupt(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}

// The module's own `open`, `close` and `rename` methods shadow the C functions inside the types
// above; these names reach the C library unambiguously.
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func Glibc_close(_ fd: Int32) -> Int32 { close(fd) }
private func Glibc_rename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
