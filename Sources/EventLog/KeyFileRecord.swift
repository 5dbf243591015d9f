/// The log's own records of the key file: the digest of every generation after the first, and
/// every change of the data key. They are sealed in the log like any record (so only key holders can write them), have
/// record type 255, and are never handed to callers.
///
///     written:    1 u8 | generation u64 | sha256(key file)[32]
///     keyRetired: 2 u8 | generation u64 | droppedCount u16 | slotID[32] * droppedCount
///
/// `keyRetired` is the last record sealed under a data key that is being replaced (a user was
/// disabled); `generation` is the key file that holds its successor, without the slots `dropped`.
/// Whoever still holds the retired key reads this record, and then nothing more.
enum KeyFileRecord: Equatable {
    static let type: UInt8 = 0xFF

    case written(generation: UInt64, digest: [UInt8])
    case keyRetired(generation: UInt64, dropped: [[UInt8]])

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 48)
        switch self {
        case .written(let generation, let digest):
            writer.append(UInt8(1))
            writer.append(generation)
            writer.append(digest)
        case .keyRetired(let generation, let dropped):
            writer.append(UInt8(2))
            writer.append(generation)
            writer.append(UInt16(dropped.count))
            for id in dropped { writer.append(id) }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) -> KeyFileRecord? {
        var reader = ByteReader(bytes)
        switch reader.readUInt8() {
        case 1:
            guard let generation = reader.readUInt64(), let digest = reader.read(count: 32), reader.remaining == 0 else { return nil }
            return .written(generation: generation, digest: Array(digest))
        case 2:
            guard let generation = reader.readUInt64(), let count = reader.readUInt16() else { return nil }
            var dropped: [[UInt8]] = []
            for _ in 0..<count {
                guard let id = reader.read(count: KeySlot.idSize) else { return nil }
                dropped.append(Array(id))
            }
            return reader.remaining == 0 ? .keyRetired(generation: generation, dropped: dropped) : nil
        default:
            return nil
        }
    }
}

/// What a read of the log learned about the key file's history.
struct KeyFileHistory: Sendable {
    var lastWritten: (generation: UInt64, digest: [UInt8])?
    var lastRetirement: (generation: UInt64, dropped: [[UInt8]], sequence: UInt64)?
    /// The last sequence number read.
    var lastSequence: UInt64 = 0

    /// Takes in what another device's log recorded of the shared key file: its newest written
    /// generation counts wherever it was recorded. (Retirements stay per log: the data key of a
    /// shared folder does not change.)
    mutating func merge(_ other: KeyFileHistory) {
        guard let written = other.lastWritten else { return }
        if written.generation > lastWritten?.generation ?? 0 { lastWritten = written }
    }

    mutating func note(_ records: ArraySlice<RecordContent>, firstSequence: UInt64) {
        for (offset, record) in records.enumerated() {
            let sequence = firstSequence + UInt64(offset)
            lastSequence = sequence
            guard record.type == KeyFileRecord.type, let decoded = KeyFileRecord.decode(Array(record.payload)) else { continue }
            switch decoded {
            case .written(let generation, let digest): lastWritten = (generation, digest)
            case .keyRetired(let generation, let dropped): lastRetirement = (generation, dropped, sequence)
            }
        }
    }

    /// How the key file on disk stands against the log's record of it.
    enum Verdict: Equatable {
        /// The file is the one the log last recorded.
        case current
        /// The file is one generation ahead: its change was interrupted before the log recorded it.
        case unrecorded
        /// The data key was retired by a change that stopped before its new key file was written
        /// (the retirement is the last record): it is finished on the next open for writing.
        case interruptedRetirement(dropped: [[UInt8]])
        /// An older copy of the key file: the log has recorded a newer one.
        case outdated
        /// A file the log never recorded: changed outside Refuge.
        case altered
    }

    func verdict(on keyFile: KeyFile) -> Verdict {
        let generation = keyFile.generation
        if let retirement = lastRetirement, retirement.generation > generation {
            let interrupted = retirement.sequence == lastSequence && generation + 1 == retirement.generation
            return interrupted ? .interruptedRetirement(dropped: retirement.dropped) : .outdated
        }
        // A new log's key file is generation 1 without a record; version 1 had no generations.
        let recorded = lastWritten?.generation ?? (keyFile.isVersion1 ? 0 : 1)
        if generation < recorded { return .outdated }
        if generation == recorded {
            return lastWritten == nil || lastWritten?.digest == Keyring.digest(of: keyFile) ? .current : .altered
        }
        return generation == recorded + 1 ? .unrecorded : .altered
    }
}
