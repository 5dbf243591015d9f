import CaseModel
import Foundation
import RefugeApp

/// Figure 4: an intake save (`CaseBook.openCase`: two events in one durable batch) and an edit
/// save (`updateCase`: one event), encoding and folding included, beside a bare write+fdatasync of
/// the bytes each save adds to the log, and beside SQLite committing the same case row and events
/// in one synced transaction. The three take turns save by save, so disk noise hits all alike.
enum SaveFigure {
    static func measure(_ fixture: CaseloadFixture, _ suite: Suite) throws {
        let count = suite.options.saveCount
        let directory = suite.workspace.onDisk("saves")
        let book = try CaseBook.create(at: directory, organisation: "Bench", user: CaseloadFixture.user,
                                       passphrase: CaseloadFixture.passphrase, kdf: .fastForTests)
        defer { book.close() }
        let templates = Array(fixture.store.records.prefix(count))
        let peer = try SQLitePeer.create(at: suite.workspace.onDisk("saves.sqlite").path)
        var factory = EventFactory(author: CaseloadFixture.user, device: .random())
        var peerStore = CaseStore(keepsHistory: false)

        // The first save of each kind sizes the bare writes; intake frames vary a little with the
        // answers (padding to 64 bytes), edit frames hardly at all.
        var bareIntake: BareWrite?
        var intake = Samples(), intakeBare = Samples(), intakePeer = Samples(), ids: [CaseID] = []
        for index in 0..<count {
            let values = templates[index % templates.count].values
            let before = book.log.committedBytes
            let (id, seconds) = try Stopwatch.time { try book.openCase(values: values) }
            intake.add(seconds)
            ids.append(id)
            if bareIntake == nil {
                let bytes = Int(book.log.committedBytes - before)
                suite.note("save_intake_frame_bytes", Double(bytes))
                bareIntake = BareWrite(bytes: bytes, in: suite.workspace.disk)
            }
            intakeBare.add(bareIntake!.measureOnce())

            let events = factory.openCase(values: values, openedOn: ValidationContext.current().today)
            for event in events { peerStore.apply(event) }  // the row a developer builds from the form
            let peerID = events[0].body.caseID!
            intakePeer.add(try Stopwatch.seconds { try peer.saveIntake(peerStore[peerID]!, events: events) })
        }

        var bareEdit: BareWrite?
        var edit = Samples(), editBare = Samples(), editPeer = Samples()
        let peerIDs = peerStore.records.map(\.id)
        for (index, id) in ids.enumerated() {
            var values = book.store[id]!.values
            values[.alias] = .text("Alias \(index)")
            let before = book.log.committedBytes
            edit.add(try Stopwatch.seconds { try book.updateCase(id, to: values) })
            if bareEdit == nil {
                let bytes = Int(book.log.committedBytes - before)
                suite.note("save_edit_frame_bytes", Double(bytes))
                bareEdit = BareWrite(bytes: bytes, in: suite.workspace.disk)
            }
            editBare.add(bareEdit!.measureOnce())

            let peerID = peerIDs[index]
            var peerValues = peerStore[peerID]!.values
            peerValues[.alias] = .text("Alias \(index)")
            guard let event = factory.setFields(of: peerID, from: peerStore[peerID]!.values, to: peerValues) else { continue }
            peerStore.apply(event)
            editPeer.add(try Stopwatch.seconds { try peer.saveEdit(peerStore[peerID]!, event: event) })
        }
        suite.add(Figure("save_intake", "save: intake (append+sync)", unit: .milliseconds, samples: intake.scaled(by: 1000),
                         peer: intakePeer.scaled(by: 1000), baseline: intakeBare.scaled(by: 1000),
                         targets: [.baselineRatioAtMost(1.2), .peerRatioAtMost(1)]))
        suite.add(Figure("save_edit", "save: edit (append+sync)", unit: .milliseconds, samples: edit.scaled(by: 1000),
                         peer: editPeer.scaled(by: 1000), baseline: editBare.scaled(by: 1000),
                         targets: [.baselineRatioAtMost(1.2), .peerRatioAtMost(1)]))
    }
}
