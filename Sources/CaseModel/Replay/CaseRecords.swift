/// Every case of a store, in the order the cases were opened (`CaseStore.records`).
///
/// The cases a store restored from a snapshot stay as the snapshot's bytes (`CaseRecordCoder`, all
/// of them in one buffer) until something changes them: an open reads what the list needs from the
/// summaries, and a case a screen, report or export reads is decoded for that reader and not kept.
/// A case that an event changes is decoded once and then kept decoded, changed in place from then
/// on, as are the cases opened since the restore. A note, a service or a view changes nothing the
/// summaries hold but the time of the last change: such an event waits beside the case's bytes
/// (`keepAside`) and is folded whenever the case is decoded. So memory and the open grow with the
/// bytes of the caseload, not with its decoded form (docs/performance.md, "The snapshot").
public struct CaseRecords: RandomAccessCollection, Sendable, Equatable {
    /// The restored cases' bytes, positions 0..<restored.count, and the strings they name by index.
    private var restored = ByteRuns()
    private var strings = StringList(strings: [])
    /// Per position: where the case is in `decoded`, or -1 while it is only bytes.
    private var slots: [Int32] = []
    private var decoded: [CaseRecord] = []
    /// Per position still held as bytes: the events waiting to be folded onto it, in order.
    private var keptAside: [Int: [Event]] = [:]

    init() {}

    /// Cases restored from a snapshot, each as the bytes `CaseRecordCoder` wrote naming `strings`.
    init(restoring cases: ByteRuns, strings: StringList) {
        restored = cases
        self.strings = strings
        slots = Array(repeating: -1, count: cases.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }

    /// The case at `position`: a restored case is decoded for the reader and not kept; changing it
    /// (through `_modify`, as replay's in-place fold does) decodes it once and keeps it decoded.
    public subscript(position: Int) -> CaseRecord {
        get {
            let slot = slots[position]
            return slot >= 0 ? decoded[Int(slot)] : restoredRecord(at: position)
        }
        _modify {
            let slot = decodedSlot(of: position)
            yield &decoded[slot]
        }
    }

    mutating func append(_ record: CaseRecord) {
        slots.append(Int32(decoded.count))
        decoded.append(record)
    }

    /// Whether the case at `position` is held decoded (opened or changed since the restore).
    func isDecoded(_ position: Int) -> Bool { slots[position] >= 0 }

    /// Whether the case at `position` is exactly the snapshot's bytes: neither decoded nor waiting
    /// for events kept aside.
    func isAsRestored(_ position: Int) -> Bool { slots[position] < 0 && keptAside[position] == nil }

    /// Lets `event` (one `CaseRecord.leavesSummaryButLastChanged` allows) wait beside the bytes of
    /// the case at `position` instead of decoding the case for it: every reader of the case, and the
    /// first change that decodes it, folds it after the bytes.
    mutating func keepAside(_ event: Event, at position: Int) {
        precondition(!isDecoded(position) && CaseRecord.leavesSummaryButLastChanged(event.body))
        keptAside[position, default: []].append(event)
    }

    public static func == (lhs: CaseRecords, rhs: CaseRecords) -> Bool { lhs.elementsEqual(rhs) }

    private mutating func decodedSlot(of position: Int) -> Int {
        let slot = slots[position]
        if slot >= 0 { return Int(slot) }
        decoded.append(restoredRecord(at: position))
        slots[position] = Int32(decoded.count - 1)
        keptAside[position] = nil
        return decoded.count - 1
    }

    /// Cannot fail while every change to `CaseRecordCoder` or to the case work's `Codable` types
    /// raises `CaseStore.snapshotVersion`: the bytes are authentic (the snapshot's chunks are
    /// sealed under the data key), the version says this coder wrote them, and its writer read each
    /// run back equal to its case with this very table before writing it (`encodedCasesReadBack`)
    /// or copied one so checked when first written, its table carried forward unchanged. The rule
    /// is held by a test that pins the form of a case to the version (`CaseRecordCoderTests`), so
    /// a failure here is a bug that got past it, never damage to a case file.
    private func restoredRecord(at position: Int) -> CaseRecord {
        var record = restored.withRun(position) { bytes in
            guard let record = try? CaseRecordCoder.read(bytes, strings: strings) else {
                preconditionFailure("a case restored from an authenticated snapshot of this version does not read")
            }
            return record
        }
        for event in keptAside[position] ?? [] { _ = record.foldLeavingSummary(event) }
        return record
    }

    // MARK: - In the snapshot

    /// The strings the restored cases name: a snapshot written from this store carries them, in
    /// this order, so that its unchanged cases' bytes are copied as they are.
    var restoredStrings: [String] { strings.strings }

    /// Every case's bytes for the next snapshot, naming strings in `table` (which begins with
    /// `restoredStrings`): a case as restored copied, the others (with their events kept aside
    /// folded) encoded.
    func encoded(strings table: inout StringTable) throws -> ByteRuns {
        var runs = ByteRuns()
        var one = ByteWriter(capacity: 1024)
        for position in indices {
            if isAsRestored(position) {
                runs.append(position, of: restored)
            } else {
                one.bytes.removeAll(keepingCapacity: true)
                try CaseRecordCoder.write(self[position], to: &one, strings: &table)
                runs.append(one.bytes)
            }
        }
        return runs
    }

    /// Whether each case `encoded(strings:)` encoded (every case not as restored) reads back from its
    /// run in `runs`, with `strings` (the snapshot's final table), equal to the case: the writer's
    /// check that no coder bug reaches a snapshot, neither bytes that do not read nor a case that
    /// reads back different. A copied run is not read: it was checked when it was first written,
    /// and the table it names keeps its strings at their indices.
    func encodedCasesReadBack(from runs: ByteRuns, strings: StringList) -> Bool {
        guard runs.count == count else { return false }
        for position in indices where !isAsRestored(position) {
            let read = runs.withRun(position) { try? CaseRecordCoder.read($0, strings: strings) }
            guard read == self[position] else { return false }
        }
        return true
    }

    /// The first bytes of a restored case are its id (`CaseRecordCoder`), so a restore checks each
    /// against its summary without decoding the case.
    func restoredID(at position: Int) -> CaseID? {
        restored.withRun(position) { bytes in
            var reader = ByteReader(bytes)
            return try? reader.identifier()
        }
    }
}
