import Foundation
import RefugeTestSupport
import Testing

/// Issue 11 through the real binary: a damaged last frame is not cut, side files are checked,
/// the pseudonym secret lives in the log, and backups are recorded.
@Suite("refuge: nothing acknowledged is cut, side files are checked")
struct TrustLogTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/GoldenCaseFiles/format-1/data").standardizedFileURL
    static let demo: [String: String?] = ["REFUGE_USER": "demo", "REFUGE_PASSPHRASE": "demo-passphrase"]

    @Test func aBitFlippedInTheImportedLastFrameIsDamageAndTheNextImportCutsNothing() throws {
        let workspace = try CLIWorkspace.withImportedCases()
        var log = try workspace.bytes(workspace.logFile)
        let lastByte = try #require(log.lastIndex { $0 != 0 })
        log[lastByte - 30] ^= 0x04  // inside the last frame (the import), reserved zeros after it
        try log.write(to: workspace.logFile)

        let verify = try workspace.run(["verify"])
        #expect(verify.status == 3, "\(verify.output)")
        #expect(!verify.output.contains("harmless"))
        let again = try workspace.run(["import", workspace.file("more.csv", CLIWorkspace.validCSV).path])
        #expect(again.status == 3, "\(again.output)")
        #expect(try workspace.bytes(workspace.logFile) == log, "nothing was cut")
    }

    @Test func verifyOpensEverySideFile() throws {
        let workspace = try CLIWorkspace.initialised()
        #expect(try workspace.run(["verify"]).status == 0)
        let device = workspace.state.appendingPathComponent("device.sealed")
        var bytes = try workspace.bytes(device)
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: device)
        let verify = try workspace.run(["verify"])
        #expect(verify.status == 3, "\(verify.output)")
        #expect(verify.output.contains("device.sealed"))
    }

    @Test func anOldCaseFilesPseudonymSecretMovesIntoTheLogAndIsNeverMadeAnew() throws {
        let workspace = try CLIWorkspace()
        try FileManager.default.copyItem(at: Self.golden, to: workspace.data)
        let first = try workspace.run(["export", "--format", "csv"], environment: Self.demo)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("now kept in the log"))
        // The first writable open moved the side file to this laptop's state directory (shared layout).
        try FileManager.default.removeItem(at: workspace.state.appendingPathComponent("pseudonym-secret.sealed"))
        let second = try workspace.run(["export", "--format", "csv"], environment: Self.demo)
        #expect(second.status == 0, "\(second.output)")
        // Data rows only: the first run's note on standard error shares the header's line.
        let rows = { (text: String) in Array(text.split(separator: "\r\n").dropFirst()) }
        #expect(rows(second.output) == rows(first.output), "the same pseudonymous ids")

        let lost = try CLIWorkspace()
        try FileManager.default.copyItem(at: Self.golden, to: lost.data)
        try FileManager.default.removeItem(at: lost.data.appendingPathComponent("pseudonym-secret.sealed"))
        let refused = try lost.run(["export", "--format", "csv"], environment: Self.demo)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("pseudonym-secret.sealed"))
    }

    @Test func backupsAndSalvagesAreRecordedWithWhoAndWhen() throws {
        let workspace = try CLIWorkspace.withImportedCases()
        let archive = workspace.root.appendingPathComponent("backup.tar")
        let backup = try workspace.run(["backup", "-o", archive.path])
        #expect(backup.status == 0, "\(backup.output)")
        let verify = try workspace.run(["verify"])
        #expect(verify.output.contains("\(CLIWorkspace.coordinator): backup of"), "\(verify.output)")
        let rescued = workspace.root.appendingPathComponent("rescued")
        #expect(try workspace.run(["salvage", "--output", rescued.path]).status == 0)
        let salvaged = try workspace.run(["verify", "--data", rescued.path])
        #expect(salvaged.output.contains("\(CLIWorkspace.coordinator): salvage of"), "\(salvaged.output)")
    }
}
