#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Questions asked on the controlling terminal (`/dev/tty`), never on standard input, so that a
/// passphrase is not read from a pipe by accident and standard output stays clean for data.
///
/// Secrets are read with echo off, byte by byte in raw mode, so Ctrl-C cancels cleanly and the
/// terminal is always put back as it was.
final class TerminalPrompt {
    struct Cancelled: Error {}

    private let descriptor: Int32

    /// The controlling terminal, or nil when there is none (cron, pipes, tests).
    init?() {
        descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Asks for one line; `secret` turns echo off.
    func ask(_ question: String, secret: Bool) throws -> String {
        show(question)
        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else { throw Cancelled() }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        tcsetattr(descriptor, TCSAFLUSH, &raw)
        defer {
            tcsetattr(descriptor, TCSAFLUSH, &saved)
            show("\n")
        }
        var bytes: [UInt8] = []
        defer { for index in bytes.indices { bytes[index] = 0 } }
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) == 1 {
            switch byte {
            case 0x0D, 0x0A: return String(decoding: bytes, as: UTF8.self)
            case 0x03, 0x1B: throw Cancelled()                         // Ctrl-C, Esc
            case 0x04 where bytes.isEmpty: throw Cancelled()           // Ctrl-D on an empty line
            case 0x15: bytes.removeAll(); if !secret { show("\r\u{1B}[K" + question) }  // Ctrl-U
            case 0x7F, 0x08:
                // Drop a whole UTF-8 character: continuation bytes, then its lead byte.
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                if !secret { show("\u{8} \u{8}") }
            default:
                bytes.append(byte)
                if !secret { _ = write(descriptor, &byte, 1) }
            }
        }
        throw Cancelled()
    }

    private func show(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = write(descriptor, buffer.baseAddress, buffer.count) }
    }
}
