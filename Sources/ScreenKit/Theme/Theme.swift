import Terminal

/// Maps every `Role` to a `Style`.
///
/// `Theme.standard(for:)` picks colours when the terminal has them; otherwise only attributes,
/// chosen so that the core roles (normal, muted, header, focused, selection, error) all differ
/// even without colour.
public struct Theme: Sendable {
    public var styles: [Role: Style]

    public init(styles: [Role: Style]) { self.styles = styles }

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    public static func standard(for capabilities: Capabilities) -> Theme {
        capabilities.hasColor ? .color : .monochrome
    }

    public static let color = Theme(styles: [
        .normal: .plain,
        .muted: Style(foreground: .cyan, dim: true),
        .header: Style(foreground: .yellow, bold: true),
        .focused: Style(foreground: .black, background: .cyan, bold: true),
        .selection: Style(foreground: .white, background: .blue),
        .error: Style(foreground: .red, bold: true),
        .info: Style(foreground: .green),
        .accent: Style(foreground: .yellow, bold: true),
        .field: Style(underline: true),
        .title: Style(foreground: .white, background: .blue, bold: true),
        .marker: Style(foreground: .white, background: .red, bold: true),
        .barKey: Style(foreground: .white, bold: true),
        .barLabel: Style(foreground: .black, background: .cyan),
        .dialog: Style(foreground: .white, background: .blue),
    ])

    public static let monochrome = Theme(styles: [
        .normal: .plain,
        .muted: Style(dim: true),
        .header: Style(bold: true),
        .focused: Style(bold: true, reverse: true),
        .selection: Style(reverse: true),
        .error: Style(bold: true, underline: true),
        .info: Style(bold: true),
        .accent: Style(bold: true),
        .field: Style(underline: true),
        .title: Style(reverse: true),
        .marker: Style(bold: true, reverse: true),
        .barKey: Style(bold: true),
        .barLabel: Style(reverse: true),
        .dialog: .plain,
    ])
}
