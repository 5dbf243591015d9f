import CaseModel
import Foundation

/// What the interactive application needs to start.
public struct AppOptions: Sendable {
    /// The data directory (already resolved from --data, $REFUGE_DATA, $XDG_DATA_HOME or ~/.local/share).
    public var dataDirectory: URL
    /// The interface language (from --lang, else from LANG).
    public var language: Language
    /// How long without a key before the screen locks.
    public var idleLock: Duration

    public init(dataDirectory: URL, language: Language, idleLock: Duration = .seconds(300)) {
        self.dataDirectory = dataDirectory
        self.language = language
        self.idleLock = idleLock
    }
}

/// The full-screen application: setup or sign-in, then the case list and everything behind it.
public enum InteractiveApp {
    /// Runs until the user quits. Throws only for failures that happen before the screen opens.
    public static func run(_ options: AppOptions) throws {
        throw CommandFailure("The interactive application is not built yet.", status: .cannotOpen)
    }
}
