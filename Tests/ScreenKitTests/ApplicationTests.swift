import Testing
import Terminal
@testable import ScreenKit

@Suite struct ApplicationTests {
    @Test func routingOrderGlobalThenWidgetThenContainerThenScreenThenApp() {
        let (app, terminal) = makeApp()
        var log: [String] = []
        let probe = Probe(takes: [.function(5)])
        let box = Box(probe)
        let screen = TestScreen(title: "Routing", root: box)
        app.push(screen)
        app.globalBindings = [Binding(.function(5), label: "global") { log.append("global") }]
        box.ownBindings = [Binding(.function(5), .function(6), label: "container") { log.append("container") }]
        screen.ownBindings = [Binding(.function(5), .function(6), .function(7), label: "screen") { log.append("screen") }]
        app.bindings = [Binding(.function(5), .function(6), .function(7), .function(8), label: "app") { log.append("app") }]

        terminal.press(.function(5))
        app.runUntilIdle()
        #expect(log == ["global"])
        app.globalBindings = []
        terminal.press(.function(5), .function(6), .function(7), .function(8))
        app.runUntilIdle()
        #expect(probe.log == ["F5"])
        #expect(log == ["global", "container", "screen", "app"])
    }

    @Test func letterShortcutsFireOnBothLayoutsButNotWhileTyping() {
        let (app, terminal) = makeApp()
        var created = 0
        let probe = Probe()
        let field = TextField()
        let screen = TestScreen(title: "List", root: Stack(.vertical, [(.fixed(1), probe), (.fixed(1), field)]))
        screen.ownBindings = [Binding(.function(7), .character("n"), label: "New") { created += 1 }]
        app.push(screen)
        terminal.type("nтNТ")
        app.runUntilIdle()
        #expect(created == 4)
        terminal.press(.tab)
        terminal.type("нота")
        terminal.press(.function(7))
        app.runUntilIdle()
        #expect(field.text == "нота")
        #expect(created == 5)
    }

    @Test func focusRingSkipsUnfocusableAndHiddenAndWraps() {
        let (app, terminal) = makeApp()
        let a = Probe("a"), b = Probe("b"), c = Probe("c")
        let hiddenBox = Stack(.vertical, [(.fixed(1), b)])
        hiddenBox.isHidden = true
        let screen = Screen(title: "F", root: Stack(.vertical, [(.fixed(1), a), (.fixed(1), Label("label")), (.fixed(1), hiddenBox), (.fixed(1), c)]))
        app.push(screen)
        #expect(screen.focused === a)
        terminal.press(.tab)
        app.runUntilIdle()
        #expect(screen.focused === c)
        terminal.press(.tab)
        app.runUntilIdle()
        #expect(screen.focused === a)
        terminal.press(.backTab)
        app.runUntilIdle()
        #expect(screen.focused === c)
        terminal.press(.up)
        app.runUntilIdle()
        #expect(screen.focused === a)
        // Up/Down stay with a widget that uses them.
        let table = TableView(columns: [TableColumn("N")], dataSource: NumberedRows(5))
        let second = Screen(title: "T", root: Stack(.vertical, [(.flex(1), table), (.fixed(1), Probe())]))
        app.push(second)
        terminal.press(.down)
        app.runUntilIdle()
        #expect(second.focused === table)
        #expect(table.selectedRow == 1)
    }

    @Test func screenStackPushPopReplace() {
        let (app, terminal) = makeApp()
        app.push(Screen(title: "First", root: Label("one")))
        app.push(Screen(title: "Second", root: Label("two")))
        app.runUntilIdle()
        #expect(terminal.row(0).contains("Second"))
        #expect(terminal.row(1) == "two")
        app.replace(with: Screen(title: "Third", root: Label("three")))
        app.runUntilIdle()
        #expect(app.screens.map(\.title) == ["First", "Third"])
        app.pop()
        app.runUntilIdle()
        #expect(terminal.row(1) == "one")
    }

    @Test func modalTakesAllKeysButGlobalsAndLeavesScreenBeneathVisible() {
        let (app, terminal) = makeApp()
        var log: [String] = []
        app.globalBindings = [Binding(.control("l"), label: "Lock") { log.append("lock") }]
        app.bindings = [Binding(.function(9), label: "Menu") { log.append("app") }]
        app.push(Screen(title: "Cases", root: Label("Case list underneath")))
        var answer: Bool?
        app.push(ConfirmDialog(title: "Delete?", message: "Delete the draft?") { answer = $0 })
        terminal.press(.function(9), .control("l"))
        app.runUntilIdle()
        #expect(log == ["lock"])
        #expect(terminal.row(1) == "Case list underneath")
        #expect(terminal.shows("Delete the draft?"))
        #expect(terminal.shows("[ Yes ]  [ No ]"))
        #expect(terminal.row(0).contains("Cases"))
        terminal.type("д")  // first letter of the translated "Да" is accepted too (here: English strings, so not)
        terminal.type("н")  // the Y key in ЙЦУКЕН
        app.runUntilIdle()
        #expect(answer == true)
        #expect(!terminal.shows("Delete the draft?"))
    }

    /// Issue 12, item 2: a message never cuts the title; when both do not fit it stands in the
    /// title's place for its moment.
    @Test func topLineShowsTitleStatusAndMarkerAndNeverCutsTheTitle() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.push(Screen(title: "Intake", root: Spacer()))
        app.marker = "DEMO"
        app.showInfo("Saved")
        app.runUntilIdle()
        #expect(terminal.row(0) == " Intake  Saved                     DEMO")
        app.showError("The passphrase is wrong, please try again later")
        app.runUntilIdle()
        #expect(terminal.row(0) == " The passphrase is wrong, please…  DEMO")
        #expect(terminal.style(x: 1, y: 0) == app.theme[.error])
        #expect(terminal.style(x: 36, y: 0) == app.theme[.marker])
    }

    @Test func bottomBarShowsFKeysInOrderThenOthersAndFitsNarrowWidths() {
        let (app, terminal) = makeApp()
        app.globalBindings = [Binding(.function(10), label: "Quit") {}, Binding(.function(1), label: "Help") {},
                              Binding(.control("l"), label: "Lock") {}, Binding(.control("x"), label: "hidden", showInBar: false) {}]
        let screen = TestScreen(title: "S", root: Probe())
        screen.ownBindings = [Binding(.function(2), .control("s"), label: "Save") {}]
        app.push(screen)
        app.runUntilIdle()
        #expect(terminal.row(23) == "1Help               2Save               10Quit              ^L Lock")
        #expect(terminal.style(x: 0, y: 23) == app.theme[.barKey])
        #expect(terminal.style(x: 1, y: 23) == app.theme[.barLabel])
        terminal.resize(to: Size(width: 40, height: 12))
        app.runUntilIdle()
        #expect(terminal.row(11) == "1Help     2Save     10Quit    ^L Lock")
        app.globalBindings += (3...9).map { n in Binding(.function(n), label: "Command\(n)") {} }
        app.setNeedsRedraw()
        app.runUntilIdle()
        // Issue 12, item 8: Ctrl keys give way, then whole F-keys from the highest (F10, quit,
        // stays): no label is cut.
        let bar = terminal.row(11)
        #expect(bar.hasPrefix("1Help") && bar.contains("2Save") && bar.contains("4Command4 ") && bar.contains("10Quit"), "\(bar)")
        #expect(!bar.contains("5Com") && !bar.contains("^L"))
    }

    /// Keys that fit once the last label's trailing space is left off are drawn whole: the Users
    /// screen at 40 columns showed "5Добави…" (issue 12).
    @Test func bottomBarThatFitsWithoutTheLastSpaceCutsNoLabel() {
        let (app, terminal) = makeApp(width: 40, height: 12)
        app.globalBindings = [Binding(.function(1), label: "Помощь") {}, Binding(.function(10), label: "Выход") {},
                              Binding(.function(12), label: "Блок") {}]
        let screen = TestScreen(title: "S", root: Probe())
        screen.ownBindings = [Binding(.function(4), label: "Пароль") {}, Binding(.function(5), label: "Добавить") {}]
        app.push(screen)
        app.runUntilIdle()
        #expect(terminal.row(11) == "1Помощь 4Пароль 5Добавить 10Выход 12Блок", "\(terminal.row(11))")
    }

    @Test func bottomBarCutsTheLongestLabelsFirst() {
        #expect(BottomBar.share(30, among: [5, 7, 12]) == [9, 9, 12])  // all fit: short ones raised, evenly
        #expect(BottomBar.share(18, among: [5, 7, 12]) == [5, 7, 6])        // only the longest is cut
        #expect(BottomBar.share(12, among: [3, 7, 12]) == [3, 5, 4])
        #expect(BottomBar.share(9, among: [4, 4, 4]).reduce(0, +) == 9)
    }

    @Test func redrawsOnlyAfterAChange() {
        let (app, terminal) = makeApp()
        app.push(Screen(title: "S", root: TextField()))
        app.runUntilIdle()
        let presented = terminal.presentCount
        app.runUntilIdle()
        app.runUntilIdle()
        #expect(terminal.presentCount == presented)
        terminal.type("а")
        app.runUntilIdle()
        #expect(terminal.presentCount == presented + 1)
        #expect(terminal.cellsWritten > 0)
    }

    @Test func idleTimerFiresOnceAfterTheDelayAndAgainAfterNewInput() {
        let terminal = VirtualTerminal()
        var clock = Duration.zero
        let app = Application(terminal: terminal, now: { clock })
        var locks = 0
        app.onIdle(after: .seconds(300)) { locks += 1 }
        app.push(Screen(title: "S", root: TextField()))
        clock = .seconds(299)
        app.runUntilIdle()
        #expect(locks == 0)
        clock = .seconds(300)
        app.runUntilIdle()
        app.runUntilIdle()
        #expect(locks == 1)
        terminal.type("x")
        app.runUntilIdle()
        clock = .seconds(500)
        app.runUntilIdle()
        #expect(locks == 1)
        clock = .seconds(600)
        app.runUntilIdle()
        #expect(locks == 2)
    }

    @Test func runReturnsAfterQuit() {
        let (app, terminal) = makeApp()
        app.globalBindings = [Binding(.function(10), label: "Quit") { app.quit() }]
        app.push(Screen(title: "S", root: TextField()))
        terminal.type("abc")
        terminal.press(.function(10))
        app.run()
        #expect(!app.isRunning)
        #expect(terminal.pendingEvents == 0)
    }

    /// Issue 17: keys that arrived together (a quick typist on a 9,600-baud line) are all handled
    /// before the next frame, so five letters send one screen, not five.
    @Test func keysWaitingTogetherAreDrawnAsOneFrame() {
        let (app, terminal) = makeApp()
        app.globalBindings = [Binding(.function(10), label: "Quit") { app.quit() }]
        app.push(Screen(title: "S", root: TextField()))
        app.runUntilIdle()
        let presented = terminal.presentCount
        terminal.type("Мадин")
        terminal.press(.function(10))
        app.run()
        #expect(terminal.presentCount == presented + 1)
        #expect(terminal.shows("Мадин"))
    }

    /// Issue 17: whoever asked hears of every key and paste as it arrives, before it is routed
    /// (the background read of old frames pauses meanwhile); a resize is no input.
    @Test func inputObserversHearEveryKeyAndPasteBeforeItIsRouted() {
        let (app, terminal) = makeApp()
        let field = TextField()
        var heard: [String] = []
        app.onInput { heard.append("input with \(field.text)") }
        app.push(Screen(title: "S", root: field))
        terminal.type("ab")
        terminal.press(.down)
        terminal.enqueue(.paste("c"))
        terminal.resize(to: Size(width: 90, height: 30))
        app.runUntilIdle()
        #expect(heard == ["input with ", "input with a", "input with ab", "input with ab"])
    }

    /// Work asked for while typing runs once per burst of typed keys, and before a key that is
    /// not typing, so that Enter acts on what the letters before it produced.
    @Test func workAfterTypingRunsOncePerBurstAndBeforeTheNextOtherKey() {
        let (app, terminal) = makeApp()
        let field = TextField()
        var runs: [String] = []
        field.onChange = { app.afterTyping(for: field) { runs.append(field.text) } }
        var seenByEnter: [String] = []
        app.bindings = [Binding(.enter, label: "Go") { seenByEnter = runs }]
        app.push(Screen(title: "S", root: field))
        terminal.type("abc")
        terminal.press(.enter)
        terminal.type("de")
        terminal.press(.backspace)
        app.runUntilIdle()
        #expect(runs == ["abc", "abcd"])
        #expect(seenByEnter == ["abc"])
    }

    @Test func tooSmallShowsConfigurableMessageAndRecovers() {
        let (app, terminal) = makeApp(width: 100, height: 30)
        app.strings = .russian
        let table = TableView(columns: [TableColumn("Имя"), TableColumn("N", width: .fixed(6), alignment: .right)], dataSource: NumberedRows(100))
        app.push(Screen(title: "Список", root: table))
        app.runUntilIdle()
        #expect(terminal.row(1).hasPrefix("Имя"))
        terminal.resize(to: Size(width: 40, height: 12))
        app.runUntilIdle()
        #expect(terminal.rows.count == 12 && terminal.rows.allSatisfy { $0.count == 40 })
        #expect(terminal.row(1).hasPrefix("Имя"))
        #expect(terminal.row(1).hasSuffix("N"))
        terminal.resize(to: Size(width: 30, height: 8))
        app.runUntilIdle()
        #expect(terminal.text.contains("Окно терминала мало (30x8)"))
        terminal.resize(to: Size(width: 20, height: 3))
        terminal.resize(to: Size(width: 1, height: 1))
        terminal.resize(to: Size(width: 0, height: 0))
        app.runUntilIdle()
        terminal.resize(to: Size(width: 100, height: 30))
        app.runUntilIdle()
        #expect(terminal.row(2).hasPrefix("Row 0"))
        #expect(terminal.rows.count == 30)
    }

    @Test func helpShowsBindingsAndFieldHelpAndClosesWithF1() {
        let (app, terminal) = makeApp()
        app.globalBindings = [Binding(.function(1), label: "Help") { app.showHelp() }]
        let screen = TestScreen(title: "S", root: TextField(helpText: "Surname as written in the passport."))
        screen.ownBindings = [Binding(.function(2), .control("s"), label: "Save") {}]
        app.push(screen)
        terminal.press(.function(1))
        app.runUntilIdle()
        #expect(terminal.shows("Surname as written in the passport."))
        #expect(terminal.shows("F2, Ctrl-S  Save"))
        #expect(terminal.shows("F1          Help"))
        #expect(terminal.row(23).contains("Esc Close"))
        // The help takes F1 from the global binding: the bar names it with what it does there.
        #expect(terminal.row(23).hasPrefix("1Close") && !terminal.row(23).contains("Help"), "\(terminal.row(23))")
        #expect(!terminal.row(23).contains("PgDn"))  // all of it shown: nothing to scroll
        terminal.press(.function(1))
        app.runUntilIdle()
        #expect(app.topScreen === screen)
    }
}
