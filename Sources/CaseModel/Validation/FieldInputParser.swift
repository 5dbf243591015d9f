/// Turns what was typed (or read from a CSV cell) into a stored value for one field.
/// Nothing typed is lost: on an error the form keeps the text and shows the message.
public enum FieldInputParser {
    public struct Parsed: Sendable, Hashable {
        /// The value to store; nil for an empty answer or when there is an error.
        public let value: FieldValue?
        public let issues: [ValidationIssue]

        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    /// Parses `input` for `field`. Codes are matched case-insensitively and stored in their
    /// canonical spelling; several codes are separated by `;` (or `,`).
    public static func parse(_ input: String, for field: Field) -> Parsed {
        let key = field.key
        func failure(_ problem: ValidationIssue.Problem) -> Parsed {
            Parsed(value: nil, issues: [ValidationIssue(field: key, problem: problem)])
        }
        switch field.kind {
        case .text, .longText:
            let cleaned = TextSanitizer.clean(input, multiline: field.kind == .longText)
            var issues: [ValidationIssue] = []
            if cleaned.removedControlCharacters {
                issues.append(ValidationIssue(field: key, problem: .controlCharactersRemoved))
            }
            if let maximum = field.maxLength, cleaned.text.exceeds(maximum) {
                issues.append(ValidationIssue(field: key, problem: .tooLong(length: cleaned.text.count, maximum: maximum)))
                return Parsed(value: nil, issues: issues)
            }
            return Parsed(value: cleaned.text.isEmpty ? nil : .text(cleaned.text), issues: issues)
        case .date:
            let text = input.trimmingWhitespace()
            if text.isEmpty { return Parsed(value: nil, issues: []) }
            switch DateParser.parse(text) {
            case .success(let date): return Parsed(value: .date(date), issues: [])
            case .failure(let problem): return failure(problem)
            }
        case .number:
            let text = input.trimmingWhitespace()
            if text.isEmpty { return Parsed(value: nil, issues: []) }
            guard let number = Int(text) else { return failure(.notANumber(text)) }
            return Parsed(value: .number(number), issues: [])
        case .singleChoice, .country, .yesNoUnknown, .multipleChoice, .countries:
            let pieces = input.split(whereSeparator: { $0 == ";" || $0 == "," })
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if pieces.isEmpty { return Parsed(value: nil, issues: []) }
            var codes: [String] = []
            for piece in pieces {
                guard let code = canonicalCode(piece, for: field) else { return failure(.unknownCode(piece)) }
                if !codes.contains(code) { codes.append(code) }
            }
            if field.kind.isMultiple { return Parsed(value: .codes(codes), issues: []) }
            guard codes.count == 1 else { return failure(.unknownCode(pieces.joined(separator: ";"))) }
            return Parsed(value: .code(codes[0]), issues: [])
        }
    }

    private static func canonicalCode(_ text: String, for field: Field) -> String? {
        switch field.kind {
        case .country, .countries:
            let code = text.uppercased()
            return Countries.isKnown(code) ? code : nil
        default:
            guard let list = field.codeList else { return nil }
            if list.contains(text) { return text }
            let lowered = text.lowercased()
            return list.codes.first { $0.code.lowercased() == lowered }?.code
        }
    }
}

extension String {
    /// More than `maximum` characters. A text of at most `maximum` bytes has no more characters
    /// than that, so most answers are settled without walking their graphemes.
    func exceeds(_ maximum: Int) -> Bool { utf8.count > maximum && count > maximum }
}
