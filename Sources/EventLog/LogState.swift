import Crypto
import Foundation

/// The last record this device saw the log hold: its sequence number and the tag of the frame
/// that ends with it, sealed under the data key and bound to the log's file id. The log alone
/// cannot tell an older copy of itself (put back, or cut at a frame boundary) from the real thing;
/// this anchor, kept apart from it, can. Written when a writer that appended closes (an open that
/// is then refused changes nothing), never ahead of what is durable, so a crash leaves it older
/// than the log, never newer.
///
///     plaintext: last sequence u64 | tag[16]
struct LogState: Equatable {
    static let sealedName = "log-state"

    var lastSequence: UInt64
    var lastTag: [UInt8]

    enum Found {
        case none
        case state(LogState)
        case unreadable
    }

    static func read(_ paths: DataDirectory, _ fileSystem: any FileSystem, key: SymmetricKey, fileID: [UInt8]) -> Found {
        guard fileSystem.fileExists(paths.statePath) else { return .none }
        guard let bytes = try? AtomicReplace.read(paths.statePath, in: fileSystem, limit: 4096),
              let plaintext = SealedFileFormat.open(bytes, name: sealedName, key: key, fileID: fileID),
              plaintext.count == 8 + FrameLayout.tagSize else { return .unreadable }
        let raw = Array(plaintext)
        return .state(LogState(lastSequence: UInt64.littleEndian(from: raw[...]), lastTag: Array(raw[8...])))
    }

    /// Best effort: a state that could not be written is older than the log, which is never
    /// mistaken for a rollback.
    func write(_ paths: DataDirectory, _ fileSystem: any FileSystem, key: SymmetricKey, fileID: [UInt8]) {
        var writer = ByteWriter(capacity: 8 + FrameLayout.tagSize)
        writer.append(lastSequence)
        writer.append(lastTag)
        guard let sealed = try? SealedFileFormat.seal(Data(writer.bytes), name: Self.sealedName, key: key, fileID: fileID)
        else { return }
        try? AtomicReplace.write(sealed, to: paths.statePath, in: fileSystem)
    }

    /// What the log read against this state says: nil when the log holds the record the state
    /// names, in the frame it names.
    static func check(_ found: Found, against scan: ScanOutcome) -> RollbackFinding? {
        switch found {
        case .none: return nil
        case .unreadable: return .unreadableState
        case .state(let state):
            let last = scan.report.lastSequence ?? 0
            if last < state.lastSequence { return .shorter(lastSequence: last, seen: state.lastSequence) }
            guard state.lastSequence > 0, scan.report.damage.isEmpty else { return nil }
            return scan.watchedTag == state.lastTag ? nil : .different(sequence: state.lastSequence)
        }
    }
}

/// What the state file says about the log that was read.
public enum RollbackFinding: Sendable, Equatable, CustomStringConvertible {
    /// The log ends before the last record this device saw in it: an older copy was put back, or
    /// its end was cut or zeroed.
    case shorter(lastSequence: UInt64, seen: UInt64)
    /// The record this device saw last is there, but in another frame: frames were replaced (a
    /// diverged copy of the log spliced in).
    case different(sequence: UInt64)
    /// The state file does not open (damaged, or from another case file); nothing could be checked.
    case unreadableState

    public var description: String {
        switch self {
        case .shorter(let last, let seen):
            "the log ends at record \(last), but this computer saw it reach record \(seen): an older copy was put back or its end was removed"
        case .different(let sequence):
            "record \(sequence) is not the one this computer saw: records of the log were replaced"
        case .unreadableState:
            "the state file events.log.state does not open, so a rollback could not be checked"
        }
    }

    /// Whether the log itself is not what this device last saw (as opposed to an unreadable anchor).
    public var isRollback: Bool { self != .unreadableState }
}
