import CaseModel
@testable import EventLog
import Foundation
import RefugeTestSupport
@testable import RefugeApp
import Terminal

/// The one fixture of the failure tests: a case file in its own directory (a fresh temporary one,
/// or one the test provides, such as a small tmpfs) and a session signed in to it. The directory is
/// removed when the fixture goes, after the session has been closed.
final class CaseFileFixture {
    let directory: URL
    private(set) var app: AppHarness!
    private let ownsDirectory: Bool

    /// `signIn: false` leaves the session on the sign-in screen.
    init(language: Language = .en, size: Size = Size(width: 100, height: 30), in directory: URL? = nil,
         cases: [[FieldKey: FieldValue]] = [], signIn: Bool = true) throws {
        ownsDirectory = directory == nil
        self.directory = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("refuge-failures-\(UUID().uuidString)")
        try AppHarness.makeCaseFile(at: self.directory, cases: cases)
        app = AppHarness(language: language, size: size, directory: self.directory)
        if signIn { app.signIn() }
    }

    deinit {
        app = nil  // quits the session and closes the case file first
        if ownsDirectory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Quits and starts a new session on the same directory (not signed in).
    @discardableResult
    func restart(language: Language = .en) -> AppHarness {
        app = nil
        app = AppHarness(language: language, directory: directory)
        return app
    }

    /// The process dies: the case file is closed as the kernel would close it (the lock goes), and
    /// nothing of the old session runs any more — not even a last draft flush. Returns a new session.
    @discardableResult
    func crash(language: Language = .en) -> AppHarness {
        let dead = app!
        dead.book?.close()
        abandoned.append(dead)  // never run again, never quit before the fixture ends
        app = AppHarness(language: language, directory: directory)
        return app
    }

    private var abandoned: [AppHarness] = []

    /// The case file as a separate program would read it now (the session's own book stays open).
    func readBack() throws -> CaseBook {
        try CaseBook.open(at: directory, user: "anna", passphrase: AppHarness.passphrase, mode: .readOnly)
    }

    var logFile: URL { directory.appendingPathComponent("events.log") }

    /// Bytes and modification time of every file in the directory.
    func snapshot() throws -> DirectorySnapshot { try DirectorySnapshot(directory) }
}

extension AppHarness {
    /// The text of the dialog on screen as one line (its wrapped lines joined), or "" without one:
    /// long messages are shown whole there, since the top line cuts them.
    var dialogText: String {
        let rows = (0..<terminal.size.height).map { Array(terminal.row($0)) }
        guard let top = rows.firstIndex(where: { $0.contains("┌") }), let left = rows[top].firstIndex(of: "┌"),
              let right = rows[top].lastIndex(of: "┐"),
              let bottom = rows[top...].firstIndex(where: { $0.count > left && $0[left] == "└" }) else { return "" }
        let title = String(rows[top][(left + 1)..<right]).trimmingCharacters(in: CharacterSet(charactersIn: "─ "))
        let body = rows[(top + 1)..<bottom].map { row in String(row[min(left + 1, row.count)..<min(right, row.count)]) }
        return ([title] + body).joined(separator: " ").split(separator: " ").joined(separator: " ")
    }
}

/// The frames of a log file (see docs/log-format.md): a header, then frames of `16 + L` bytes
/// where L is the little-endian u32 at offset 4 of each frame, then the reserved zeros.
enum LogFrames {
    static func offsets(in log: Data) -> [Int] {
        let bytes = [UInt8](log)
        var offsets: [Int] = []
        var offset = LogHeader.size
        while offset + FrameLayout.headerSize <= bytes.count {
            let length = UInt32.littleEndian(from: bytes[(offset + 4)...])
            guard FrameLayout.isPlausibleBodyLength(length) else { break }  // the reserved zeros
            offsets.append(offset)
            offset += FrameLayout.headerSize + Int(length)
        }
        return offsets
    }

    /// Flips one bit inside the ciphertext of frame `index` (as `DamagedLogTests` does for the first).
    static func damage(frame index: Int, of file: URL) throws -> Data {
        var log = try Data(contentsOf: file)
        log[offsets(in: log)[index] + 40] ^= 0x01
        try log.write(to: file)
        return log
    }
}

/// A small tmpfs, for a disk that really fills up. Mounting needs root (CAP_SYS_ADMIN); tests that
/// need one are enabled only where `isPermitted`.
final class TmpfsMount {
    let directory: URL

    init(size: String = "512k") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let mount = try Subprocess.run(["mount", "-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", directory.path])
        guard mount.status == 0 else {
            try? FileManager.default.removeItem(at: directory)
            throw MountFailed(output: mount.output)
        }
    }

    func unmount() {
        if (try? Subprocess.run(["umount", directory.path]))?.status != 0 {
            _ = try? Subprocess.run(["umount", "-l", directory.path])
        }
        try? FileManager.default.removeItem(at: directory)
    }

    struct MountFailed: Error { var output: String }

    /// Whether this machine lets the tests mount a tmpfs (tried once).
    static let isPermitted: Bool = {
        guard let probe = try? TmpfsMount(size: "64k") else { return false }
        probe.unmount()
        return true
    }()

    /// Writes a file in `directory` until the disk is full (ENOSPC); returns its URL.
    static func fill(_ directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("filler")
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x55, count: 512)
        while true {
            let written = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                guard errno == ENOSPC else { throw CocoaError(.fileWriteUnknown) }
                break
            }
            if written < chunk.count { continue }
        }
        return url
    }
}
