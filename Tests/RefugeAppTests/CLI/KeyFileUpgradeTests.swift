import Foundation
import RefugeTestSupport
import Testing

/// Issue 11: the golden case file of format 1 (Tests/Fixtures/GoldenCaseFiles/format-1) still opens,
/// verifies and gives the statistics it gave when it was written; its key file is upgraded, with
/// a word on standard error, on the first unlock that can write.
@Suite("golden case file of format 1: the key file upgrade")
struct KeyFileUpgradeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/GoldenCaseFiles/format-1")

    @Test func opensVerifiesAndGivesTheSameStatisticsBeforeAndAfterTheUpgrade() throws {
        let workspace = try CLIWorkspace()
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("data"), to: workspace.data)
        let demo: [String: String] = ["REFUGE_USER": "demo", "REFUGE_PASSPHRASE": "demo-passphrase"]
        let environment = workspace.baseEnvironment.merging(demo) { $1 }
        func refuge(_ arguments: [String]) throws -> Subprocess.Result {
            try Subprocess.run(["setsid", "-w", BuiltProducts.refuge.path] + arguments, environment: environment,
                               separateErrors: true)
        }
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.fixture.appendingPathComponent("stats-min-cell-1.json"))) as? [String: Any])
        func expectSameStatistics() throws {
            let stats = try refuge(["stats", "--format", "json", "--min-cell", "1"])
            #expect(stats.status == 0, "\(stats.errors)")
            var actual = try #require(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
            // Written before episodes: every person had one, so the figures added since repeat the people's.
            #expect(NSDictionary(dictionary: ["n": actual.removeValue(forKey: "episodes") ?? 0]).isEqual(to: ["n": expected["total"] ?? -1]))
            #expect(NSDictionary(dictionary: ["c": actual.removeValue(forKey: "byExploitationOfEpisodes") ?? []])
                .isEqual(to: ["c": expected["byExploitation"] ?? []]))
            #expect(NSDictionary(dictionary: actual).isEqual(to: expected))
        }

        let verify = try refuge(["verify"])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
        try expectSameStatistics()

        // The first command that may write upgrades the key file, and says so first.
        let export = try refuge(["export", "-o", workspace.root.appendingPathComponent("out.csv").path])
        #expect(export.status == 0, "\(export.errors)")
        #expect(export.errors.contains("Upgrading the key file"), "\(export.errors)")
        #expect(try workspace.bytes(workspace.keyFile)[8] == 2)

        let again = try refuge(["verify"])
        #expect(again.status == 0, "\(again.output)\(again.errors)")
        #expect(!again.errors.contains("Upgrading"))
        try expectSameStatistics()
    }
}
