import Foundation

/// What the figures were measured on, printed with them: they mean little without it.
struct Machine {
    var processors: Int
    var cpuModel: String
    var memoryMiB: Int
    /// The 1-minute load average when the run started (other engineers build on this machine).
    var loadAverage: Double
    var kernel: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let totalKiB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }
            .flatMap { Int($0) } ?? 0
        let loadavg = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        let load = loadavg.split(separator: " ").first.flatMap { Double($0) } ?? 0
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Machine(processors: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model,
                       memoryMiB: totalKiB / 1024, loadAverage: load, kernel: release)
    }

    var summary: String {
        "\(processors) CPUs (\(cpuModel)), \(memoryMiB) MiB memory, Linux \(kernel), load \(String(format: "%.2f", loadAverage)) at start"
    }
}
