import PropertyBased
import Testing
@testable import CaseModel

/// A field edited on two laptops apart is one conflict with both values, who set each, on which
/// laptop and when; the value chosen (a `conflictResolved` event) ends it the same way on every
/// laptop, whatever order the events arrive in (docs/sync.md, "Conflicts").
@Suite struct ConflictResolutionTests {
    static let a = DeviceID(high: 9, low: 1)
    static let b = DeviceID(high: 9, low: 2)
    static let names = ["Ахметова", "Akhmetova", "Ахметова-Серікқызы", "Ким", "Li"]

    /// A case opened on A and carried to B; then A and B each edit the family name apart (values
    /// from `first` and `second`); then, after both logs are carried, `resolver` chooses `choice`.
    static func script(first: Int, second: Int, resolver: Int, choice: Int) -> (a: [Event], b: [Event], caseID: CaseID) {
        var onA = EventFactory(author: "anna", device: a, seed: 1, wallMillis: { 1_750_000_000_000 })
        let caseID: CaseID = onA.nextID()
        let opening = onA.openCase(values: [.familyName: .text("Ахметова"), .gender: .code("female")],
                                   openedOn: CalendarDate(year: 2026, month: 3, day: 1)!, caseID: caseID)
        var onB = EventFactory(author: "bota", device: b, clock: onA.clock, seed: 2, wallMillis: { 1_750_000_000_005 })
        let base: [FieldKey: FieldValue] = [.familyName: .text("Ахметова"), .gender: .code("female")]
        var logA = opening, logB: [Event] = []
        if let edit = onA.setFields(of: caseID, from: base, to: base.merging([.familyName: .text(names[first])]) { $1 }) { logA.append(edit) }
        if let edit = onB.setFields(of: caseID, from: base, to: base.merging([.familyName: .text(names[second])]) { $1 }) { logB.append(edit) }
        let merged = CaseStore.replay(logA + logB)
        let held = merged[caseID]?.values[.familyName]
        let chosen: FieldValue? = .text(names[choice])
        if resolver == 0 {
            onA = EventFactory(author: "anna", device: a, clock: HybridLogicalClock(latest: merged.lastMergeKey!.time), seed: 3,
                               wallMillis: { 1_750_000_000_010 })
            logA.append(onA.make(.conflictResolved(caseID: caseID, change: FieldChange(key: .familyName, old: held, new: chosen))))
        } else {
            onB = EventFactory(author: "bota", device: b, clock: HybridLogicalClock(latest: merged.lastMergeKey!.time), seed: 4,
                               wallMillis: { 1_750_000_000_010 })
            logB.append(onB.make(.conflictResolved(caseID: caseID, change: FieldChange(key: .familyName, old: held, new: chosen))))
        }
        return (logA, logB, caseID)
    }

    @Test func theSameFieldEditedApartIsOneConflictWithBothValuesAndWhoSetThem() throws {
        var onA = EventFactory(author: "anna", device: Self.a, seed: 1, wallMillis: { 1_750_000_000_000 })
        let caseID: CaseID = onA.nextID()
        let base: [FieldKey: FieldValue] = [.familyName: .text("Ахметова")]
        let opening = onA.openCase(values: base, openedOn: CalendarDate(year: 2026, month: 3, day: 1)!, caseID: caseID)
        var onB = EventFactory(author: "bota", device: Self.b, clock: onA.clock, seed: 2, wallMillis: { 1_750_000_000_005 })
        let madeOnA = onA.setFields(of: caseID, from: base, to: [.familyName: .text("Ахметова-2")])
        let madeOnB = onB.setFields(of: caseID, from: base, to: [.familyName: .text("Akhmetova")])
        let editA = try #require(madeOnA), editB = try #require(madeOnB)
        let store = CaseStore.replay(opening + [editB, editA])
        let record = try #require(store[caseID])
        let conflicts = FieldConflicts.of(record, history: store.history(of: caseID))
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect(conflict.key == .familyName)
        #expect(conflict.edits.map(\.value) == [.text("Ахметова-2"), .text("Akhmetova")])
        #expect(conflict.edits.map(\.author) == ["anna", "bota"])
        #expect(conflict.edits.map(\.device) == [Self.a, Self.b])
        #expect(conflict.edits.map(\.time) == [editA.time, editB.time])
        #expect(record.values[.familyName] == .text("Akhmetova"), "the later edit in clock order is shown meanwhile")
    }

    @Test func bothLaptopsArrivingAtTheSameValueIsNoConflict() {
        let (logA, logB, caseID) = Self.script(first: 2, second: 2, resolver: 0, choice: 2)
        let store = CaseStore.replay(logA.dropLast() + logB)
        #expect(store[caseID]?.conflictingFields == [])
    }

    @Test func theChoiceIsAnEventThatEndsTheConflictWithTheChosenValue() throws {
        let (logA, logB, caseID) = Self.script(first: 1, second: 2, resolver: 1, choice: 1)
        let before = CaseStore.replay(logA + logB.dropLast())
        #expect(before[caseID]?.conflictingFields == [.familyName])
        let after = CaseStore.replay(logA + logB)
        #expect(after[caseID]?.conflictingFields == [])
        #expect(after[caseID]?.values[.familyName] == .text("Akhmetova"))
        let record = try #require(after[caseID])
        #expect(FieldConflicts.of(record, history: after.history(of: caseID)).isEmpty)
        guard case .conflictResolved(let change)? = after.history(of: caseID).last?.change else {
            Issue.record("the choice is in the history")
            return
        }
        #expect(change.new == .text("Akhmetova"))
    }

    /// A choice made on one laptop while a third edit of the same field is made apart on another
    /// is a conflict again: nothing is decided silently.
    @Test func anEditTheChoiceDidNotSeeIsAConflictAgain() throws {
        let (logA, logB, caseID) = Self.script(first: 1, second: 2, resolver: 0, choice: 3)
        var onB = EventFactory(author: "bota", device: Self.b, clock: HybridLogicalClock(latest: logB.last!.time), seed: 9,
                               wallMillis: { 1_750_000_000_011 })
        let late = onB.make(.fieldsSet(caseID: caseID, changes: [FieldChange(key: .familyName, old: .text(Self.names[2]), new: .text("Li"))]))
        let store = CaseStore.replay(logA + logB + [late])
        #expect(store[caseID]?.conflictingFields == [.familyName])
    }

    /// Property: whoever resolves, whatever they choose and whatever order the two logs are
    /// delivered in, both laptops end with the chosen value and no conflict, the same state.
    @Test func everyLaptopEndsWithTheChosenValueAndNoConflict() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...4), Gen.int(in: 0...4), Gen.int(in: 0...1), Gen.int(in: 0...4),
                            Gen.int(in: 0...1_000).array(of: 0...20)) { first, second, resolver, choice, order in
            let (logA, logB, caseID) = Self.script(first: first, second: second, resolver: resolver, choice: choice)
            var shuffled = logA + logB
            for (index, key) in order.enumerated() where !shuffled.isEmpty {
                shuffled.swapAt(index % shuffled.count, key % shuffled.count)
            }
            let onA = CaseStore.replay(logA + logB), onB = CaseStore.replay(shuffled)
            #expect(onA.records == onB.records)
            #expect(onA.history(of: caseID) == onB.history(of: caseID))
            #expect(onA[caseID]?.values[.familyName] == .text(Self.names[choice]))
            #expect(onA[caseID]?.conflictingFields == [])
        }
    }
}
