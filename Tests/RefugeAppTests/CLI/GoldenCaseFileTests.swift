import CaseModel
import EventLog
import Foundation
import RefugeApp
import RefugeTestSupport
import Testing

/// Every case file format Refuge ever released still opens: each folder in
/// Tests/Fixtures/GoldenCaseFiles was written once by that release (see its README and
/// scripts/make-golden-case-file.sh) and is never regenerated. The current code must open a copy,
/// find it intact and show exactly the data it showed then.
@Suite("golden case files of every released format")
struct GoldenCaseFileTests {
    static let folders = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/GoldenCaseFiles")
    static let user = "demo"
    static let passphrase = "demo-passphrase"

    static var formats: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folders.path)) ?? [])
            .filter { $0.hasPrefix("format-") }.sorted()
    }

    @Test func everyReleasedFormatHasAGoldenFolder() {
        #expect(Self.formats.contains("format-1"))
    }

    @Test(arguments: formats)
    func opensVerifiesAndShowsTheSameStatistics(format: String) throws {
        let copy = try GoldenCopy(format)
        let verify = try copy.run(["verify"])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
        #expect(verify.output.contains("status: intact"), "\(verify.output)")

        let stats = try copy.run(["stats", "--format", "json", "--min-cell", "1"])
        #expect(stats.status == 0, "\(stats.errors)")
        try expectTheSameStatistics(stats.output, as: copy)
    }

    /// The first open for writing moves a case file of one log into the shared layout (several
    /// laptops): the log is renamed, not rewritten; the device-local files move to the state
    /// directory; `events.log` becomes a marker that a Refuge of one log refuses as newer; and
    /// the statistics and history stay exactly what that release showed.
    @Test(arguments: formats)
    func theFirstWritableOpenMovesItIntoTheSharedLayoutWithNothingLost(format: String) throws {
        let copy = try GoldenCopy(format)
        let files = { (url: URL) in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
        let log = try Data(contentsOf: copy.data.appendingPathComponent("events.log"))
        let sealed = files(copy.data).filter { $0.hasSuffix(".sealed") }

        let book = try CaseBook.open(at: copy.data, state: copy.state, user: Self.user, passphrase: Self.passphrase)
        let history = try book.history(of: #require(book.store.records.first).id)
        book.close()

        let deviceLogs = files(copy.data).filter { $0.hasPrefix("events-") && $0.hasSuffix(".log") }
        #expect(deviceLogs.count == 1)
        #expect(Set(files(copy.data)) == Set(["keys", "events.log"] + deviceLogs), "\(files(copy.data))")
        let moved = try Data(contentsOf: copy.data.appendingPathComponent(try #require(deviceLogs.first)))
        // Up to its last record: the reserved zeros after it take the next appends.
        let end = (log.lastIndex { $0 != 0 } ?? 0) + 1
        #expect(moved.prefix(end) == log.prefix(end), "the log is renamed, its records kept")
        let marker = try Data(contentsOf: copy.data.appendingPathComponent("events.log"))
        #expect(marker.count == 48 && marker[8] == 2 && marker[9] == 0, "a marker a Refuge of one log refuses as newer")
        #expect(Set(sealed).isSubset(of: Set(files(copy.state))), "\(files(copy.state))")

        let verify = try copy.run(["verify"])
        #expect(verify.status == 0 && verify.output.contains("status: intact"), "\(verify.output)\(verify.errors)")
        let stats = try copy.run(["stats", "--format", "json", "--min-cell", "1"])
        try expectTheSameStatistics(stats.output, as: copy)
        let reopened = try CaseBook.open(at: copy.data, state: copy.state, user: Self.user, passphrase: Self.passphrase, mode: .readOnly)
        defer { reopened.close() }
        #expect(try reopened.history(of: #require(reopened.store.records.first).id) == history)
    }

    /// The case with the longest history, entry by entry: who changed what, when, from what to what.
    @Test(arguments: formats)
    func showsTheSameHistory(format: String) throws {
        let copy = try GoldenCopy(format)
        let book = try CaseBook.open(at: copy.data, user: Self.user, passphrase: Self.passphrase, mode: .readOnly)
        defer { book.close() }
        let record = try #require(book.store.records.max { a, b in
            (book.store.eventReferences(of: a.id).count, b.number) < (book.store.eventReferences(of: b.id).count, a.number)
        })
        let history = try book.history(of: record.id)
        // Module names are left out: moving a type to another module changes no data.
        let text = (["case \(record.number)"] + history.map { "\($0.time) \($0.author) \($0.change)" })
            .joined(separator: "\n").replacingOccurrences(of: "CaseModel.", with: "") + "\n"
        let expectedFile = copy.golden.appendingPathComponent("history.txt")
        // scripts/make-golden-case-file.sh sets this once, when a new golden folder is made.
        if ProcessInfo.processInfo.environment["REFUGE_GOLDEN_RECORD"] == "1",
           !FileManager.default.fileExists(atPath: expectedFile.path) {
            try Data(text.utf8).write(to: expectedFile)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(text == expected)
        #expect(book.store.unrecognised.isEmpty)
    }

    /// A file written by a newer format is refused with a message that says to upgrade, and is
    /// left exactly as it was (tested by raising the version number of today's files to 9, a
    /// version no Refuge has written yet).
    @Test(arguments: [("events.log", 8), ("keys", 8), ("device.sealed", 8)])
    func aNewerFormatIsRefusedAndLeftUnchanged(file: String, versionOffset: Int) throws {
        let copy = try GoldenCopy("format-1")
        let path = copy.data.appendingPathComponent(file)
        var bytes = try Data(contentsOf: path)
        bytes[versionOffset] = 0x09
        bytes[versionOffset + 1] = 0x00
        try bytes.write(to: path)
        let before = try DirectorySnapshot(copy.data)

        for arguments in [["stats"], ["export", "--identifiable", "-o", copy.root.appendingPathComponent("out.csv").path]] {
            let result = try copy.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.errors)")
            #expect(result.errors.contains("was made by a newer Refuge (file format version 9); upgrade Refuge"),
                    "\(arguments): \(result.errors)")
            var after = try DirectorySnapshot(copy.data)
            after.entries["lock"] = before.entries["lock"]  // the writer lock, emptied again on release
            #expect(after == before, "\(arguments) changed the case file")
        }
    }
}

/// The statistics a golden case file showed when it was written, figure by figure; figures added
/// since are what that file implies: every person then had one exploitation episode (issue 15).
private func expectTheSameStatistics(_ output: String, as copy: GoldenCopy) throws {
    let expected = try Data(contentsOf: copy.golden.appendingPathComponent("stats-min-cell-1.json"))
    let then = try #require(try JSONSerialization.jsonObject(with: expected) as? [String: Any])
    let now = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    /// A value as canonical JSON text, to compare two parsed values.
    func json(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) else { return "absent" }
        return String(decoding: data, as: UTF8.self)
    }
    for (key, value) in then { #expect(json(now[key]) == json(value), "\(key)") }
    let added = Set(now.keys).subtracting(then.keys)
    #expect(added.isSubset(of: ["episodes", "byExploitationOfEpisodes"]), "\(added)")
    if added.contains("episodes") { #expect(json(now["episodes"]) == json(then["total"])) }
    if added.contains("byExploitationOfEpisodes") { #expect(json(now["byExploitationOfEpisodes"]) == json(then["byExploitation"])) }
}

/// A golden folder's case file copied to a temporary directory (opening may write to it), and the
/// real binary run against the copy as the golden file's user.
private final class GoldenCopy {
    let golden: URL
    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    /// This computer's own files for it (`--state`).
    var state: URL { root.appendingPathComponent("state") }

    init(_ format: String) throws {
        golden = GoldenCaseFileTests.folders.appendingPathComponent(format)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: golden.appendingPathComponent("data"), to: data)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func run(_ arguments: [String]) throws -> Subprocess.Result {
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.path, "LANG": "C.UTF-8",
            "REFUGE_USER": GoldenCaseFileTests.user, "REFUGE_PASSPHRASE": GoldenCaseFileTests.passphrase,
        ]
        return try Subprocess.run(["setsid", "-w", BuiltProducts.refuge.path] + arguments
                                  + ["--data", data.path, "--state", state.path],
                                  environment: environment, separateErrors: true)
    }
}
