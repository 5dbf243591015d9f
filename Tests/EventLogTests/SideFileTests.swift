import Foundation
import Testing
@testable import EventLog

/// Issue 11, item 6: `verify` opens every sealed file beside the log, so a damaged one is found
/// before the commands that need it fail.
@Suite struct SideFileTests {
    @Test func verifyReportsASealedFileThatDoesNotOpen() throws {
        try withTemporaryDirectory { directory in
            _ = try TornTailTests.makeLog(in: directory)
            let log = try EventLog.open(at: directory, user: alice, passphrase: alicePassphrase)
            try log.writeSealedFile(named: "device", contents: Data("laptop-1".utf8))
            try log.writeSealedFile(named: "demo", contents: Data("yes".utf8))
            log.close()
            #expect(try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase).status == .intact)

            let device = directory.appendingPathComponent("device.sealed")
            var bytes = try fileBytes(device)
            bytes[bytes.count - 3] ^= 1
            try writeBytes(bytes, to: device)
            let report = try EventLog.verify(at: directory, user: alice, passphrase: alicePassphrase)
            #expect(report.status == .damaged)
            #expect(report.damagedSealedFiles == ["device"])
            #expect(report.description.contains("device.sealed"))

            let salvage = try EventLog.salvage(from: directory, to: directory.appendingPathComponent("../salvaged-\(UUID())"),
                                               user: alice, passphrase: alicePassphrase)
            #expect(salvage.unreadableSealedFiles == ["device"])
            #expect(salvage.description.contains("device.sealed"))
            try? FileManager.default.removeItem(atPath: salvage.destination)
        }
    }
}
