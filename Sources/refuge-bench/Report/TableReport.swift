/// The human-readable table: one line per figure, ours beside SQLite's and the bare baseline's.
struct TableReport {
    let figures: [Figure]

    func render() -> String {
        let header = ["figure", "size", "unit", "median", "p99", "runs", "SQLite", "ratio", "bare", "ratio", "target", "met"]
        let rows = figures.map { figure -> [String] in
            [figure.title,
             figure.size.map(String.init) ?? "",
             figure.unit.rawValue,
             Figure.format(figure.median),
             figure.p99.map(Figure.format) ?? "",
             String(figure.runs),
             figure.peer.map(Figure.format) ?? "",
             figure.peerRatio.map { Figure.format($0) + "x" } ?? "",
             figure.baseline.map(Figure.format) ?? "",
             figure.baselineRatio.map { Figure.format($0) + "x" } ?? "",
             figure.targets.map(\.label).joined(separator: ", "),
             figure.targetsMet.map { $0 ? "yes" : "NO" } ?? ""]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column >= 10 ? cell + pad : pad + cell  // numbers right-aligned
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
