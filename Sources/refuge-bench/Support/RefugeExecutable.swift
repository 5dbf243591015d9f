import Foundation

/// The real `refuge` program, built beside this benchmark (`swift build -c release --product refuge`;
/// `swift test` builds both). The terminal-bytes figure runs it as a caseworker would.
struct RefugeExecutable {
    let path: String
    /// Who `refuge demo` signs in, when REFUGE_USER and REFUGE_PASSPHRASE are not set.
    static let demoUser = "demo", demoPassphrase = "demo-passphrase"

    /// `refuge` in the benchmark's own directory, or an error that says how to build it.
    static func besideBenchmark() throws -> RefugeExecutable {
        let path = ChildProcess.executable.deletingLastPathComponent().appendingPathComponent("refuge").path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw NotBuilt(path: path) }
        return RefugeExecutable(path: path)
    }

    /// `refuge demo --data DIRECTORY --cases N`: a demo case file for `demoUser`, with the same
    /// synthetic caseload (seed 2026) as the fixtures.
    func makeDemo(at directory: URL, cases: Int, environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["demo", "--data", directory.path, "--cases", String(cases)]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ChildFailure(arguments: process.arguments ?? [], status: process.terminationStatus)
        }
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) is missing: build it with `swift build -c release --product refuge` (or the same configuration as refuge-bench)" }
    }
}
