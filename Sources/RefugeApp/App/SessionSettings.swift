import CaseModel
import EventLog
import Foundation

/// What a session needs from outside: where the case file is, the language, and the clocks and
/// costs that tests replace (fast key derivation, a fake monotonic clock, a fixed "today").
struct SessionSettings {
    var dataDirectory: URL
    /// This computer's own files for it; nil: a data directory of one log that keeps them itself.
    var stateDirectory: URL?
    var language: Language
    var kdf: KDFParameters = .standard
    /// No key for this long locks the screen.
    var idleLock: Duration = .seconds(300)
    /// The draft is written once typing pauses this long.
    var draftDelay: Duration = .milliseconds(50)
    /// How often the other laptops' logs in a shared folder are looked at for new events.
    var otherLaptopsPoll: Duration = .seconds(2)
    /// Monotonic time for the idle lock and the sign-in delay; nil for the real clock.
    var now: (() -> Duration)?
    var today: () -> CalendarDate = { ValidationContext.current().today }
    /// Where exports are offered by default.
    var homeDirectory: URL = FileManager.default.homeDirectoryForCurrentUser
}
