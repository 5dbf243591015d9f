import Foundation

/// The floor every durable save is compared with: `pwrite` of the same number of bytes at the end
/// of what was written before, on the same disk, then `fdatasync`. Nothing durable can be cheaper.
///
/// Plain, the file grows with every write, so every sync also records a new size. `reserving`
/// does what the log does: zeros are written ahead in steps of that many bytes (with the write
/// that crosses into them), so most writes land on blocks the file already has and their syncs
/// carry data only. That is the floor of the log's own technique.
final class BareWrite {
    private let path: String
    private let fd: Int32
    private let buffer: [UInt8]
    private let step: Int?
    private var offset = 0
    private var fileEnd = 0

    init(bytes: Int, in directory: URL, reserving step: Int? = nil) {
        path = directory.appendingPathComponent("bare-\(bytes)-\(UInt32.random(in: 0...UInt32.max)).bin").path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(path)")
        buffer = [UInt8](repeating: 0xA5, count: max(1, bytes))
        self.step = step
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Seconds one write+fdatasync took.
    func measureOnce() -> Double {
        var bytes = buffer
        let end = offset + bytes.count
        if let step, end > fileEnd {
            fileEnd = (end / step + 1) * step
            bytes += [UInt8](repeating: 0, count: fileEnd - end)
        }
        let seconds = Stopwatch.seconds {
            let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(offset)) }
            precondition(written == bytes.count && fdatasync(fd) == 0, "write or fdatasync failed")
        }
        offset = end
        return seconds
    }
}
