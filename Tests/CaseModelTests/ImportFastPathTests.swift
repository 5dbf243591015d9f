import Foundation
import PropertyBased
import Testing
@testable import CaseModel

/// The import reads cells by faster paths than the general ones it had: dates byte by byte,
/// NFC through Foundation only when a scalar may change, statuses from a table, repeated coded
/// cells once per column, lengths by bytes first. Each must give exactly what the general path
/// gives, on the text shelters really import: Cyrillic and Kazakh letters, combining marks (NFC
/// and NFD), wide characters, Windows-1251-decoded bytes, odd whitespace, dates in every form.
@Suite struct ImportFastPathTests {
    // MARK: The general paths, as they were

    /// `TextSanitizer.clean` as it was: every text through Foundation's NFC, whitespace by
    /// Unicode's property.
    static func generalClean(_ raw: String, multiline: Bool) -> TextSanitizer.Result {
        var scalars = String.UnicodeScalarView()
        var removed = false
        var previousWasCR = false
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            if value == 0x0A && previousWasCR { continue }
            let isLineBreak = value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
            if isLineBreak && multiline {
                while scalars.last == " " { scalars.removeLast() }
                scalars.append("\n")
                pendingSpace = false
                continue
            }
            if isLineBreak || value == 0x09 || (!multiline && scalar.properties.isWhitespace) {
                pendingSpace = true
                continue
            }
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) {
                removed = true
                continue
            }
            if pendingSpace {
                if let last = scalars.last, last != "\n", last != " " { scalars.append(" ") }
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        let text = String(scalars).precomposedStringWithCanonicalMapping.trimmingWhitespace()
        return TextSanitizer.Result(text: text, removedControlCharacters: removed)
    }

    /// `DateParser.parse` as it was: by characters, with Foundation's `contains`.
    static func generalDate(_ input: String) -> Result<CalendarDate, ValidationIssue.Problem> {
        let text = input.trimmingWhitespace()
        let parts: [Substring]
        let order: (year: Int, month: Int, day: Int)
        if text.contains(".") {
            parts = text.split(separator: ".", omittingEmptySubsequences: false)
            order = (2, 1, 0)
        } else if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            order = (0, 1, 2)
        } else {
            return .failure(.unreadableDate(text))
        }
        guard parts.count == 3,
            parts[order.year].count == 4, (1...2).contains(parts[order.month].count),
            (1...2).contains(parts[order.day].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[order.year]), let month = Int(parts[order.month]), let day = Int(parts[order.day])
        else {
            return .failure(.unreadableDate(text))
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return .failure(.impossibleDate(text)) }
        return .success(date)
    }

    /// The status as it was found: the first status any of whose names folds to the cell's fold.
    static func generalStatus(_ text: String) -> CaseStatus? {
        let folded = ImportValues.fold(text)
        return CaseStatus.allCases.first { status in
            [status.rawValue, status.code.label.en, status.code.label.ru, status.code.label.kk]
                .contains { !$0.isEmpty && ImportValues.fold($0) == folded }
        }
    }

    // MARK: What is generated

    /// Pieces of text a spreadsheet of cases holds, and the awkward ones.
    static let pieces: [String] = [
        "Айгерим", "Жанар", "Сейтқали", "Әсел", "Ғалым", "Қуаныш", "Ңң", "Өмір", "Ұлан", "Үміт", "Һ", "Іі",
        "Zarina", "O'g'il", "oʻgʻil", "Müller", "Çağla", "Ёлкин", "ёлка",
        "и\u{306}", "й", "е\u{308}", "Е\u{308}", "e\u{301}", "\u{301}", "a\u{328}\u{301}", "\u{483}", "Ѿ\u{487}",
        "\u{41}\u{30A}", "\u{212B}", "\u{2126}", "\u{374}", "\u{37E}", "\u{387}", "\u{1100}\u{1161}\u{11A8}", "한",
        "漢字", "王", "Ａ", "👩‍👩‍👧", "🇰🇿", "\u{FEFF}",
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{2029}", "\u{85}",
        "\u{7}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{2067}", "—", "«", "»", "…", "\u{2010}", "\u{205F}",
        ".", "-", ";", ",", "/", "_", "'",
        "0", "1", "7", "12", "31", "2026", "1998", "٣", "３",
    ]

    /// Text decoded from Windows-1251 bytes, as a Russian Excel's CSV arrives.
    static func windows1251(_ bytes: [UInt8]) -> String {
        String(data: Data(bytes.map { 0x80 | $0 }), encoding: .windowsCP1251) ?? ""
    }

    static let text = Gen.int(in: 0...(ImportFastPathTests.pieces.count + 9)).array(of: 0...12).map { codes in
        codes.map { $0 < ImportFastPathTests.pieces.count ? ImportFastPathTests.pieces[$0] : ImportFastPathTests.windows1251([UInt8(truncatingIfNeeded: $0 * 37 + 11)]) }.joined()
    }

    static let bytes1251 = Gen<UInt8>.value(in: 0...127).array(of: 0...16)

    /// Dates as caseworkers and spreadsheets write them, correct and not.
    static let dateText = Gen.int(in: 0...100_000).array(of: 5).map { numbers -> String in
        let day = numbers[0] % 33, month = numbers[1] % 14, year = 1899 + numbers[2] % 140
        let padded = { (value: Int) in value < 10 && numbers[3] % 2 == 0 ? "0\(value)" : "\(value)" }
        let noise = ImportFastPathTests.pieces[numbers[4] % ImportFastPathTests.pieces.count]
        switch numbers[3] % 9 {
        case 0: return "\(padded(day)).\(padded(month)).\(year)"
        case 1: return "\(year)-\(padded(month))-\(padded(day))"
        case 2: return "\(noise)\(padded(day)).\(padded(month)).\(year)\(noise)"
        case 3: return "\(padded(day))\(noise).\(month).\(year)"
        case 4: return "\(day).\(month).\(year % 100)"
        case 5: return "\(year)-\(month)-\(day)\(noise)-1"
        case 6: return "\(numbers[0] % 60_000)"
        case 7: return "\(day).\u{301}\(month).\u{301}\(year)"
        default: return "\(padded(day))\(noise)\(padded(month))\(noise)\(year)"
        }
    }

    // MARK: The properties

    @Test func cleanGivesWhatTheGeneralPathGives() async {
        await propertyCheck(count: 600, input: Self.text, Gen.bool) { raw, multiline in
            let fast = TextSanitizer.clean(raw, multiline: multiline)
            let general = Self.generalClean(raw, multiline: multiline)
            // By scalars: String's == would call NFC and NFD text equal.
            #expect(Array(fast.text.unicodeScalars) == Array(general.text.unicodeScalars), "\(Array(raw.unicodeScalars))")
            #expect(fast.removedControlCharacters == general.removedControlCharacters)
        }
        await propertyCheck(count: 300, input: Self.bytes1251) { bytes in
            let raw = Self.windows1251(bytes)
            #expect(Array(TextSanitizer.clean(raw, multiline: false).text.unicodeScalars)
                == Array(Self.generalClean(raw, multiline: false).text.unicodeScalars))
        }
    }

    @Test func composedIsFoundationsNFC() async {
        await propertyCheck(count: 600, input: Self.text) { text in
            #expect(Array(TextSanitizer.composed(text).unicodeScalars)
                == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(Array(text.unicodeScalars))")
        }
    }

    /// Why a text of `isStableInNFC` scalars alone is in NFC, checked against Unicode's data for
    /// every such scalar: it is a starter, NFC keeps it alone, neither it nor the first scalar of
    /// its decomposition ever composes with a scalar before it (no canonical decomposition has
    /// them anywhere but first).
    @Test func everyScalarLeftAloneIsStableInNFC() {
        var composesWithPrevious = Set<UInt32>()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: break
            }
            if scalar.properties.isUnifiedIdeograph { continue }  // none has a decomposition
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            for part in decomposed.dropFirst() { composesWithPrevious.insert(part.value) }
        }
        #expect(!composesWithPrevious.isEmpty)
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), TextSanitizer.isStableInNFC(scalar) else { continue }
            let alone = String(scalar)
            let first = alone.decomposedStringWithCanonicalMapping.unicodeScalars.first!
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            #expect(first.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            #expect(Array(alone.precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar], "U+\(String(value, radix: 16))")
            let composes = composesWithPrevious.contains(value) || composesWithPrevious.contains(first.value)
            #expect(!composes, "U+\(String(value, radix: 16))")
        }
    }

    @Test func datesReadAsTheGeneralPathReadsThem() async {
        let schema = IntakeSchema.standard
        let birthDate = schema.field(.birthDate)!
        let values = ImportValues(schema: schema)
        await propertyCheck(count: 1_000, input: Self.dateText) { text in
            #expect(DateParser.parse(text) == Self.generalDate(text), "\(Array(text.unicodeScalars))")
            let translated = values.translate(text, for: birthDate)
            #expect(DateParser.parse(translated) == Self.generalDate(translated), "\(Array(translated.unicodeScalars))")
        }
        for text in ["8.3.2026", "08.03.2026", "2026-03-08", "2026-3-8", " 29.02.2024 ", "29.02.2023", "2026-13-01",
                     "8.3.26", "46000", "8.\u{301}3.2026", "8\r\n.3.2026", "８.3.2026", "", ".", "-", "1.2.3.4", "2026--01"] {
            #expect(DateParser.parse(text) == Self.generalDate(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func statusesFromTheTableAreTheFirstOfTheList() async {
        let names = CaseStatus.allCases.flatMap { [$0.rawValue, $0.code.label.en, $0.code.label.ru, $0.code.label.kk] }
        for name in names + names.map({ $0.uppercased() }) + names.map({ " \($0)_" }) {
            #expect(CaseImporter.status(name) == Self.generalStatus(name), "\(name)")
        }
        await propertyCheck(count: 300, input: Self.text) { text in
            #expect(CaseImporter.status(text) == Self.generalStatus(text))
        }
    }

    @Test func repeatedCodedCellsReadAsTheFirstTime() async {
        let schema = IntakeSchema.standard
        let fields = schema.fields.filter { $0.kind.isCoded || $0.kind == .date }
        let values = ImportValues(schema: schema)
        let codes = fields.flatMap { field in (field.codeList?.codes ?? []).flatMap { [$0.code, $0.label.ru, $0.label.kk.uppercased()] } }
            + ["KZ", "kaz", "Казахстан", "Turkey", "UZ; RU", "female, male", "yes", "да", "", " ", "nonsense"]
        let cells = Gen.int(in: 0...(codes.count + Self.pieces.count - 1)).array(of: 1...40).map { picks in
            picks.map { $0 < codes.count ? codes[$0] : Self.pieces[$0 - codes.count] }
        }
        await propertyCheck(count: 100, input: cells, Gen.int(in: 0...(fields.count - 1))) { column, which in
            let field = fields[which]
            var reader = ImportCellReader(values: values, columnCount: 1)
            for cell in column + column {
                #expect(reader.read(cell, column: 0, for: field) == FieldInputParser.parse(values.translate(cell, for: field), for: field),
                        "\(field.key): \(cell)")
            }
        }
    }

    /// The import opens every case with `changes(from: [:], to: answers)`.
    @Test func changesListTheUnionOfKeysInOrder() async {
        let keys = IntakeSchema.standard.fields.map(\.key)
        let answers = Gen.int(in: 0...(keys.count * 3)).array(of: 0...25).map { picks in
            Dictionary(picks.map { (keys[$0 % keys.count], FieldValue.number($0 / keys.count)) }, uniquingKeysWith: { first, _ in first })
        }
        await propertyCheck(count: 300, input: answers, answers) { old, new in
            let general = Set(old.keys).union(new.keys).sorted()
                .filter { old[$0] != new[$0] }
                .map { FieldChange(key: $0, old: old[$0], new: new[$0]) }
            #expect(EventFactory.changes(from: old, to: new) == general)
            #expect(EventFactory.changes(from: [:], to: new) == new.keys.sorted().map { FieldChange(key: $0, old: nil, new: new[$0]) })
        }
    }

    @Test func whitespaceIsUnicodesWhiteSpaceForEveryScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhitespace != scalar.properties.isWhitespace { Issue.record("U+\(String(value, radix: 16))") }
        }
    }

    @Test func lengthsCountedByBytesFirstAreCharacterCounts() async {
        await propertyCheck(count: 300, input: Self.text, Gen.int(in: 0...40)) { text, maximum in
            #expect(text.exceeds(maximum) == (text.count > maximum))
        }
    }
}
