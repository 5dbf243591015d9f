import EventLog
import Foundation

/// Figure 1, first half: unlocking with the standard scrypt parameters, timed apart from the
/// open so that the open figures (which use the fast test KDF) show what the log and replay cost.
enum KDFFigure {
    static func measure(_ suite: Suite) throws {
        // The smoke run is a debug build, where scrypt's C code runs unoptimised.
        let kdf: KDFParameters = suite.options.smoke ? .fastForTests : .standard
        let directory = suite.workspace.onDisk("kdf")
        try EventLog.create(at: directory, user: "kdf", passphrase: "kdf passphrase", kdf: kdf).close()
        let samples = try Samples.collect(suite.options.repeatRuns) {
            try EventLog.open(at: directory, user: "kdf", passphrase: "kdf passphrase", mode: .readOnly).close()
        }
        suite.note("kdf_log2_n", Double(kdf.logN))
        suite.add(Figure("kdf_unlock", "unlock: \(kdf)", unit: .milliseconds, samples: samples.scaled(by: 1000)))
    }
}
