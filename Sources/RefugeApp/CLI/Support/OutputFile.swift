import Foundation

/// Writes a command's result file: mode 0600 from the first byte (an export can name people),
/// through a temporary file in the same directory that is synced and renamed into place, so a
/// crash never leaves half a file under the chosen name.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 { if errno == EINTR { continue }; return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        let code = errno
        close(descriptor)
        guard ok, rename(temporary, url.path) == 0 else {
            let error = ok ? errno : code
            unlink(temporary)
            throw failure(path, error)
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandFailure {
        CommandFailure(cli("cli.cannotWrite", ["path": .text(path), "detail": .text(String(cString: strerror(code)))]), status: .cannotOpen)
    }
}
