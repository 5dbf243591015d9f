// refuge-bench: Refuge's speed and memory, measured beside SQLite. See docs/performance.md.
//
//   swift run -c release refuge-bench [--sizes 1000,10000] [--large] [--smoke] [--json-only]
//
// Prints a table, then (last) one JSON line with every figure.
import Foundation

let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch let error as UsageError {
    if let message = error.message { FileHandle.standardError.write(Data("refuge-bench: \(message)\n".utf8)) }
    FileHandle.standardError.write(Data((Options.usage + "\n").utf8))
    exit(error.message == nil ? 0 : 2)
}

do {
    if let child = options.child {
        switch child {
        case .open(let directory): try MemoryFigure.childOpen(directory: directory)
        case .sqliteOpen(let path): try MemoryFigure.childSQLiteOpen(path: path)
        case .read(let directory): try ReadThroughputFigure.child(directory: directory)
        case .openFromSnapshot(let directory): try MemoryFigure.childOpen(directory: directory, usesSnapshot: true)
        case .openLogFromSnapshot(let directory): try MemoryFigure.childOpenLog(directory: directory)
        }
    } else {
        try BenchmarkRun(options: options).run()
    }
} catch {
    FileHandle.standardError.write(Data("refuge-bench: \(error)\n".utf8))
    exit(1)
}
