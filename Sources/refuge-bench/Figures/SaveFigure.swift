import CaseModel
import Foundation
import RefugeApp

/// Figure 4: an intake save (`CaseBook.openCase`: two events in one durable batch) and an edit
/// save (`updateCase`: one event), encoding and folding included, beside a bare write+fdatasync of
/// the bytes each save added to the log, and beside SQLite committing the same case row and events.
enum SaveFigure {
    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let count = suite.options.saveCount
        let directory = suite.workspace.onDisk("saves")
        let book = try CaseBook.create(at: directory, organisation: "Bench", user: CaseloadFixture.user,
                                       passphrase: CaseloadFixture.passphrase, kdf: .fastForTests)
        defer { book.close() }
        let logPath = directory.appendingPathComponent(CaseloadFixture.logFileName).path
        let templates = Array(fixture.store.records.prefix(count))
        var intake = Samples(), intakeBytes = Samples(), ids: [CaseID] = []
        for index in 0..<count {
            let before = fileSize(logPath)
            let (id, seconds) = try Stopwatch.time { try book.openCase(values: templates[index % templates.count].values) }
            intake.add(seconds)
            intakeBytes.add(Double(fileSize(logPath) - before))
            ids.append(id)
        }
        var edit = Samples(), editBytes = Samples()
        for (index, id) in ids.enumerated() {
            var values = book.store[id]!.values
            values[.alias] = .text("Alias \(index)")
            let before = fileSize(logPath)
            edit.add(try Stopwatch.seconds { try book.updateCase(id, to: values) })
            editBytes.add(Double(fileSize(logPath) - before))
        }
        let (peerIntake, peerEdit) = try measurePeer(templates: templates, count: count, suite: suite)
        let bareIntake = BareWrite.samples(bytes: Int(intakeBytes.median), count: count, in: suite.workspace.disk)
        let bareEdit = BareWrite.samples(bytes: Int(editBytes.median), count: count, in: suite.workspace.disk)
        suite.note("save_intake_frame_bytes", intakeBytes.median)
        suite.note("save_edit_frame_bytes", editBytes.median)
        suite.add(Figure("save_intake", "save: intake (append+sync)", unit: .milliseconds, samples: intake.scaled(by: 1000),
                         peer: peerIntake.scaled(by: 1000), baseline: bareIntake.scaled(by: 1000),
                         targets: [.baselineRatioAtMost(1.2), .peerRatioAtMost(1)]))
        suite.add(Figure("save_edit", "save: edit (append+sync)", unit: .milliseconds, samples: edit.scaled(by: 1000),
                         peer: peerEdit.scaled(by: 1000), baseline: bareEdit.scaled(by: 1000),
                         targets: [.baselineRatioAtMost(1.2), .peerRatioAtMost(1)]))
    }

    /// SQLite committing the same intakes and edits, one synced transaction per save.
    private static func measurePeer(templates: [CaseRecord], count: Int, suite: Suite) throws -> (Samples, Samples) {
        let peer = try SQLitePeer.create(at: suite.workspace.onDisk("saves.sqlite").path)
        var factory = EventFactory(author: CaseloadFixture.user, device: .random())
        var store = CaseStore()
        var intake = Samples(), edit = Samples(), ids: [CaseID] = []
        for index in 0..<count {
            let events = factory.openCase(values: templates[index % templates.count].values, openedOn: ValidationContext.current().today)
            for event in events { store.apply(event) }  // the row a developer would build from the form
            let id = events[0].body.caseID!
            intake.add(try Stopwatch.seconds { try peer.saveIntake(store[id]!, events: events) })
            ids.append(id)
        }
        for (index, id) in ids.enumerated() {
            var values = store[id]!.values
            values[.alias] = .text("Alias \(index)")
            guard let event = factory.setFields(of: id, from: store[id]!.values, to: values) else { continue }
            store.apply(event)
            edit.add(try Stopwatch.seconds { try peer.saveEdit(store[id]!, event: event) })
        }
        return (intake, edit)
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
