/// One side of a conflict: a value as one user on one laptop set it.
public struct ConflictingEdit: Sendable, Hashable {
    public let value: FieldValue?
    public let author: String
    public let device: DeviceID
    public let time: HLCTimestamp
}

/// A field that laptops edited apart: the values each set since the last value all had seen, in
/// merge order (the case shows the last one until someone chooses).
public struct FieldConflict: Sendable, Hashable {
    public let key: FieldKey
    public let edits: [ConflictingEdit]
}

extension FieldChange {
    /// Whether this change, applied where `held` is the value, conflicts with an edit it did not
    /// see: it names another previous value, and does not arrive at the same value either.
    /// Replay (`CaseRecord.fold`) and `FieldConflicts` decide by this one rule.
    func conflicts(withHeld held: FieldValue?) -> Bool { held != old && held != new }
}

public enum FieldConflicts {
    /// The conflicts `record` is marked with, each with its competing edits, read from the case's
    /// history (`CaseStore.history`) by the rule replay uses.
    public static func of(_ record: CaseRecord, history: [HistoryEntry]) -> [FieldConflict] {
        guard !record.conflictingFields.isEmpty else { return [] }
        var held: [FieldKey: ConflictingEdit] = [:]
        var open: [FieldKey: [ConflictingEdit]] = [:]
        for entry in history {
            let change: FieldChange
            switch entry.change {
            case .field(let field), .conflictResolved(let field): change = field
            default: continue
            }
            let edit = ConflictingEdit(value: change.new, author: entry.author, device: entry.device, time: entry.time)
            let previous = held[change.key]
            if change.conflicts(withHeld: previous?.value) {
                var sides = open[change.key] ?? previous.map { [$0] } ?? []
                sides.removeAll { $0.value == edit.value }  // the same value twice: its latest edit
                open[change.key] = sides + [edit]
            } else {
                open[change.key] = nil
            }
            held[change.key] = edit
        }
        return record.conflictingFields.sorted().compactMap { key in open[key].map { FieldConflict(key: key, edits: $0) } }
    }
}
