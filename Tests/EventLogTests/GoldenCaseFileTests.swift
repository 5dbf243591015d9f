import Foundation
import Testing
@testable import EventLog

/// A case file written by the first released format still opens, verifies and reads, and the
/// first writable open of it changes nothing it does not have to.
@Suite struct GoldenCaseFileTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/GoldenCaseFiles/format-1/data").standardizedFileURL

    @Test func formatOneOpensVerifiesAndReads() throws {
        try withTemporaryDirectory { parent in
            let directory = parent.appendingPathComponent("data")
            try FileManager.default.copyItem(at: Self.fixture, to: directory)
            let report = try EventLog.verify(at: directory, user: "demo", passphrase: "demo-passphrase")
            #expect(report.status == .intact, "\(report)")
            #expect(report.damagedSealedFiles.isEmpty && report.cutTailCopies.isEmpty)
            #expect(report.read.recordCount > 40)

            let log = try EventLog.open(at: directory, user: "demo", passphrase: "demo-passphrase")
            #expect(!log.isReadOnly && log.recovery.tornTail == nil && log.recovery.damage.isEmpty)
            let records = try readAll(log)
            #expect(records.count == report.read.recordCount)
            #expect(records.map(\.sequence) == Array(1...UInt64(records.count)))
            for name in ["demo", "device", "pseudonym-secret"] {
                #expect(try log.readSealedFile(named: name) != nil, "\(name).sealed opens")
            }
            try log.append(type: 11, payload: Data())
            log.close()
            #expect(try EventLog.verify(at: directory, user: "demo", passphrase: "demo-passphrase").status == .intact)
        }
    }
}
