import Foundation
@testable import RefugeApp
import RefugeTestSupport
import Testing

/// What an installed Refuge says about itself: its version and commit, where it runs from, where it
/// keeps the user's data and where its documentation is.
@Suite("installation report and version")
struct InstallationTests {
    @Test func versionNamesTheReleaseAndTheCommit() throws {
        let result = try Subprocess.run([BuiltProducts.refuge.path, "--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == BuildInfo.summary)
        #expect(BuildInfo.summary.hasPrefix("refuge \(BuildInfo.version) ("))
    }

    @Test func aPackagedBinaryFindsItsDocumentationBesideIt() {
        let report = InstallationReport(executable: URL(fileURLWithPath: "/usr/bin/refuge"),
                                        dataDirectory: URL(fileURLWithPath: "/home/aigerim/.local/share/refuge"),
                                        fileExists: { $0 == "/usr/share/doc/refuge" })
        #expect(report.lines.contains("Binary: /usr/bin/refuge"))
        #expect(report.lines.contains("Data: /home/aigerim/.local/share/refuge"))
        #expect(report.lines.contains("Documentation: /usr/share/doc/refuge"))
    }

    @Test func anUnpackedArchiveFindsItsDocumentationUnderItsPrefix() {
        let report = InstallationReport(executable: URL(fileURLWithPath: "/opt/refuge-0.1.0/bin/refuge"),
                                        dataDirectory: URL(fileURLWithPath: "/tmp/data"),
                                        fileExists: { $0 == "/opt/refuge-0.1.0/share/doc/refuge" })
        #expect(report.documentation == "/opt/refuge-0.1.0/share/doc/refuge")
    }

    @Test func aDevelopmentBuildSaysItsDocumentationIsNotInstalled() {
        let report = InstallationReport(executable: URL(fileURLWithPath: "/src/.build/debug/refuge"),
                                        dataDirectory: URL(fileURLWithPath: "/tmp/data"), fileExists: { _ in false })
        #expect(report.documentation == nil)
        #expect(report.lines.contains { $0.hasPrefix("Documentation: not installed") })
    }

    /// The data directory of the user who runs Refuge, never a place under the binary.
    @Test func theDataDirectoryIsTheUsersOwn() {
        let xdg = DataLocation.resolve(nil, environment: CommandEnvironment(values: ["HOME": "/home/a", "XDG_DATA_HOME": "/home/a/.data"]))
        #expect(xdg.path == "/home/a/.data/refuge")
        let home = DataLocation.resolve(nil, environment: CommandEnvironment(values: ["HOME": "/home/a"]))
        #expect(home.path == "/home/a/.local/share/refuge")
    }
}
