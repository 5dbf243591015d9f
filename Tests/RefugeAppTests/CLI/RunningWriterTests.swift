import Foundation
import RefugeTestSupport
import Testing
@testable import RefugeApp

/// While another Refuge holds the writer lock (here: this test process, with the case file open
/// for writing), reading commands work and writing commands are refused, naming the holder.
@Suite("refuge commands while the case file is open elsewhere")
struct RunningWriterTests {
    /// Opens the workspace's case file for writing in this process, as the application would.
    private func holdLock(_ workspace: CLIWorkspace) throws -> CaseBook {
        try CaseBook.open(at: workspace.data, state: workspace.state, user: CLIWorkspace.coordinator, passphrase: CLIWorkspace.passphrase)
    }

    @Test func writersAreRefusedNamingTheHolder() throws {
        let workspace = try CLIWorkspace.initialised()
        let csv = try workspace.file("cases.csv", CLIWorkspace.validCSV)
        let book = try holdLock(workspace)
        defer { book.close() }
        let log = try workspace.bytes(workspace.logFile)
        // Issue 12: an anonymised export too, as every export is recorded (the open app exports it).
        for command in [["import", csv.path], ["user", "add", "bek", "--role", "caseworker"], ["export", "--identifiable", "--stdout"],
                        ["export", "--format", "json"],
                        ["init", "--org", "Again", "--user", "anna"]] {
            let result = try workspace.run(command, environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"])
            #expect(result.status == 2, "\(command): \(result.output)")
            if command[0] != "init" {
                #expect(result.output.contains("open for writing in another Refuge (held by pid \(getpid())"), "\(result.output)")
            }
        }
        #expect(try workspace.bytes(workspace.logFile) == log)
    }

    @Test func readersWorkMeanwhile() throws {
        let workspace = try CLIWorkspace.withImportedCases()
        let book = try holdLock(workspace)
        defer { book.close() }
        let log = try workspace.bytes(workspace.logFile)

        #expect(try workspace.run(["stats"]).status == 0)
        #expect(try workspace.run(["verify"]).status == 0)
        #expect(try workspace.run(["user", "list"]).status == 0)
        #expect(try workspace.run(["import", workspace.file("again.csv", CLIWorkspace.validCSV).path, "--dry-run"]).status == 0)
        #expect(try workspace.bytes(workspace.logFile) == log)
    }

    @Test func backupWhileOpenRestoresAndVerifies() throws {
        let workspace = try CLIWorkspace.withImportedCases()
        let book = try holdLock(workspace)
        defer { book.close() }
        try book.saveDraft(Data("half an intake".utf8))

        let archive = workspace.root.appendingPathComponent("backup.tar")
        let backup = try workspace.run(["backup", "-o", archive.path])
        #expect(backup.status == 0, "\(backup.output)")
        let mode = try FileManager.default.attributesOfItem(atPath: archive.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let contents = try Data(contentsOf: archive)
        #expect(contents.range(of: Data("Каримова".utf8)) == nil)  // still encrypted

        let restored = workspace.root.appendingPathComponent("restored")
        try FileManager.default.createDirectory(at: restored, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        let untar = try Subprocess.run(["tar", "-xf", archive.path, "-C", restored.path])
        #expect(untar.status == 0, "\(untar.output)")

        let verify = try workspace.run(["verify", "--data", restored.path])
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("status: intact"))
        let stats = try workspace.run(["stats", "--data", restored.path, "--format", "json", "--min-cell", "1"])
        #expect(stats.output.contains("\"total\":3"))
        // The sealed draft came along and opens under the restored log.
        let copy = try CaseBook.open(at: restored, state: workspace.state, user: CLIWorkspace.coordinator, passphrase: CLIWorkspace.passphrase,
                                     mode: .readOnly)
        defer { copy.close() }
        #expect(try copy.draft() == Data("half an intake".utf8))
    }
}
