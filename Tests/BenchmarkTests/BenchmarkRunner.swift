import Foundation
import RefugeTestSupport

/// Runs the `refuge-bench` built beside the test runner, capturing its output.
enum BenchmarkRunner {
    /// Runs the benchmark with its scratch files in a fresh temporary directory. `text` is the
    /// standard output, `progress` the standard error (the progress lines, or the error).
    static func run(_ arguments: [String]) throws -> (status: Int32, text: String, progress: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-bench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Subprocess.run([BuiltProducts.executable("refuge-bench").path] + arguments + ["--dir", scratch.path],
                                        separateErrors: true)
        return (result.status, result.output, result.errors)
    }
}
