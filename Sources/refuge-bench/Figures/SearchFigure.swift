import CaseModel

/// Figure 2: updating the filtered list after each keystroke of a 6-letter name, in Cyrillic and
/// in Latin. "Full" searches every case on each keystroke (what Backspace or a pasted query
/// costs); "narrowing" searches only the previous result while the query grows, as the list does.
/// SQLite runs `LIKE '%query%'` on a folded name column per keystroke.
enum SearchFigure {
    static let queries = [("cyrillic", "Мадина"), ("latin", "Zarina")]

    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let index = fixture.store.searchIndex
        let peer = try SQLitePeer.open(at: fixture.databasePath)
        let runs = suite.options.searchRuns(size: fixture.size)
        let limit = suite.target(size: fixture.size, small: 5, large: 30)
        var narrowing = Samples()
        for (script, query) in queries {
            let prefixes = (1...query.count).map { String(query.prefix($0)) }
            var full = Samples(), sqlite = Samples()
            for _ in 0..<runs {
                var previous: [Int]?
                for prefix in prefixes {
                    full.add(Stopwatch.seconds { _ = index.search(prefix) })
                    let (result, seconds) = Stopwatch.time { index.search(prefix, among: previous) }
                    narrowing.add(seconds)
                    previous = result
                    sqlite.add(try Stopwatch.seconds { _ = try peer.search(prefix) })
                }
            }
            precondition(!index.search(query).isEmpty, "\(query) should match some synthetic cases")
            suite.add(Figure("search_keystroke_\(script)", "search keystroke, \(script), full", size: fixture.size,
                             unit: .milliseconds, samples: full.scaled(by: 1000), peer: sqlite.scaled(by: 1000),
                             targets: [.atMost(limit)]))
        }
        suite.add(Figure("search_keystroke_narrowing", "search keystroke, narrowing", size: fixture.size,
                         unit: .milliseconds, samples: narrowing.scaled(by: 1000), targets: [.atMost(limit)]))
    }
}
