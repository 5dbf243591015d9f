import Foundation

/// Runs this benchmark again as a child process and reads the JSON object it prints last. Used
/// where a figure needs a fresh process: a memory peak that earlier work has not already raised.
enum ChildProcess {
    static var executable: URL { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath() }

    static func run(_ arguments: [String]) throws -> [String: Double] {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { throw ChildFailure(arguments: arguments, status: process.terminationStatus) }
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    /// What a child prints: one JSON object of numbers.
    static func reply(_ values: [String: Double]) {
        let data = try! JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

struct ChildFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var description: String { "child refuge-bench \(arguments.joined(separator: " ")) failed (exit \(status))" }
}
