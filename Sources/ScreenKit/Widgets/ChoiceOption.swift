/// One option of a choice: a stable code (stored) and a label in the user's language (shown).
public struct ChoiceOption: Hashable, Sendable {
    public var code: String
    public var label: String
    public init(code: String, label: String) { self.code = code; self.label = label }

    /// Whether typing `prefix` should land here: a label or code starting with it, ignoring case.
    func starts(with prefix: String) -> Bool {
        let p = prefix.lowercased()
        return label.lowercased().hasPrefix(p) || code.lowercased().hasPrefix(p)
    }

    /// Whether a list filter `text` keeps this option: label or code containing it, ignoring case.
    func contains(_ text: String) -> Bool {
        let t = text.lowercased()
        return t.isEmpty || label.lowercased().contains(t) || code.lowercased().contains(t)
    }
}

/// Type-ahead: letters typed in a row build a prefix matched against labels and codes; when the
/// longer prefix matches nothing, the new letter starts over.
struct TypeAhead {
    private var prefix = ""

    mutating func reset() { prefix = "" }

    /// The index of the option to jump to for typed `character`, if any.
    mutating func jump(_ character: Character, in options: [ChoiceOption]) -> Int? {
        for candidate in [prefix + String(character), String(character)] {
            let labelMatch = options.firstIndex { $0.label.lowercased().hasPrefix(candidate.lowercased()) }
            if let match = labelMatch ?? options.firstIndex(where: { $0.starts(with: candidate) }) {
                prefix = candidate
                return match
            }
        }
        prefix = ""
        return nil
    }
}
