import Foundation

/// Finds the `refuge-bench` built beside the test runner and runs it, capturing its output.
enum BenchmarkRunner {
    struct Output {
        var status: Int32
        var text: String
        /// Standard error: the progress lines, and the error when it failed.
        var progress: String
    }

    /// Walks up from the test runner (on Linux `<bin>/RefugePackageTests.xctest`) to the directory
    /// holding an executable `refuge-bench`, as `RefugeAppTests`' `BuiltProducts` does for `refuge`.
    static var executable: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidate = runner.deletingLastPathComponent()
        while candidate.path != "/" {
            let bench = candidate.appendingPathComponent("refuge-bench")
            if FileManager.default.isExecutableFile(atPath: bench.path) { return bench }
            candidate.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/refuge-bench")
    }

    /// Runs the benchmark with its scratch files in a fresh temporary directory.
    static func run(_ arguments: [String]) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-bench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--dir", scratch.path]
        let output = Pipe()
        process.standardOutput = output
        let progressURL = scratch.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: progressURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: progressURL)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let progress = (try? String(contentsOf: progressURL, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self), progress: progress)
    }
}
