/// One answer of a choice list: a stable code (stored, exported) and its labels.
public struct Code: Sendable, Hashable {
    public let code: String
    public let label: LocalizedText

    /// `label` is the catalog key of its label: `codeList.<list id>.<code>`.
    public init(_ code: String, label: String) {
        self.code = code
        self.label = LocalizedText(label)
    }

    /// A code whose label is data (a name), the same in every language.
    public init(_ code: String, verbatim label: String) {
        self.code = code
        self.label = LocalizedText(verbatim: label)
    }
}

/// A named list of codes (HTCDS/CTDC vocabularies), in display order.
public struct CodeList: Sendable, Hashable {
    public let id: String
    public let codes: [Code]
    private let index: [String: Int]

    public init(id: String, codes: [Code]) {
        self.id = id
        self.codes = codes
        var index: [String: Int] = [:]
        for (position, code) in codes.enumerated() { index[code.code] = position }
        self.index = index
    }

    public func contains(_ code: String) -> Bool { index[code] != nil }

    /// The label of `code`, or nil for an unknown code.
    public func label(of code: String, in language: Language) -> String? {
        index[code].map { codes[$0].label.text(in: language) }
    }
}
