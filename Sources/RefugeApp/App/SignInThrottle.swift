/// Slows down guessing at the keyboard: the first five wrong passphrases cost nothing, then each
/// further attempt must wait twice as long as the one before (2 s, 4 s, 8 s … at most 5 minutes).
/// The scrypt key derivation is what stops offline guessing; this stops a person at the laptop.
struct SignInThrottle {
    static let freeAttempts = 5
    static let longestWait: Duration = .seconds(300)

    private(set) var failures = 0
    private var blockedUntil: Duration?

    /// How long the next attempt must still wait at `now` (nil: it may go ahead).
    func remainingWait(at now: Duration) -> Duration? {
        guard let blockedUntil, blockedUntil > now else { return nil }
        return blockedUntil - now
    }

    mutating func recordFailure(at now: Duration) {
        failures += 1
        let beyond = failures - Self.freeAttempts
        guard beyond >= 0 else { return }
        let wait = Duration.seconds(1 << min(beyond + 1, 16))
        blockedUntil = now + min(wait, Self.longestWait)
    }

    mutating func recordSuccess() {
        failures = 0
        blockedUntil = nil
    }
}
