import Foundation
import Testing

/// Runs the built `refuge-bench --smoke` so the benchmark never rots: it must run to the end and
/// print a well-formed JSON line with every figure present and positive. Speed is never checked
/// here (this is a debug build on a shared machine); docs/performance.md holds the real numbers.
@Suite struct BenchmarkSmokeTests {
    /// Every figure the suite reports, by key.
    static let expectedKeys: Set<String> = [
        "kdf_unlock", "append_300", "append_300_reserved", "read_records_per_second", "read_mib_per_second",
        "read_open_scan", "read_peak_memory", "cold_open", "cold_open_log", "cold_open_decode", "cold_open_replay",
        "peak_memory", "search_keystroke_cyrillic", "search_keystroke_latin", "search_keystroke_narrowing",
        "frame_80x24", "frame_200x60", "frame_page_down_80x24", "frame_page_down_200x60", "save_intake", "save_edit", "import_csv", "import_csv_parse",
        "import_csv_append", "bytes_typed_character", "bytes_search_character", "bytes_page_down", "bytes_open_case",
        "open_snapshot", "background_verify", "case_file_open", "peak_memory_snapshot", "peak_memory_snapshot_log", "open_snapshot_1000_new",
        "open_snapshot_1000_edits", "agenda_signin",
        "search_burst", "search_burst_frames", "bytes_search_burst",
    ]

    /// Figures that must carry SQLite's number beside ours.
    static let comparedWithSQLite: Set<String> = [
        "append_300", "cold_open", "peak_memory", "search_keystroke_cyrillic", "search_keystroke_latin",
        "save_intake", "save_edit", "open_snapshot", "open_snapshot_1000_new", "open_snapshot_1000_edits", "peak_memory_snapshot",
    ]

    @Test func smokeRunPrintsEveryFigure() throws {
        let output = try BenchmarkRunner.run(["--smoke"])
        #expect(output.status == 0, "refuge-bench --smoke failed:\n\(output.progress)\n\(output.text)")
        let lastLine = try #require(output.text.split(separator: "\n").last, "no output")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any],
                                  "the last line is not a JSON object: \(lastLine)")
        #expect(object["mode"] as? String == "smoke")
        let machine = try #require(object["machine"] as? [String: Any])
        #expect((machine["cpus"] as? Int ?? 0) > 0)
        let figures = try #require(object["figures"] as? [[String: Any]])

        let keys = Set(figures.compactMap { $0["key"] as? String })
        #expect(keys == Self.expectedKeys, "missing: \(Self.expectedKeys.subtracting(keys)), unexpected: \(keys.subtracting(Self.expectedKeys))")
        for figure in figures {
            let key = figure["key"] as? String ?? "?"
            #expect(figure["unit"] is String, "\(key) has no unit")
            for field in ["median", "p99", "sqlite", "sqlite_ratio", "bare", "bare_ratio"] where figure[field] != nil {
                let value = (figure[field] as? NSNumber)?.doubleValue ?? -1
                #expect(value > 0 && value.isFinite, "\(key).\(field) is \(value)")
            }
            #expect(figure["median"] != nil, "\(key) has no median")
            if Self.comparedWithSQLite.contains(key) {
                #expect(figure["sqlite"] != nil, "\(key) has no SQLite figure")
            }
        }
    }
}
