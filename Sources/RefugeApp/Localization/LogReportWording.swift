import CaseModel
import EventLog

/// What the log reports (`refuge verify`, `refuge salvage`, `refuge sync status`) in the user's
/// language: EventLog returns the facts as types and knows no words; the sentences are here.
struct LogReportWording {
    let w: Words

    init(_ words: Words) { w = words }

    func integrity(_ report: IntegrityReport) -> String {
        let read = report.read
        var lines = [
            w("log.verify.log", ["directory": .text(report.directory)]),
            read.lastSequence.map { w("log.verify.recordsUpTo", ["count": .text(String(read.recordCount)), "sequence": .text(String($0))]) }
                ?? w("log.verify.records", ["count": .text(String(read.recordCount))]),
            w("log.verify.users", ["users": .text(report.users.joined(separator: ", "))]),
            w("log.verify.firstWrite", ["time": .text(read.firstTimestamp.map(formatTimestamp) ?? w("log.verify.never"))]),
            w("log.verify.lastWrite", ["time": .text(read.lastTimestamp.map(formatTimestamp) ?? w("log.verify.never"))]),
            read.reservedBytes > 0
                ? w("log.verify.fileSizeReserved", count: Int(read.fileSize), ["reserved": .text(String(read.reservedBytes))])
                : w("log.verify.fileSize", count: Int(read.fileSize)),
        ]
        if let tail = read.tornTail { lines.append(w("log.verify.tornTail", ["tail": .text(tornTail(tail))])) }
        lines += read.damage.map { w("log.verify.damage", ["damage": .text(damage($0))]) }
        for note in report.maintenance {
            lines.append(w("log.verify.maintenance", ["time": .text(formatTimestamp(note.timestamp)), "user": .text(note.user),
                                                      "action": .text(maintenance(note.fact))]))
            if case .salvage(let salvage) = note.fact {
                lines += salvage.skipped.map { "  " + w("log.salvage.skipped", ["damage": .text(damage($0))]) }
                lines += salvage.leftBehind.map { "  " + w("log.salvage.leftBehind", ["name": .text($0)]) }
            }
        }
        if let rollback = report.rollback { lines.append(w("log.verify.warning", ["finding": .text(self.rollback(rollback))])) }
        lines += report.damagedSealedFiles.map { w("log.verify.damagedSealedFile", ["name": .text($0)]) }
        lines += report.cutTailCopies.map { w("log.verify.cutTailCopy", ["name": .text($0)]) }
        lines += report.peers.map { w("log.verify.peer", ["report": .text(peer($0))]) }
        switch report.status {
        case .intact: lines.append(w("log.verify.intact"))
        case .tornTail: lines.append(w("log.verify.intactButTornTail"))
        case .damaged:
            lines.append(read.damage.isEmpty ? w("log.verify.damagedSealedFiles", count: report.damagedSealedFiles.count)
                : w("log.verify.damagedRanges", count: read.damage.count))
        }
        return lines.joined(separator: "\n")
    }

    func salvage(_ report: SalvageReport) -> String {
        var lines = [w("log.salvage.copied", count: report.copiedRecords, ["directory": .text(report.destination)])]
        lines += report.source.damage.map { w("log.salvage.skipped", ["damage": .text(damage($0))]) }
        lines += report.unreadableSealedFiles.map { w("log.salvage.leftBehind", ["name": .text($0)]) }
        lines.append(read(report.source))
        for other in report.otherLogs {
            let file: [String: WordValue] = ["file": .text(other.fileName)]
            switch other.read {
            case .success(let read):
                lines.append(w("log.salvage.otherLog", count: other.copiedRecords, file))
                if other.leftOut > 0 { lines.append(w("log.salvage.otherLogLeftOut", count: other.leftOut, file)) }
                lines += read.damage.map { w("log.salvage.skipped", ["damage": .text(damage($0))]) }
            case .failure(.foreign):
                lines.append(w("log.salvage.otherLogForeign", file))
            case .failure(.unreadable(let reason)):
                lines.append(w("log.salvage.otherLogUnreadable", file.merging(["reason": .text(unreadable(reason))]) { $1 }))
            }
        }
        return lines.joined(separator: "\n")
    }

    func read(_ report: ReadReport) -> String {
        let arguments: [String: WordValue] = ["offset": .text(String(report.endOffset)), "size": .text(String(report.fileSize))]
        guard let tail = report.tornTail else { return w("log.read.toEnd", count: report.recordCount, arguments) }
        return w("log.read.toTornTail", count: report.recordCount, arguments.merging(["tail": .text(tornTail(tail))]) { $1 })
    }

    func peer(_ report: PeerLogReport) -> String {
        let state = switch report.status {
        case .intact: w("log.peer.intact")
        case .incomplete: w("log.peer.incomplete")
        case .damaged(let damage): w("log.peer.damaged", ["detail": .text(peerDamage(damage))])
        case .foreign: w("log.peer.foreign")
        case .vanished: w("log.peer.vanished")
        case .unreadable(let reason): w("log.peer.unreadable", ["reason": .text(unreadable(reason))])
        }
        guard let sequence = report.lastSequence else { return w("log.peer.empty", ["file": .text(report.fileName), "state": .text(state)]) }
        return w("log.peer.records", count: report.recordCount, [
            "file": .text(report.fileName), "sequence": .text(String(sequence)), "state": .text(state),
            "time": .text(report.lastTimestamp.map(formatTimestamp) ?? w("log.verify.never")),
        ])
    }

    /// What was done to the case file, from the facts the log keeps (an old note: its English sentence).
    func maintenance(_ action: MaintenanceAction) -> String {
        switch action {
        case .salvage(let salvage):
            let source: [String: WordValue] = ["source": .text(salvage.source)]
            guard salvage.otherLogs > 0 else { return w("log.maintenance.salvage", count: salvage.copiedRecords, source) }
            return w("log.maintenance.salvageWithOtherLogs", count: salvage.copiedRecords,
                     source.merging(["others": .number(salvage.copiedFromOtherLogs), "logs": .number(salvage.otherLogs)]) { $1 })
        case .backup(let records, let file): return w("log.maintenance.backup", count: records, ["file": .text(file)])
        case .described(let text): return text
        }
    }

    func peerDamage(_ damage: PeerDamage) -> String {
        switch damage {
        case .ranges(let ranges): ranges.map(self.damage).joined(separator: "; ")
        case .notAuthentic(let sequence, let offset):
            w("log.peer.notAuthentic", ["sequence": .text(String(sequence)), "offset": .text(String(offset))])
        }
    }

    func unreadable(_ reason: UnreadableLog) -> String {
        switch reason {
        case .cannotOpen: w("log.unreadable.cannotOpen")
        case .header: w("log.unreadable.header")
        case .failed(let detail): detail  // the system's own words (an I/O error)
        }
    }

    func rollback(_ finding: RollbackFinding) -> String {
        switch finding {
        case .shorter(let last, let seen): w("log.rollback.shorter", ["last": .text(String(last)), "seen": .text(String(seen))])
        case .different(let sequence): w("log.rollback.different", ["sequence": .text(String(sequence))])
        case .unreadableState: w("log.rollback.unreadableState")
        }
    }

    func tornTail(_ tail: TornTail) -> String {
        w("log.tornTail", count: Int(tail.length), ["offset": .text(String(tail.offset)), "problem": .text(problem(tail.problem))])
    }

    func damage(_ range: DamagedRange) -> String {
        var arguments: [String: WordValue] = [
            "start": .text(String(range.offsets.lowerBound)), "end": .text(String(range.offsets.upperBound)), "problem": .text(problem(range.problem)),
        ]
        guard let lost = range.lostSequences else { return w("log.damage.noRecord", arguments) }
        arguments["first"] = .text(String(lost.lowerBound))
        arguments["last"] = .text(String(lost.upperBound))
        if range.reachesEndOfLog { return w("log.damage.recordsOn", arguments) }
        return w(lost.count == 1 ? "log.damage.oneRecord" : "log.damage.records", arguments)
    }

    func problem(_ problem: FrameProblem) -> String {
        switch problem {
        case .zeroFill: w("log.problem.zeroFill")
        case .incompleteHeader: w("log.problem.incompleteHeader")
        case .impossibleLength(let length): w("log.problem.impossibleLength", ["length": .text(String(length))])
        case .incompleteFrame: w("log.problem.incompleteFrame")
        case .checksumMismatch: w("log.problem.checksumMismatch")
        case .authenticationFailed: w("log.problem.authenticationFailed")
        case .outOfSequence(let sequence): w("log.problem.outOfSequence", ["sequence": .text(String(sequence))])
        }
    }
}
