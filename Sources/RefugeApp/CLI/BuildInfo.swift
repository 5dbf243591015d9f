/// What `refuge --version` and `refuge doctor` name: the release and the commit it was built from.
/// `scripts/release.sh` writes the commit into its own copy of the source before it builds, so a
/// caseworker's binary says exactly which code it is; a developer's build says so instead.
public enum BuildInfo {
    public static let version = "0.1.0"
    public static let commit = "development build"

    /// `refuge 0.1.0 (commit 1a2b3c4d5e6f)`, or `refuge 0.1.0 (development build)`.
    public static var summary: String {
        "refuge \(version) (\(commit == "development build" ? commit : "commit \(commit)"))"
    }
}
