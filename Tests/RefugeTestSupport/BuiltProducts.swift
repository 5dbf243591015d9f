import Foundation

/// Finds executables built by `swift build`/`swift test` next to the running test bundle.
public enum BuiltProducts {
    /// The built executable `name`: found by walking up from the test runner (on Linux
    /// `<bin>/RefugePackageTests.xctest`; on macOS it sits inside a bundle), else `.build/debug`.
    public static func executable(_ name: String) -> URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidate = runner.deletingLastPathComponent()
        while candidate.path != "/" {
            let product = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: product.path) { return product }
            candidate.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/\(name)")
    }

    public static var refuge: URL { executable("refuge") }
}
