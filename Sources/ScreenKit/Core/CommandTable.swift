import Terminal

/// A screen's commands and the keys that run them, in one table (Terminal.Gui's `Command` and
/// key bindings): each row names a command, its keys, its label and whether the bar shows it. The
/// key routing, the bottom bar, the F1 help and the Russian layout (a letter also matches the
/// ЙЦУКЕН letter on the same key, see `Binding.matches`) all read the bindings made from it, and a
/// test runs a command by its name with `perform`, without knowing its key.
///
/// A screen adopts it by naming its commands and conforming to `CommandScreen`:
///
/// ```swift
/// final class EpisodesScreen: Screen, CommandScreen {
///     enum Command { case add, edit, back }
///     var commandTable: CommandTable<Command> {
///         CommandTable([
///             .init(.add, .function(5), .character("a"), label: s.addEpisode),
///             .init(.edit, .function(4), .character("e"), label: s.edit),
///             .init(.back, .escape, label: s.back),
///         ])
///     }
///     func perform(_ command: Command) { switch command { … } }
///     override var bindings: [Binding] { commandBindings }
/// }
/// ```
public struct CommandTable<Command: Hashable> {
    public struct Row {
        public let command: Command
        public let keys: [Key]
        public let label: String
        /// Shown in the bottom bar (every row is listed in the help).
        public let showInBar: Bool

        public init(_ command: Command, _ keys: Key..., label: String, showInBar: Bool = true) {
            self.command = command
            self.keys = keys
            self.label = label
            self.showInBar = showInBar
        }
    }

    public let rows: [Row]

    public init(_ rows: [Row]) { self.rows = rows }

    /// The keys bound to `command`, in the table's order (none when the table lacks it).
    public func keys(for command: Command) -> [Key] { rows.first { $0.command == command }?.keys ?? [] }

    /// The command `key` runs, as routing would find it (the first row that has the key).
    public func command(for key: Key) -> Command? { bindings { _ in }.firstIndex { $0.matches(key) }.map { rows[$0].command } }

    /// The table as the bindings that routing, the bar and the help read; each runs `perform`.
    public func bindings(_ perform: @escaping (Command) -> Void) -> [Binding] {
        rows.map { row in Binding(keys: row.keys, label: row.label, showInBar: row.showInBar) { perform(row.command) } }
    }
}

/// A screen whose keys come from a `CommandTable`.
public protocol CommandScreen: Screen {
    associatedtype Command: Hashable
    /// Computed, so it can follow state (a coordinator's extra command, a label that toggles).
    var commandTable: CommandTable<Command> { get }
    /// Runs `command`, whatever key asked for it.
    func perform(_ command: Command)
}

extension CommandScreen {
    /// The screen's bindings, made from its table: return them from `bindings`.
    public var commandBindings: [Binding] { commandTable.bindings { [unowned self] in perform($0) } }
}
