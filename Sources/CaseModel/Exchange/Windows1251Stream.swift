import Foundation

/// A Windows-1251 file read as UTF-8 text, a chunk at a time, for CSV.swift (which reads
/// Unicode only). Windows-1251 gives every byte its own character, so each chunk decodes alone.
final class Windows1251Stream: InputStream {
    private let source: InputStream
    private var decoded: [UInt8] = []
    private var position = 0

    init?(reading url: URL) {
        guard let source = InputStream(url: url) else { return nil }
        self.source = source
        super.init(data: Data())
    }

    override func open() { source.open() }
    override func close() { source.close() }
    override var streamStatus: Stream.Status { source.streamStatus }
    override var streamError: (any Error)? { source.streamError }
    override var hasBytesAvailable: Bool { position < decoded.count || source.hasBytesAvailable }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        if position >= decoded.count {
            var raw = [UInt8](repeating: 0, count: 1 << 16)
            let count = source.read(&raw, maxLength: raw.count)
            guard count > 0 else { return count }
            guard let text = String(data: Data(raw[..<count]), encoding: .windowsCP1251) else { return -1 }
            decoded = Array(text.utf8)
            position = 0
        }
        let count = min(maxLength, decoded.count - position)
        decoded.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress! + position, count: count)
        }
        position += count
        return count
    }
}
