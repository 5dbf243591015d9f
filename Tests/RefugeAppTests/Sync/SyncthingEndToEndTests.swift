import Foundation
import RefugeTestSupport
import Testing

/// Two laptops, two real Syncthing instances on 127.0.0.1 (`.ci/run` installs syncthing): an
/// intake on one reaches the other and `refuge stats --format json` is byte-identical on both,
/// in both directions; an edit on B reaches A; the same field edited on both apart is one conflict
/// on both (`refuge conflicts --format json` byte-identical), and choosing its value on B leaves
/// none on either. The script does the work, every wait bounded, everything shut down.
@Suite struct SyncthingEndToEndTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("syncthing-two-laptops.sh")

    @Test(.timeLimit(.minutes(5))) func intakesReachTheOtherLaptopAndTheStatisticsAreIdentical() throws {
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "REFUGE_BIN": BuiltProducts.refuge.path,
        ]
        let result = try Subprocess.run(["timeout", "240", "bash", Self.script.path], environment: environment)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("PASS"), "\(result.output)")
    }
}
