import Foundation

/// Finds executables built by `swift build`/`swift test` next to the running test bundle.
enum BuiltProducts {
    static var directory: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidate = runner.deletingLastPathComponent()
        // On Linux the runner is `<bin>/RefugePackageTests.xctest`; on macOS it sits inside a bundle.
        while candidate.path != "/" {
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("refuge").path) { return candidate }
            candidate.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug")
    }

    static var refuge: URL { directory.appendingPathComponent("refuge") }
}
