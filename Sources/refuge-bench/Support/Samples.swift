/// Repeated measurements of one figure, summarised as median and 99th percentile (nearest rank).
/// Medians resist the noise of other builds on the machine; p99 shows the stalls a user feels.
struct Samples {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func add(_ value: Double) { values.append(value) }

    var count: Int { values.count }
    var median: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }

    func percentile(_ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    /// The same samples in another unit (e.g. seconds to milliseconds).
    func scaled(by factor: Double) -> Samples { Samples(values.map { $0 * factor }) }

    /// Runs `body` `count` times and keeps the seconds each run took.
    static func collect(_ count: Int, _ body: () throws -> Void) rethrows -> Samples {
        var samples = Samples()
        for _ in 0..<count { samples.add(try Stopwatch.seconds(body)) }
        return samples
    }
}
