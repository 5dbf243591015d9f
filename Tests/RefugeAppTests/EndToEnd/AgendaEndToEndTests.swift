import Foundation
import RefugeTestSupport
import Testing

/// Issue 14 on the real binary under tmux, in Russian at 80x24: sign in to the demo, the agenda
/// shows overdue follow-ups, open one, mark it done; it leaves the agenda and History names the user.
@Suite("The agenda with the real binary", .serialized)
struct AgendaEndToEndTests {
    private let app = RefugeUnderTmux()

    @Test func anOverdueFollowUpMarkedDoneLeavesTheAgendaAndShowsInHistory() throws {
        let directory = app.directory
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: app.state)
        }
        var environment = ProcessInfo.processInfo.environment
        environment.merge(RefugeUnderTmux.fast) { $1 }
        let demo = try Subprocess.run([BuiltProducts.refuge.path, "demo", "--data", directory.path, "--state", app.state.path,
                                       "--cases", "40"],
                                      environment: environment)
        try #require(demo.status == 0, "\(demo.output)")

        let session = try app.start(width: 80, height: 24)
        try session.waitFor("Refuge — вход")
        try session.type("demo")
        try session.press("Enter")
        try session.type("demo-passphrase")
        try session.press("Enter")
        let agenda = try session.waitFor("Просрочено: ")
        #expect(agenda.contains { $0.contains("Повестка · demo") })
        let overdueCount = try #require(Self.number(after: "Просрочено: ", in: agenda))
        #expect(overdueCount > 0)
        // The first follow-up, selected: "Просрочено dd.mm.yyyy 2025-0012 aigul  …".
        let item = try #require(agenda.first { $0.hasPrefix("Просрочено ") })
        let caseNumber = try #require(item.split(separator: " ").first { $0.count == 9 && $0.contains("-") }.map(String.init))

        try session.press("Enter")  // open the case at its plan
        try session.waitFor("Дело \(caseNumber)")
        try session.press("Escape")
        try session.waitFor("Просрочено: \(overdueCount) ·")
        try session.type("d")
        try session.waitFor("Выполнено: дело \(caseNumber).")
        let after = try session.waitFor("Просрочено: \(overdueCount - 1) ·")
        let caseLines = after.filter { $0.contains(String(item.dropFirst("Просрочено ".count))) }
        #expect(caseLines.isEmpty)

        try session.press("Escape")  // the case list, then find the case and read its history
        try session.waitFor("Дела · demo")
        try session.type("/")
        try session.type(caseNumber)
        try session.press("Enter")
        try session.press("Enter")
        try session.waitFor("Дело \(caseNumber)")
        try session.press("F8")
        // Newest first: the top entry is the one just marked done, with the user's name (and the
        // laptop, since the invented history was written by another).
        let history = try session.waitFor("задача выполнена:")
        let newest = try #require(history.first { $0.range(of: #"^\d\d\.\d\d\.\d{4} \d\d:\d\d  "#, options: .regularExpression) != nil })
        #expect(newest.contains("demo") && newest.contains("задача выполнена:"))
        try app.quit(session)
    }

    private static func number(after prefix: String, in screen: [String]) -> Int? {
        for line in screen {
            guard let range = line.range(of: prefix) else { continue }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        return nil
    }
}
