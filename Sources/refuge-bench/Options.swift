import Foundation

/// The command line: `refuge-bench [--sizes 1000,10000] [--large] [--smoke] [--json-only] [--dir DIR]`.
/// The `--child-*` modes are the benchmark running itself in a child process (for a clean memory
/// peak); they are not for people.
struct Options {
    var sizes = [1_000, 10_000]
    var large = false
    var smoke = false
    var jsonOnly = false
    /// Where the timed files go; the default is `.build/` of the current directory (a real disk).
    var directory: URL?
    /// Figure groups to run (`--only open,search`); nil runs all. For before/after comparisons.
    var only: Set<String>?
    var child: ChildMode?

    /// The groups `--only` accepts, in the order they run.
    static let groups = ["kdf", "append", "read", "open", "snapshot", "memory", "search", "frame", "save", "import", "tty"]

    func wants(_ group: String) -> Bool { only?.contains(group) ?? true }

    enum ChildMode {
        case open(directory: URL)
        case sqliteOpen(path: String)
        case read(directory: URL)
        case openFromSnapshot(directory: URL)
        case openLogFromSnapshot(directory: URL)
    }

    /// How many times each thing is done; small in a smoke run, which checks shape, not speed.
    var appendCount: Int { smoke ? 50 : 1_000 }
    var saveCount: Int { smoke ? 10 : 200 }
    /// Runs of the figures that take long each (unlock, import).
    var repeatRuns: Int { smoke ? 1 : 3 }
    var readRecords: Int { smoke ? 5_000 : (large ? 1_000_000 : 200_000) }
    var frameRuns: Int { smoke ? 20 : 500 }
    var importRows: Int { smoke ? 200 : 10_000 }
    /// Cases in the `refuge demo` file the terminal-bytes figure runs the real program on.
    var terminalCases: Int { smoke ? 200 : 1_000 }
    func openRuns(size: Int) -> Int { smoke ? 3 : (size >= 100_000 ? 3 : (size >= 10_000 ? 7 : 15)) }
    func searchRuns(size: Int) -> Int { smoke ? 3 : (size >= 100_000 ? 5 : 30) }

    var modeName: String { smoke ? "smoke" : (large ? "large" : "default") }

    static let usage = """
        usage: refuge-bench [--sizes 1000,10000] [--large] [--smoke] [--json-only] [--dir DIR] [--only GROUP,...]
          --sizes N,N   caseload sizes in cases (default 1000,10000)
          --large       also 200,000 cases and a log of 1,000,000 records (takes minutes)
          --smoke       the smallest run, for the test suite: checks the figures exist, not their speed
          --json-only   print only the JSON line
          --dir DIR     where to put the timed files (default: .build/ here; must be a real disk)
          --only G,G    run only these groups: \(groups.joined(separator: ", "))
        """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw UsageError("\(flag) needs a value") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--sizes":
                let list = try value(argument).split(separator: ",").map { Int($0.replacingOccurrences(of: "_", with: "")) }
                guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) > 0 }) else { throw UsageError("--sizes takes positive numbers") }
                options.sizes = list.compactMap { $0 }
            case "--large": options.large = true
            case "--smoke": options.smoke = true
            case "--json-only": options.jsonOnly = true
            case "--dir": options.directory = URL(fileURLWithPath: try value(argument))
            case "--only":
                let groups = Set(try value(argument).split(separator: ",").map(String.init))
                guard groups.isSubset(of: Options.groups) else { throw UsageError("--only takes \(Options.groups.joined(separator: ","))") }
                options.only = groups
            case "--child-open": options.child = .open(directory: URL(fileURLWithPath: try value(argument)))
            case "--child-sqlite-open": options.child = .sqliteOpen(path: try value(argument))
            case "--child-read": options.child = .read(directory: URL(fileURLWithPath: try value(argument)))
            case "--child-open-snapshot": options.child = .openFromSnapshot(directory: URL(fileURLWithPath: try value(argument)))
            case "--child-open-log-snapshot": options.child = .openLogFromSnapshot(directory: URL(fileURLWithPath: try value(argument)))
            case "--help", "-h": throw UsageError(nil)
            default: throw UsageError("unknown argument \(argument)")
            }
        }
        if options.smoke { options.sizes = [200] }
        if options.large, !options.sizes.contains(200_000) { options.sizes.append(200_000) }
        return options
    }
}

struct UsageError: Error {
    var message: String?
    init(_ message: String?) { self.message = message }
}
