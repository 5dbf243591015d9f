/// A problem with an answer, with a message a caseworker understands, in the interface language.
public struct ValidationIssue: Sendable, Hashable, Error {
    public enum Severity: Sendable, Hashable {
        /// The case cannot be saved until this is corrected.
        case error
        /// Saved, but the caseworker is told what was changed (e.g. control characters removed).
        case warning
    }

    public enum Problem: Sendable, Hashable, Error {
        case unreadableDate(String)
        case impossibleDate(String)
        case futureDate(CalendarDate)
        case ageAboveMaximum(age: Int, maximum: Int)
        case exploitationAgeAboveCurrentAge(ageAtExploitation: Int, currentAge: Int)
        case dateBefore(CalendarDate, otherLabel: LocalizedText, otherDate: CalendarDate)
        case controlCharactersRemoved
        case controlCharacters
        case tooLong(length: Int, maximum: Int)
        case unknownCode(String)
        case notANumber(String)
        case outOfRange(Int, ClosedRange<Int>)
        case wrongKind
        case nameRequired
        case required
    }

    /// The field the problem is about; nil for the whole form (a missing name).
    public let field: FieldKey?
    public let problem: Problem

    public init(field: FieldKey?, problem: Problem) {
        self.field = field
        self.problem = problem
    }

    public var severity: Severity { problem == .controlCharactersRemoved ? .warning : .error }

    public func message(in language: Language) -> String {
        let w = Words(language)
        switch problem {
        case .unreadableDate(let text): return w("validation.date.unreadable", ["text": .text(text)])
        case .impossibleDate(let text): return w("validation.date.impossible", ["text": .text(text)])
        case .futureDate(let date): return w("validation.date.future", ["date": .text(w.day(date))])
        case .ageAboveMaximum(let age, let maximum):
            return w("validation.age.aboveMaximum", count: age, ["maximum": .number(maximum)])
        case .exploitationAgeAboveCurrentAge(let atExploitation, let current):
            return w("validation.age.exploitationAboveCurrent", ["atExploitation": .number(atExploitation), "current": .number(current)])
        case .dateBefore(let date, let otherLabel, let otherDate):
            return w("validation.date.before", [
                "date": .text(w.day(date)), "other": .text(otherLabel.text(in: language)), "otherDate": .text(w.day(otherDate)),
            ])
        case .controlCharactersRemoved: return w("validation.text.controlCharactersRemoved")
        case .controlCharacters: return w("validation.text.controlCharacters")
        case .tooLong(let length, let maximum): return w("validation.text.tooLong", count: length, ["maximum": .number(maximum)])
        case .unknownCode(let code): return w("validation.code.unknown", ["code": .text(code)])
        case .notANumber(let text): return w("validation.number.notANumber", ["text": .text(text)])
        case .outOfRange(let value, let range):
            return w("validation.number.outOfRange", ["value": .number(value), "low": .number(range.lowerBound), "high": .number(range.upperBound)])
        case .wrongKind: return w("validation.wrongKind")
        case .nameRequired: return w("validation.nameRequired")
        case .required: return w("validation.required")
        }
    }
}
