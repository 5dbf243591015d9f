import Terminal

/// The few words ScreenKit itself shows, from the same catalogs as every other word (keys
/// `screenKit.*`). Everything else (titles, labels, help) comes from the app, already translated.
/// Set `Application.strings` to the user's language.
public struct ScreenKitStrings: Sendable {
    private let words: Words

    public init(_ language: Language) { words = Words(language) }

    public var language: Language { words.language }

    public var ok: String { words("screenKit.ok") }
    public var cancel: String { words("screenKit.cancel") }
    public var yes: String { words("screenKit.yes") }
    public var no: String { words("screenKit.no") }
    public var unknown: String { words("screenKit.unknown") }
    public var help: String { words("screenKit.help") }
    public var save: String { words("screenKit.save") }
    public var back: String { words("screenKit.back") }
    public var close: String { words("screenKit.close") }
    public var nextPage: String { words("screenKit.nextPage") }
    public var previousPage: String { words("screenKit.previousPage") }
    /// The bar labels of PgUp and PgDn in a text longer than its area (the help).
    public var scrollUp: String { words("screenKit.scrollUp") }
    public var scrollDown: String { words("screenKit.scrollDown") }
    public var sort: String { words("screenKit.sort") }
    public var choose: String { words("screenKit.choose") }
    /// The bar label of the filter key.
    public var filter: String { words("screenKit.filter") }
    /// Before the filter text of a choice list: "Filter: ab".
    public func filterPrompt(_ text: String) -> String { words("screenKit.filterPrompt", ["text": .text(text)]) }
    /// The form's page indicator: "Page 2/5".
    public func page(_ number: Int, of count: Int) -> String {
        words("screenKit.page", ["number": .number(number), "count": .number(count)])
    }
    public var required: String { words("screenKit.required") }
    /// A chosen code that none of the field's options has.
    public var notAChoice: String { words("screenKit.notAChoice") }
    public var invalidDate: String { words("screenKit.invalidDate") }
    /// A year alone typed into a date: what to do instead.
    public var yearOnlyDate: String { words("screenKit.yearOnlyDate") }
    public var dateHint: String { words("screenKit.dateHint") }
    public func numberOutOfRange(_ range: ClosedRange<Int>) -> String {
        words("screenKit.numberOutOfRange", ["low": .number(range.lowerBound), "high": .number(range.upperBound)])
    }
    public var discardChanges: String { words("screenKit.discardChanges") }
    public var unsavedChanges: String { words("screenKit.unsavedChanges") }
    /// Said when a paste held terminal escape sequences, which were taken out.
    public var pasteCleaned: String { words("screenKit.pasteCleaned") }
    /// Shown instead of the UI when the terminal is smaller than `Application.minimumSize`.
    public func terminalTooSmall(_ needed: Size, _ actual: Size) -> String {
        words("screenKit.terminalTooSmall", [
            "width": .text(String(actual.width)), "height": .text(String(actual.height)),
            "neededWidth": .text(String(needed.width)), "neededHeight": .text(String(needed.height)),
        ])
    }

    public static let english = ScreenKitStrings(.en)
    public static let russian = ScreenKitStrings(.ru)
    public static let kazakh = ScreenKitStrings(.kk)
}
