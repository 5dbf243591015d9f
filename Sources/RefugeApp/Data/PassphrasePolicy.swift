/// Which new passphrases are refused as obviously weak, and a generated one to offer instead.
///
/// The checks run on the passphrase as the key derivation sees it (RFC 8265 OpaqueString: NFC,
/// spaces unified), lower-cased: fewer than 10 characters, fewer than 5 different ones (ten
/// spaces, ten emoji), a short piece repeated, a run along a keyboard row or the alphabet (Latin
/// QWERTY and Russian ЙЦУКЕН, digits), or a common passphrase with digits or signs added.
enum PassphrasePolicy {
    static let minimumLength = 10

    enum Weakness: Equatable {
        case tooShort, tooFewDifferentCharacters, repetition, keyboardRun, common

        var explanation: String {
            switch self {
            case .tooShort: "fewer than \(PassphrasePolicy.minimumLength) characters"
            case .tooFewDifferentCharacters: "fewer than 5 different characters"
            case .repetition: "a short piece repeated"
            case .keyboardRun: "a run of neighbouring keys or letters"
            case .common: "one of the most common passphrases"
            }
        }
    }

    static func weakness(of passphrase: String) -> Weakness? {
        let text = String(String.UnicodeScalarView(passphrase.unicodeScalars.map {
            $0.properties.generalCategory == .spaceSeparator ? " " : $0
        })).precomposedStringWithCanonicalMapping.lowercased()
        let characters = Array(text)
        guard characters.count >= minimumLength else { return .tooShort }
        guard Set(characters).count >= 5 else { return .tooFewDifferentCharacters }
        if isRepetition(characters) { return .repetition }
        if isKeyboardRun(characters) { return .keyboardRun }
        let core = text.trimmingCharacters(in: .decimalDigits.union(.punctuationCharacters).union(.symbols).union(.whitespaces))
        if common.contains(text) || common.contains(core) || common.contains(core.filter { $0.isLetter }) { return .common }
        return nil
    }

    /// Five words drawn at random from `words` (256 of them: 40 bits), joined by hyphens.
    static func suggestion() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<5).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] }.joined(separator: "-")
    }

    /// A piece of at most half the length, repeated (the last repetition may be cut short).
    private static func isRepetition(_ characters: [Character]) -> Bool {
        (1...(characters.count / 2)).contains { unit in
            characters.indices.allSatisfy { characters[$0] == characters[$0 % unit] }
        }
    }

    /// Three quarters or more of the neighbouring pairs are neighbours on a keyboard row or in an
    /// alphabet, either way round.
    private static func isKeyboardRun(_ characters: [Character]) -> Bool {
        let steps = zip(characters, characters.dropFirst()).filter { pair in
            neighbours.contains([pair.0, pair.1]) || neighbours.contains([pair.1, pair.0])
        }.count
        return steps * 4 >= (characters.count - 1) * 3
    }

    private static let neighbours: Set<[Character]> = {
        let rows = [
            "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
            "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik", "9ol", "0p",
            "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            "1йфя", "2цыч", "3увс", "4кам", "5епи", "6нрт", "7гоь", "8шлб", "9щдю", "0зж",
        ]
        var pairs: Set<[Character]> = []
        for row in rows.map(Array.init) { for (a, b) in zip(row, row.dropFirst()) { pairs.insert([a, b]) } }
        return pairs
    }()

    /// Among the most common passphrases (lower case, without the digits people add).
    private static let common: Set<String> = [
        "password", "passw0rd", "password1", "qwerty", "qwertyuiop", "iloveyou", "letmein", "welcome", "admin",
        "administrator", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "trustno", "shadow",
        "master", "superman", "michael", "whatever", "starwars", "computer", "internet", "secret", "changeme",
        "loveyou", "freedom", "abc", "abcdef", "qazwsx", "zaqxsw", "asdfgh", "zxcvbn", "killer", "hello", "hellokitty",
        "пароль", "парольпароль", "привет", "любовь", "люблютебя", "йцукен", "йцукенгшщз", "солнышко", "наташа",
        "максим", "настя", "катя", "кошка", "котик", "секрет", "qwertyqwerty", "almaty", "алматы", "астана",
        "kazakhstan", "казахстан", "refuge", "shelter", "убежище",
    ]

    /// Short, common Russian words that are easy to type and to tell apart.
    static let words: [String] = [
        "арбуз", "берег", "ветер", "город", "домик", "ёжик", "жираф", "завод", "игла", "йогурт", "кино", "лампа",
        "место", "номер", "облако", "парус", "радио", "сахар", "тропа", "улица", "фонарь", "хлеб", "цирк", "чайник",
        "шапка", "щенок", "экран", "юбка", "яблоко", "автобус", "балкон", "вагон", "гора", "дверь", "ель", "журнал",
        "замок", "искра", "карта", "лимон", "мост", "нота", "окно", "перо", "рынок", "сова", "туман", "утро", "флаг",
        "хвост", "цветок", "чашка", "шар", "щётка", "эхо", "юла", "якорь", "аист", "бочка", "вилка", "гриб", "дождь",
        "жук", "звезда", "изюм", "кедр", "лиса", "мёд", "нитка", "орех", "пирог", "роза", "снег", "трава", "утка",
        "фрукт", "халат", "цепь", "часы", "шкаф", "эскиз", "юг", "ящик", "атлас", "бусы", "ведро", "гвоздь", "дыня",
        "жемчуг", "зонт", "индюк", "каша", "лодка", "метро", "носок", "озеро", "поезд", "река", "сыр", "тигр", "угол",
        "фасоль", "хоккей", "цифра", "чернила", "шахматы", "эпоха", "юмор", "ярмарка", "апрель", "банан", "весна",
        "глобус", "дорога", "жилет", "зерно", "иней", "капля", "лето", "мыло", "небо", "осень", "песок", "ручей",
        "сосна", "театр", "успех", "фильм", "холм", "циркуль", "чудо", "шёлк", "этаж", "юрта", "ягода", "альбом",
        "буква", "волна", "гитара", "дерево", "жасмин", "зебра", "ирис", "кукла", "ложка", "малина", "нож", "овощ",
        "платок", "ракета", "свеча", "тетрадь", "уголь", "футбол", "хурма", "цапля", "чеснок", "шмель", "эльф",
        "ястреб", "акула", "берёза", "виноград", "голубь", "дельфин", "жёлудь", "заяц", "инжир", "кактус", "лебедь",
        "морковь", "наушник", "огурец", "павлин", "рюкзак", "самолёт", "тыква", "улитка", "фиалка", "хомяк", "чайка",
        "шиповник", "экспресс", "юнга", "ясень", "арка", "бублик", "вишня", "груша", "диван", "жаворонок", "звонок",
        "кабачок", "лавка", "маяк", "нарцисс", "облепиха", "подушка", "ромашка", "слива", "торт", "укроп", "филин",
        "хризантема", "чемодан", "шоколад", "абрикос", "барабан", "ворона", "гнездо", "дятел", "каштан", "ландыш",
        "медведь", "незабудка", "олень", "пингвин", "рябина", "сирень", "тюльпан", "фазан", "черёмуха", "ёлка",
        "баран", "верблюд", "гусь", "дрозд", "кит", "лось", "мышь", "носорог", "осёл", "пчела", "рысь", "скворец",
        "тюлень", "филе", "чиж", "шмелёк", "яхта", "кофе", "чай", "суп", "плов", "лагман", "баурсак", "кумыс",
        "домбра", "кулон", "степь", "тулпар", "беркут", "алма", "тау", "бидай", "жайлау",
    ]
}
