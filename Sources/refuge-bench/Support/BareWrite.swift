import Foundation

/// The floor every durable save is compared with: `write` of the same number of bytes to an
/// append-only file on the same disk, then `fdatasync`. Nothing durable can be cheaper.
final class BareWrite {
    private let path: String
    private let fd: Int32
    private let buffer: [UInt8]

    init(bytes: Int, in directory: URL) {
        path = directory.appendingPathComponent("bare-\(bytes)-\(UInt32.random(in: 0...UInt32.max)).bin").path
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(path)")
        buffer = [UInt8](repeating: 0xA5, count: max(1, bytes))
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Seconds one write+fdatasync took.
    func measureOnce() -> Double {
        Stopwatch.seconds {
            let written = buffer.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            precondition(written == buffer.count && fdatasync(fd) == 0, "write or fdatasync failed")
        }
    }
}
