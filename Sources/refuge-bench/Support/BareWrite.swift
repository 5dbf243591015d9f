import Foundation

/// The floor every durable save is compared with: `write` of the same number of bytes to an
/// append-only file on the same disk, then `fdatasync`. Nothing durable can be cheaper.
enum BareWrite {
    static func samples(bytes: Int, count: Int, in directory: URL) -> Samples {
        let path = directory.appendingPathComponent("bare-\(bytes).bin").path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(path)")
        defer { close(fd); unlink(path) }
        let buffer = [UInt8](repeating: 0xA5, count: max(1, bytes))
        return Samples.collect(count) {
            let written = buffer.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            precondition(written == buffer.count && fdatasync(fd) == 0, "write or fdatasync failed")
        }
    }
}
