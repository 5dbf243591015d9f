import Foundation
import Testing

/// A flipped byte in an early record: verify reports it (exit 3), other commands refuse, and
/// salvage writes a new case file that opens and verifies.
@Suite("refuge verify and salvage on a damaged log")
struct DamagedLogTests {
    @Test func aFlippedByteIsReportedAndSalvaged() throws {
        let workspace = try CLIWorkspace.initialised()
        // Three more frames after the first, so the damage is not a torn tail.
        let csv = try workspace.file("cases.csv", CLIWorkspace.validCSV)
        #expect(try workspace.run(["import", csv.path]).status == 0)
        for name in ["bek", "dana"] {
            let added = try workspace.run(["user", "add", name, "--role", "caseworker"],
                                          environment: ["REFUGE_NEW_PASSPHRASE": "passphrase-of-\(name)"])
            #expect(added.status == 0, "\(added.output)")
        }
        var log = try workspace.bytes(workspace.logFile)
        log[48 + 40] ^= 0x01  // inside the first frame's ciphertext (the header is 48 bytes)
        try log.write(to: workspace.logFile)

        let verify = try workspace.run(["verify"])
        #expect(verify.status == 3, "\(verify.output)")
        #expect(verify.output.contains("DAMAGE"))
        #expect(verify.output.contains("refuge salvage"))

        let stats = try workspace.run(["stats"])
        #expect(stats.status == 3)
        #expect(stats.output.contains("damaged"))
        #expect(try workspace.bytes(workspace.logFile) == log)

        let rescued = workspace.root.appendingPathComponent("rescued")
        let salvage = try workspace.run(["salvage", "--output", rescued.path])
        #expect(salvage.status == 0, "\(salvage.output)")
        #expect(try workspace.bytes(workspace.logFile) == log)

        let again = try workspace.run(["verify", "--data", rescued.path])
        #expect(again.status == 0, "\(again.output)")
        #expect(again.output.contains("status: intact"))
        let users = try workspace.run(["user", "list", "--data", rescued.path], as: "bek", passphrase: "passphrase-of-bek")
        #expect(users.status == 0, "\(users.output)")
        #expect(users.output.contains("dana"))

        let intoItself = try workspace.run(["salvage", "--output", workspace.data.path])
        #expect(intoItself.status == 2)
    }
}
