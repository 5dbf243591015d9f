/// What a piece of text *is*, not how it looks. Widgets draw with roles; a `Theme` decides the look,
/// so one widget works on a colour terminal and on a monochrome one.
public enum Role: Hashable, Sendable, CaseIterable {
    case normal
    /// Secondary text: hints, placeholders, page indicators.
    case muted
    /// Column headers, field labels of the focused row, section titles.
    case header
    /// The widget that has the keyboard.
    case focused
    /// A selected row or option in a widget that does not have the keyboard.
    case selection
    case error
    /// A status message that is not an error.
    case info
    /// Something to notice that is neither error nor selection (required-field marks, active tab).
    case accent
    /// The editable area of an input field, so empty fields are still visible.
    case field
    /// The top line.
    case title
    /// The right-aligned marker on the top line ("DEMO", "READ-ONLY").
    case marker
    /// The key part ("2") and the label part ("Save") of a bottom-bar item.
    case barKey, barLabel
    /// Dialog frames.
    case dialog

    /// An input field's area: the keyboard's, else marked wrong, else plain.
    static func field(focused: Bool, hasError: Bool) -> Role { focused ? .focused : hasError ? .error : .field }
}
