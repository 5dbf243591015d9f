import Foundation

/// This process's resident memory from `/proc/self/status` (Linux). The peak (`VmHWM`) only ever
/// grows, which is why each size is opened in a child process of its own.
enum ProcessMemory {
    /// Peak resident set size in MiB, or nil where /proc is missing.
    static var peakMiB: Double? { value(of: "VmHWM") }

    private static func value(of field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let number = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
            return number.flatMap { Double($0) }.map { $0 / 1024 }  // kB to MiB
        }
        return nil
    }
}
