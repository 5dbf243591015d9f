import Foundation

/// The last line of every run: every figure as one JSON object, for scripts, CI and the smoke
/// test. Keys are stable; values are numbers in the unit named beside them.
struct JSONReport {
    let mode: String
    let machine: Machine
    let notes: [String: Double]
    let figures: [Figure]

    func render() -> String {
        let object: [String: Any] = [
            "refuge_bench": 1,
            "mode": mode,
            "machine": [
                "cpus": machine.processors,
                "cpu": machine.cpuModel,
                "memory_mib": machine.memoryMiB,
                "load_average": machine.loadAverage,
                "kernel": machine.kernel,
            ] as [String: Any],
            "notes": notes,
            "figures": figures.map(entry),
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private func entry(_ figure: Figure) -> [String: Any] {
        var entry: [String: Any] = ["key": figure.key, "unit": figure.unit.rawValue, "median": figure.median,
                                    "runs": figure.runs]
        entry["size"] = figure.size
        entry["p99"] = figure.p99
        entry["sqlite"] = figure.peer
        entry["sqlite_ratio"] = figure.peerRatio
        entry["bare"] = figure.baseline
        entry["bare_ratio"] = figure.baselineRatio
        entry["met"] = figure.targetsMet
        return entry
    }
}
