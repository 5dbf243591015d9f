/// Given names and family names in the styles of the shelter's clients, written in Cyrillic;
/// `SyntheticCaseload` romanises some of them to exercise cross-script search.
enum NamePools {
    enum Style: CaseIterable { case uzbek, kazakh, kyrgyz, tajik, russian }

    struct Pool {
        let female: [String]
        let male: [String]
        /// Male forms; `-ов/-ев/-ин` take `-а` for women, `-зода`, `-ұлы/-қызы` forms stay.
        let family: [String]
    }

    static func pool(_ style: Style) -> Pool {
        switch style {
        case .uzbek: uzbek
        case .kazakh: kazakh
        case .kyrgyz: kyrgyz
        case .tajik: tajik
        case .russian: russian
        }
    }

    static let uzbek = Pool(
        female: ["Дилноза", "Гулнора", "Нодира", "Малика", "Шахноза", "Зарина", "Мохира", "Феруза", "Дилдора",
                 "Нилуфар", "Севара", "Мадина", "Камола", "Умида", "Муниса", "Юлдуз", "Барно", "Зилола", "Гулчехра"],
        male: ["Азиз", "Бекзод", "Жасур", "Сардор", "Отабек", "Рустам", "Шерзод", "Улугбек", "Фаррух", "Дилшод",
               "Акмал", "Жавлон"],
        family: ["Каримов", "Рахимов", "Юсупов", "Турсунов", "Абдуллаев", "Исмоилов", "Назаров", "Собиров",
                 "Умаров", "Ходжаев", "Мирзаев", "Саидов", "Эргашев", "Рашидов", "Қодиров", "Ғаниев"])

    static let kazakh = Pool(
        female: ["Айгерим", "Жанар", "Гульнур", "Алия", "Дана", "Сәуле", "Айжан", "Динара", "Асель", "Айнұр",
                 "Жұлдыз", "Ботагөз", "Ақмарал", "Назерке"],
        male: ["Нұрлан", "Ерлан", "Дәулет", "Асқар", "Бауыржан", "Серік", "Марат", "Арман", "Ержан", "Тимур"],
        family: ["Ахметов", "Жұмабаев", "Қасымов", "Сұлтанов", "Исқақов", "Байжанов", "Әбілов", "Төлегенов",
                 "Сейтқалиев", "Омаров", "Жақсыбеков"])

    static let kyrgyz = Pool(
        female: ["Айпери", "Бермет", "Жылдыз", "Нургуль", "Чолпон", "Айзада", "Гулзат", "Мээрим", "Бурул"],
        male: ["Эрмек", "Бакыт", "Нурбек", "Алмаз", "Улан", "Талант", "Азамат", "Кубаныч"],
        family: ["Асанов", "Токтогулов", "Осмонов", "Сыдыков", "Мамытов", "Жээнбеков", "Абдыкадыров", "Өмүрбеков"])

    static let tajik = Pool(
        female: ["Меҳрангез", "Фарзона", "Гулрухсор", "Зебо", "Нигина", "Дилором", "Шаҳло", "Манижа", "Парвина",
                 "Таҳмина"],
        male: ["Фаридун", "Рустам", "Суҳроб", "Ҷамшед", "Бахтиёр", "Фирдавс", "Умед", "Далер"],
        family: ["Раҳмонов", "Саидов", "Назаров", "Шарипов", "Ҳакимов", "Давлатов", "Абдуллозода", "Раҳимзода",
                 "Шарифзода"])

    static let russian = Pool(
        female: ["Елена", "Ольга", "Наталья", "Татьяна", "Юлия", "Анастасия", "Екатерина", "Светлана", "Ирина",
                 "Алёна"],
        male: ["Алексей", "Дмитрий", "Сергей", "Андрей", "Иван", "Николай", "Павел"],
        family: ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов", "Петров",
                 "Волков"])

    /// The woman's form of a family name: Каримов → Каримова, Абдуллозода stays.
    static func feminine(_ family: String) -> String {
        family.hasSuffix("ов") || family.hasSuffix("ев") || family.hasSuffix("ин") ? family + "а" : family
    }

    /// A passport-style Latin spelling (Каримова → Karimova, Жанар → Zhanar).
    static func romanised(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            out += latin[character] ?? String(character)
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }

    private static let latin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i", "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u",
    ]
}
