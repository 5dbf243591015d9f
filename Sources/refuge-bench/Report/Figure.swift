/// One measured figure: ours, and where there is one, SQLite's and the bare-syscall baseline's,
/// all in the same unit, with the targets for it.
struct Figure {
    enum Unit: String {
        case milliseconds = "ms"
        case microseconds = "us"
        case bytes = "bytes"
        case frames = "frames"
        case mebibytes = "MiB"
        case recordsPerSecond = "records/s"
        case mebibytesPerSecond = "MiB/s"

        /// For throughput, more is better; for everything else, less.
        var higherIsBetter: Bool { self == .recordsPerSecond || self == .mebibytesPerSecond }
    }

    /// A goal from issues 3 and 7.
    enum Target {
        /// The median is at most this, in the figure's unit.
        case atMost(Double)
        /// The median is at most this multiple of the baseline's.
        case baselineRatioAtMost(Double)
        /// The median is at most this multiple of SQLite's (1.0: as fast or faster).
        case peerRatioAtMost(Double)
        /// Throughput at least this, in the figure's unit.
        case atLeast(Double)

        var label: String {
            switch self {
            case .atMost(let value): "< \(Figure.format(value))"
            case .atLeast(let value): "> \(Figure.format(value))"
            case .baselineRatioAtMost(let ratio): "<= \(Figure.format(ratio))x bare"
            case .peerRatioAtMost(let ratio): ratio == 1 ? "beats SQLite" : "<= \(Figure.format(ratio))x SQLite"
            }
        }
    }

    /// Stable machine name, e.g. "cold_open"; with `size` it identifies the figure in the JSON.
    var key: String
    /// What a reader of the table sees.
    var title: String
    /// The caseload size (cases), or the record count for log figures; nil when it has none.
    var size: Int?
    var unit: Unit
    var median: Double
    var p99: Double?
    /// SQLite doing the same job, median.
    var peer: Double?
    /// A bare write+fdatasync of the same bytes, median.
    var baseline: Double?
    var targets: [Target] = []
    /// How many runs the median is over.
    var runs: Int = 1

    init(_ key: String, _ title: String, size: Int? = nil, unit: Unit, samples: Samples,
         peer: Samples? = nil, baseline: Samples? = nil, targets: [Target] = []) {
        self.key = key
        self.title = title
        self.size = size
        self.unit = unit
        median = samples.median
        p99 = samples.count > 1 ? samples.p99 : nil
        self.peer = peer?.median
        self.baseline = baseline?.median
        self.targets = targets
        runs = samples.count
    }

    init(_ key: String, _ title: String, size: Int? = nil, unit: Unit, value: Double,
         peer: Double? = nil, targets: [Target] = []) {
        self.key = key
        self.title = title
        self.size = size
        self.unit = unit
        median = value
        self.peer = peer
        self.targets = targets
    }

    /// Ours divided by SQLite's (for throughput, SQLite's divided by ours), so below 1 is better.
    var peerRatio: Double? { peer.flatMap { ratio(median, $0) } }
    var baselineRatio: Double? { baseline.flatMap { ratio(median, $0) } }

    private func ratio(_ ours: Double, _ theirs: Double) -> Double? {
        guard ours > 0, theirs > 0 else { return nil }
        return unit.higherIsBetter ? theirs / ours : ours / theirs
    }

    /// Whether every target is met; nil when the figure has none.
    var targetsMet: Bool? {
        guard !targets.isEmpty else { return nil }
        return targets.allSatisfy { target in
            switch target {
            case .atMost(let value): median <= value
            case .atLeast(let value): median >= value
            case .baselineRatioAtMost(let limit): (baselineRatio ?? .infinity) <= limit
            case .peerRatioAtMost(let limit): (peerRatio ?? .infinity) <= limit
            }
        }
    }

    static func format(_ value: Double) -> String {
        switch abs(value) {
        case 0: "0"
        case 100...: String(format: "%.0f", value)
        case 10..<100: String(format: "%.1f", value)
        case 0.1..<10: String(format: "%.2f", value)
        default: String(format: "%.3f", value)
        }
    }
}
