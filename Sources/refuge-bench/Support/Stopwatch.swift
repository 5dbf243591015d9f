import Foundation

/// Elapsed wall time on the monotonic clock. Figures are wall time, not CPU time, because wall
/// time is what a caseworker waits for (and because the machine is shared, they carry its noise).
enum Stopwatch {
    static func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body` once and returns its result and the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = nanoseconds()
        let result = try body()
        return (result, Double(nanoseconds() - start) / 1e9)
    }

    /// Seconds `body` took.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        try time(body).seconds
    }
}
