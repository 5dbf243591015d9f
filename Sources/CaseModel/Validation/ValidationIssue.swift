/// A problem with an answer, with a message a caseworker understands, in English or Russian.
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
        let ru = language != .en
        switch problem {
        case .unreadableDate(let text):
            return ru ? "«\(text)» — не дата. Введите дату как дд.мм.гггг (08.03.2026) или гггг-мм-дд."
                : "“\(text)” is not a date. Write it as dd.mm.yyyy (08.03.2026) or yyyy-mm-dd."
        case .impossibleDate(let text):
            return ru ? "Такого дня нет: \(text)." : "There is no such day: \(text)."
        case .futureDate(let date):
            return ru ? "Дата \(date.dotted) ещё не наступила." : "The date \(date.dotted) is in the future."
        case .ageAboveMaximum(let age, let maximum):
            return ru ? "По этой дате рождения возраст \(age) лет, больше \(maximum). Проверьте год."
                : "This date of birth gives an age of \(age), over \(maximum). Check the year."
        case .exploitationAgeAboveCurrentAge(let atExploitation, let current):
            return ru ? "Возраст в начале эксплуатации (\(atExploitation)) больше нынешнего возраста (\(current))."
                : "The age when exploitation began (\(atExploitation)) is above the person's current age (\(current))."
        case .dateBefore(let date, let otherLabel, let otherDate):
            return ru ? "\(date.dotted) раньше, чем «\(otherLabel.text(in: .ru))» (\(otherDate.dotted))."
                : "\(date.dotted) is before “\(otherLabel.en)” (\(otherDate.dotted))."
        case .controlCharactersRemoved:
            return ru ? "Невидимые управляющие символы удалены." : "Invisible control characters were removed."
        case .controlCharacters:
            return ru ? "Текст содержит управляющие символы." : "The text contains control characters."
        case .tooLong(let length, let maximum):
            return ru ? "Слишком длинно: \(length) знаков, можно не больше \(maximum)."
                : "Too long: \(length) characters, at most \(maximum) allowed."
        case .unknownCode(let code):
            return ru ? "Неизвестное значение «\(code)»." : "Unknown value “\(code)”."
        case .notANumber(let text):
            return ru ? "«\(text)» — не целое число." : "“\(text)” is not a whole number."
        case .outOfRange(let value, let range):
            return ru ? "\(value) вне допустимого диапазона \(range.lowerBound)–\(range.upperBound)."
                : "\(value) is outside the range \(range.lowerBound)–\(range.upperBound)."
        case .wrongKind:
            return ru ? "Значение не подходит для этого поля." : "The value does not fit this field."
        case .nameRequired:
            return ru ? "Укажите фамилию, имя или другое имя (прозвище)."
                : "Give a family name, a given name or an alias."
        case .required:
            return ru ? "Обязательное поле." : "This field is required."
        }
    }
}
