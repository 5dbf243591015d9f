import Foundation
import RefugeTestSupport
import Testing

/// The real binary under tmux at 80x24 in Russian on laptop A of a shared folder, while laptop B
/// (the command line on a copy of the folder) registers a person and edits a case: B's log, carried
/// into A's folder the way Syncthing does (a temporary file renamed over it), shows up on A's
/// running program within seconds, with a quiet note on the top line (docs/sync.md).
@Suite struct OtherLaptopEndToEndTests {
    @Test(.timeLimit(.minutes(2))) func anotherLaptopsIntakeAndEditAppearWhileTheProgramRuns() throws {
        let a = try CLIWorkspace.initialised()
        let first = try a.file("a.csv", "familyName,givenName,gender,intakeDate\nКаримова,Дильноза,female,2024-03-01\n")
        #expect(try a.run(["import", first.path]).status == 0)
        let b = try CLIWorkspace()
        try FileManager.default.copyItem(at: a.data, to: b.data)
        let joined = try b.run(["device", "join"])
        #expect(joined.status == 0, "\(joined.output)")

        let program = "\(TmuxSession.quote(BuiltProducts.refuge.path)) --data \(TmuxSession.quote(a.data.path)) "
            + "--state \(TmuxSession.quote(a.state.path)) --lang ru"
        let session = try TmuxSession(program, width: 80, height: 24, environment: ["REFUGE_KDF_LOGN": "10", "HOME": a.root.path])
        try session.waitFor("Refuge — вход")
        try session.type(CLIWorkspace.coordinator)
        try session.press("Enter")
        try session.type(CLIWorkspace.passphrase)
        try session.press("Enter")
        try session.waitFor("Каримова")

        let second = try b.file("b.csv", "familyName,givenName,gender,intakeDate\nАсанов,Бекзод,male,2024-05-20\n")
        #expect(try b.run(["import", second.path]).status == 0)
        let edited = try b.run(["case", "set", "2024-0001", "givenName=Дильназ"])
        #expect(edited.status == 0, "\(edited.output)")
        let own = try String(contentsOf: b.state.appendingPathComponent("own-log"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let carried = a.data.appendingPathComponent(".syncthing.\(own).tmp")
        try FileManager.default.copyItem(at: b.data.appendingPathComponent(own), to: carried)
        #expect(rename(carried.path, a.data.appendingPathComponent(own).path) == 0)

        try session.waitFor("с другого ноутбука:", timeout: 10)
        try session.waitFor("Асанов")
        try session.waitFor("Каримова Дильназ")
        try session.press("F10")
        #expect(try session.waitForExit() == 0)
    }
}
