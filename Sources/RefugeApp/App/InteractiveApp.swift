import CaseModel
import EventLog
import Foundation
import Terminal

/// What the interactive application needs to start.
public struct AppOptions: Sendable {
    /// The data directory (already resolved from --data, $REFUGE_DATA, $XDG_DATA_HOME or ~/.local/share).
    public var dataDirectory: URL
    /// This computer's own files for it (from --state, $REFUGE_STATE or $XDG_STATE_HOME).
    public var stateDirectory: URL?
    /// The interface language (from --lang, else from LANG).
    public var language: Language
    /// How long without a key before the screen locks.
    public var idleLock: Duration

    public init(dataDirectory: URL, stateDirectory: URL? = nil, language: Language, idleLock: Duration = .seconds(300)) {
        self.dataDirectory = dataDirectory
        self.stateDirectory = stateDirectory
        self.language = language
        self.idleLock = idleLock
    }
}

/// The full-screen application: setup or sign-in, then the case list and everything behind it.
public enum InteractiveApp {
    /// Runs until the user quits. Throws only for failures that happen before the screen opens.
    /// The terminal is restored on every way out (ScreenKit and CursesTerminal restore it on
    /// signals too).
    public static func run(_ options: AppOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            throw CommandFailure("\(error)", status: .cannotOpen)
        }
        defer { terminal.close() }
        let session = RefugeSession(terminal: terminal, settings: settings(options, environment: environment))
        session.start()
        session.app.run()
        session.quit()
    }

    /// The settings for a real run. Two variables serve the end-to-end tests and are read only by
    /// debug builds (what `swift test` runs): `REFUGE_KDF_LOGN` (a fast key derivation, see
    /// `KDFChoice`) and `REFUGE_IDLE_LOCK_SECONDS`. A release build locks after `options.idleLock`.
    static func settings(_ options: AppOptions, environment: [String: String]) -> SessionSettings {
        let environment = CommandEnvironment(values: environment)
        var settings = SessionSettings(dataDirectory: options.dataDirectory, language: options.language)
        settings.stateDirectory = options.stateDirectory
        settings.idleLock = options.idleLock
        #if DEBUG
        if let seconds = environment[CommandEnvironment.idleLockSecondsKey].flatMap(Int.init), seconds > 0 {
            settings.idleLock = .seconds(seconds)  // a test watches the lock without waiting five minutes
        }
        #endif
        if environment[CommandEnvironment.kdfLogNKey] != nil, let kdf = try? KDFChoice.resolve(environment) {
            settings.kdf = kdf  // a bad value is ignored here, as the app has no place to say so
        }
        return settings
    }
}
