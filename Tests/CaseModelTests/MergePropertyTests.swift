import PropertyBased
import Testing
@testable import CaseModel

/// Several laptops, one caseload: every device replays the union of all devices' events, in
/// whatever order and grouping they arrived, and must compute the same state (docs/sync.md).
/// The events come from random scripts of three devices opening and editing cases.
@Suite struct MergePropertyTests {
    /// One step of a script, decoded from a random number: which device, what it does, to what.
    struct Step {
        let device: Int
        let action: Int
        let target: Int
        let value: Int

        init(_ code: Int) {
            device = code % 3
            action = (code / 3) % 4
            target = (code / 12) % 7
            value = (code / 84) % 5
        }
    }

    static let devices = [DeviceID(high: 7, low: 1), DeviceID(high: 7, low: 2), DeviceID(high: 7, low: 3)]
    static let names = ["Ахметова", "Ivanova", "Сейтқали", "Nurlanova", "Ким"]
    static let genders = ["female", "male", "female", "other", "male"]

    /// Each device's events, in the order it wrote them (its log). A device sees the others'
    /// earlier events before it writes (they were carried to it), so its clock runs after theirs;
    /// its wall clock is a little off from the others'.
    static func logs(_ codes: [Int]) -> [[Event]] {
        var factories = devices.enumerated().map { index, device in
            EventFactory(author: "user\(index)", device: device, seed: UInt64(index + 1), wallMillis: { 0 })
        }
        var logs: [[Event]] = [[], [], []]
        var cases: [CaseID] = []
        var openedBy = [0, 0, 0]
        var values: [CaseID: [FieldKey: FieldValue]] = [:]
        for (index, step) in codes.map(Step.init).enumerated() {
            let millis = UInt64(1_750_000_000_000 + index * 10 + step.device * 3)
            var factory = factories[step.device]
            factory = EventFactory(author: factory.author, device: factory.device, clock: factory.clock,
                                   seed: UInt64(index * 3 + step.device + 1), wallMillis: { millis })
            var events: [Event] = []
            if step.action == 0 || cases.isEmpty {
                let caseID: CaseID = factory.nextID()
                let person: [FieldKey: FieldValue] = [.familyName: .text(names[step.value]), .gender: .code(genders[step.value]),
                                                      .intakeDate: .date(CalendarDate(year: 2026, month: 3, day: 1 + step.target)!)]
                events = factory.openCase(values: person, openedOn: CalendarDate(year: 2026, month: 3, day: 1)!, caseID: caseID,
                                          number: CaseNumber(year: 2026, sequence: openedBy[step.device] + 1))
                openedBy[step.device] += 1  // each laptop counts its own: numbers collide, and the rule decides
                cases.append(caseID)
                values[caseID] = person
            } else {
                let caseID = cases[step.target % cases.count]
                var new = values[caseID] ?? [:]
                switch step.action {
                case 1: new[.familyName] = .text(names[step.value])
                case 2: new[.gender] = .code(genders[step.value])
                default:
                    events = [factory.make(.statusChanged(caseID: caseID, status: step.value % 2 == 0 ? .active : .closed,
                                                          reason: "r\(step.value)"))]
                }
                if let event = factory.setFields(of: caseID, from: values[caseID] ?? [:], to: new) { events.append(event) }
                values[caseID] = new
            }
            logs[step.device] += events
            factories[step.device] = factory
        }
        return logs
    }

    /// Everything a screen, a history or the statistics could show, compared whole.
    struct State: Equatable {
        let records: [CaseRecord]
        let histories: [[HistoryEntry]]
        let users: [String: UserAccount]
        let orphans: [Event]
        let eventCount: Int

        init(_ events: [Event]) {
            let store = CaseStore.replay(events)
            records = Array(store.records)
            histories = store.records.map { store.history(of: $0.id) }
            users = store.users
            orphans = store.orphans
            eventCount = store.eventCount
        }
    }

    /// `events` reordered by `keys` (one random key per event; ties keep their order).
    static func shuffled(_ events: [Event], by keys: [Int]) -> [Event] {
        zip(events, keys + Array(repeating: 0, count: max(0, events.count - keys.count)))
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
    }

    static let script = Gen.int(in: 0...10_000).array(of: 1...40)
    static let order = Gen.int(in: 0...1_000).array(of: 0...120)

    @Test func anyDeliveryOrderGivesTheSameState() async {
        await propertyCheck(count: 60, input: Self.script, Self.order) { codes, keys in
            let all = Self.logs(codes).flatMap { $0 }
            #expect(State(Self.shuffled(all, by: keys)) == State(all))
        }
    }

    @Test func anyGroupingOfTheDevicesLogsGivesTheSameState() async {
        await propertyCheck(count: 60, input: Self.script, Gen.int(in: 0...5)) { codes, grouping in
            let logs = Self.logs(codes)
            // (A ∪ B) ∪ C against A ∪ (B ∪ C), each log arriving whole, in one of the six orders.
            let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]][grouping]
            let left = (logs[orders[0]] + logs[orders[1]]) + logs[orders[2]]
            let right = logs[orders[0]] + (logs[orders[1]] + logs[orders[2]])
            #expect(State(left) == State(right))
            #expect(State(left) == State(logs.flatMap { $0 }))
        }
    }

    @Test func eventsDeliveredTwiceChangeNothing() async {
        await propertyCheck(count: 60, input: Self.script, Self.order) { codes, keys in
            let all = Self.logs(codes).flatMap { $0 }
            // A log copied twice into the folder, or read again after it grew: some events come twice.
            let again = all.enumerated().filter { index, _ in keys.indices.contains(index) && keys[index] % 2 == 0 }.map(\.element)
            #expect(State(Self.shuffled(all + again, by: keys + keys)) == State(all))
        }
    }

    @Test func eachDeviceComputesTheSameStateOnceItHasEveryLog() async {
        await propertyCheck(count: 40, input: Self.script) { codes in
            let logs = Self.logs(codes)
            // Each device reads its own log first, then the others' in folder order.
            let seen = (0..<3).map { own in logs[own] + logs.indices.filter { $0 != own }.flatMap { logs[$0] } }
            #expect(State(seen[0]) == State(seen[1]))
            #expect(State(seen[1]) == State(seen[2]))
        }
    }

    // MARK: - Revoked laptops

    /// The devices' logs as records (log name, sequence from 1), with revocations written into
    /// the revokers' logs by `revokes`: each code picks a revoker, a revoked device, where in the
    /// revoker's log the revocation goes, and how far into the revoked log it had seen.
    static func records(_ codes: [Int], revokes: [Int]) -> [Revocations.Record] {
        var logs = Self.logs(codes)
        for (number, code) in revokes.enumerated() {
            let revoker = code % 3, target = (code / 3) % 3
            let position = (code / 9) % (logs[revoker].count + 1)
            let cut = UInt64((code / 97) % (logs[target].count + 1))
            let time = position > 0 ? logs[revoker][position - 1].time : HLCTimestamp(wallMillis: 1_750_000_000_000)
            let event = Event(id: EventID(high: 99, low: UInt64(number)), author: "user\(revoker)",
                              time: HLCTimestamp(wallMillis: time.wallMillis, counter: time.counter + 1), device: devices[revoker],
                              body: .deviceRevoked(device: devices[target], log: "log\(target)", lastSequence: cut, reason: "lost"))
            logs[revoker].insert(event, at: position)
        }
        return logs.enumerated().flatMap { index, log in
            log.enumerated().map { Revocations.Record(event: $1, log: "log\(index)", sequence: UInt64($0 + 1)) }
        }
    }

    /// What a laptop computes from the records it holds: the revocations' rule, then replay.
    static func revokedState(_ records: [Revocations.Record]) -> (State, [String: UInt64]) {
        let rule = Revocations(of: records)
        return (State(records.filter { rule.applies($0.log, $0.sequence) }.map(\.event)), rule.cuts)
    }

    static let revocations = Gen.int(in: 0...100_000).array(of: 0...3)

    @Test func revocationsGiveTheSameStateInAnyOrderAndGroupingAndTwice() async {
        await propertyCheck(count: 60, input: Self.script, Self.revocations, Self.order) { codes, revokes, keys in
            let records = Self.records(codes, revokes: revokes)
            let reference = Self.revokedState(records)
            let shuffled = zip(records, keys + Array(repeating: 0, count: max(0, records.count - keys.count)))
                .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
            let again = records.enumerated().filter { index, _ in keys.indices.contains(index) && keys[index] % 2 == 0 }.map(\.element)
            for variant in [shuffled, records.reversed(), shuffled + again] {
                let (state, cuts) = Self.revokedState(Array(variant))
                #expect(state == reference.0)
                #expect(cuts == reference.1)
            }
        }
    }

    @Test func aRevokedLogKeepsWhatWasSeenAndAppliesNothingAfter() async {
        await propertyCheck(count: 40, input: Self.script, Self.revocations) { codes, revokes in
            let records = Self.records(codes, revokes: revokes)
            let rule = Revocations(of: records)
            for record in records {
                let cut = rule.cuts[record.log]
                #expect(rule.applies(record.log, record.sequence) == (cut.map { record.sequence <= $0 } ?? true))
            }
            // A revocation counts only if its own record is applied.
            for record in records {
                guard case .deviceRevoked(_, let log, let cut, _) = record.event.body,
                      rule.applies(record.log, record.sequence) else { continue }
                #expect((rule.cuts[log] ?? .max) <= cut)
            }
        }
    }
}
