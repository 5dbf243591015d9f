import Foundation

/// One benchmark run: the options, the scratch space, and the figures gathered so far. Progress
/// goes to standard error so that standard output holds only the table and the JSON line.
final class Suite {
    let options: Options
    let workspace: Workspace
    let machine = Machine.current()
    private(set) var figures: [Figure] = []
    /// Set-up facts that are not figures (fixture generation times, sizes), for the JSON line.
    private(set) var notes: [String: Double] = [:]

    init(options: Options) throws {
        self.options = options
        workspace = try Workspace(base: options.directory)
    }

    func add(_ figure: Figure) { figures.append(figure) }
    func note(_ key: String, _ value: Double) { notes[key] = value }

    func progress(_ message: String) {
        FileHandle.standardError.write(Data("refuge-bench: \(message)\n".utf8))
    }

    /// The 10k-case target for sizes up to 10,000 and the 200k-case target above (issue 7).
    func target(size: Int, small: Double, large: Double) -> Double { size <= 10_000 ? small : large }
}
