import Foundation
import RefugeTestSupport
import Testing
@testable import RefugeApp

/// Issue 11, item 11: one count of wrong passphrases for the application and the command line,
/// kept across runs (the application's used to start again at zero on restart, the command
/// line's did not exist).
@Suite struct SignInCountTests {
    @Test func wrongPassphrasesCountAcrossRestartsAndTheCommandLine() throws {
        let directory = AppHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try AppHarness.makeCaseFile(at: directory)
        for _ in 0..<4 {
            let result = try Subprocess.run(["setsid", "-w", BuiltProducts.refuge.path, "stats", "--data", directory.path,
                                             // A data directory of one log keeps its own sign-in count, as the app does.
                                             "--state", directory.path],
                                            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": directory.path,
                                                          "REFUGE_USER": "anna", "REFUGE_PASSPHRASE": "nope nope nope"])
            #expect(result.status == 2, "\(result.output)")
        }
        do {
            let first = AppHarness(directory: directory)
            first.signIn(passphrase: "nope nope nope")  // the fifth
            #expect(first.shows("Wrong user name or passphrase."))
        }
        let restarted = AppHarness(directory: directory)
        restarted.signIn()
        #expect(restarted.shows("Wait 2 s"))
        #expect(restarted.top is SignInScreen)
    }
}
