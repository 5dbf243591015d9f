import Testing
import Terminal
@testable import ScreenKit

/// A screen's commands are named and bound to keys in one table; routing, the bar, the help and
/// the Russian layout read it, and a test runs a command by its name.
@Suite struct CommandTableTests {
    final class CounterScreen: Screen, CommandScreen {
        enum Command { case add, remove }
        var done: [Command] = []

        init() { super.init(title: "Counter", root: Label("nothing focusable")) }

        var commandTable: CommandTable<Command> {
            CommandTable([
                .init(.add, .function(5), .character("a"), label: "Add"),
                .init(.remove, .function(8), .character("d"), label: "Remove", showInBar: false),
            ])
        }

        func perform(_ command: Command) { done.append(command) }

        override var bindings: [Binding] { commandBindings }
    }

    @Test func oneTableDrivesTheKeysTheBarTheHelpAndTheRussianLayout() {
        let (app, terminal) = makeApp(width: 60, height: 12)
        let screen = CounterScreen()
        app.push(screen)
        app.runUntilIdle()
        #expect(terminal.row(11).contains("5Add"))
        #expect(!terminal.row(11).contains("Remove"), "the table says: not in the bar")

        terminal.press(.function(5))
        terminal.type("ф")  // the A key on the Russian layout
        terminal.type("в")  // the D key
        app.runUntilIdle()
        #expect(screen.done == [.add, .add, .remove])

        #expect(screen.commandTable.keys(for: .remove) == [.function(8), .character("d")])
        #expect(screen.commandTable.command(for: .character("Ф")) == .add)
        #expect(screen.commandTable.command(for: .function(2)) == nil)

        app.showHelp()
        app.runUntilIdle()
        #expect(terminal.shows("Remove"), "the help lists every row: \(terminal.text)")
    }

    @Test func aCommandRunsByItsNameWithoutItsKey() {
        let screen = CounterScreen()
        screen.perform(.remove)
        #expect(screen.done == [.remove])
    }
}
