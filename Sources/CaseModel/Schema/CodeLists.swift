/// The code lists of the intake form and of events, after IOM's HTCDS and the CTDC data set.
/// Codes are stable identifiers (stored, exported, imported); labels may be reworded freely.
public enum CodeLists {
    public static let gender = CodeList(id: "gender", codes: [
        Code("female", en: "Female", ru: "Женский", kk: "Әйел"),
        Code("male", en: "Male", ru: "Мужской", kk: "Ер"),
        Code("transgender", en: "Transgender / non-conforming", ru: "Трансгендер / небинарный"),
        Code("unknown", en: "Unknown", ru: "Неизвестно", kk: "Белгісіз"),
    ])

    public static let yesNoUnknown = CodeList(id: "yesNoUnknown", codes: [
        Code("yes", en: "Yes", ru: "Да", kk: "Иә"),
        Code("no", en: "No", ru: "Нет", kk: "Жоқ"),
        Code("unknown", en: "Unknown", ru: "Неизвестно", kk: "Белгісіз"),
    ])

    /// ISO 639-2/3 codes of the languages a person speaks.
    public static let language = CodeList(id: "language", codes: [
        Code("uzb", en: "Uzbek", ru: "Узбекский", kk: "Өзбек тілі"),
        Code("kaz", en: "Kazakh", ru: "Казахский", kk: "Қазақ тілі"),
        Code("kir", en: "Kyrgyz", ru: "Киргизский", kk: "Қырғыз тілі"),
        Code("tgk", en: "Tajik", ru: "Таджикский", kk: "Тәжік тілі"),
        Code("rus", en: "Russian", ru: "Русский", kk: "Орыс тілі"),
        Code("tuk", en: "Turkmen", ru: "Туркменский", kk: "Түрікмен тілі"),
        Code("ukr", en: "Ukrainian", ru: "Украинский", kk: "Украин тілі"),
        Code("bel", en: "Belarusian", ru: "Белорусский"),
        Code("ron", en: "Romanian (Moldovan)", ru: "Румынский (молдавский)"),
        Code("tur", en: "Turkish", ru: "Турецкий", kk: "Түрік тілі"),
        Code("eng", en: "English", ru: "Английский", kk: "Ағылшын тілі"),
        Code("other", en: "Other", ru: "Другой", kk: "Басқа"),
    ])

    public static let maritalStatus = CodeList(id: "maritalStatus", codes: [
        Code("single", en: "Single", ru: "Не замужем / не женат"),
        Code("married", en: "Married", ru: "В браке"),
        Code("widowed", en: "Widowed", ru: "Вдова / вдовец"),
        Code("divorced", en: "Divorced", ru: "В разводе"),
        Code("separated", en: "Separated", ru: "Живут раздельно"),
        Code("unknown", en: "Unknown", ru: "Неизвестно", kk: "Белгісіз"),
    ])

    /// ISCED 2011 levels.
    public static let education = CodeList(id: "education", codes: [
        Code("none", en: "No formal education", ru: "Без образования"),
        Code("isced0", en: "Early childhood education (ISCED 0)", ru: "Дошкольное образование (МСКО 0)"),
        Code("isced1", en: "Primary (ISCED 1)", ru: "Начальное (МСКО 1)"),
        Code("isced2", en: "Lower secondary (ISCED 2)", ru: "Основное общее (МСКО 2)"),
        Code("isced3", en: "Upper secondary (ISCED 3)", ru: "Среднее общее (МСКО 3)"),
        Code("isced4", en: "Post-secondary non-tertiary (ISCED 4)", ru: "Послесреднее нетретичное (МСКО 4)"),
        Code("isced5", en: "Short-cycle tertiary (ISCED 5)", ru: "Короткий цикл высшего (МСКО 5)"),
        Code("isced6", en: "Bachelor's or equivalent (ISCED 6)", ru: "Бакалавриат (МСКО 6)"),
        Code("isced7", en: "Master's or equivalent (ISCED 7)", ru: "Магистратура (МСКО 7)"),
        Code("isced8", en: "Doctoral or equivalent (ISCED 8)", ru: "Докторантура (МСКО 8)"),
        Code("unknown", en: "Unknown", ru: "Неизвестно", kk: "Белгісіз"),
    ])

    public static let traffickingStatus = CodeList(id: "traffickingStatus", codes: [
        Code("actual", en: "Victim of trafficking", ru: "Жертва торговли людьми"),
        Code("possible", en: "Possible victim", ru: "Возможная жертва"),
        Code("notVictim", en: "Not a victim", ru: "Не является жертвой"),
    ])

    public static let statusDecidedBy = CodeList(id: "statusDecidedBy", codes: [
        Code("police", en: "Police", ru: "Полиция", kk: "Полиция"),
        Code("ngo", en: "NGO", ru: "НПО", kk: "ҮЕҰ"),
        Code("courtOrProsecution", en: "Court or prosecution", ru: "Суд или прокуратура"),
        Code("otherGovernment", en: "Other government body", ru: "Другой государственный орган"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    public static let exploitationType = CodeList(id: "exploitationType", codes: [
        Code("forcedLabour", en: "Forced labour", ru: "Принудительный труд"),
        Code("sexualExploitation", en: "Sexual exploitation", ru: "Сексуальная эксплуатация"),
        Code("childLabour", en: "Worst forms of child labour", ru: "Наихудшие формы детского труда"),
        Code("forcedMarriage", en: "Forced marriage", ru: "Принудительный брак"),
        Code("servitude", en: "Servitude (incl. domestic)", ru: "Подневольное состояние (в т. ч. домашнее)"),
        Code("forcedBegging", en: "Forced begging", ru: "Принуждение к попрошайничеству"),
        Code("forcedCriminality", en: "Forced criminality", ru: "Принуждение к преступной деятельности"),
        Code("organRemoval", en: "Organ removal", ru: "Изъятие органов"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    public static let labourSector = CodeList(id: "labourSector", codes: [
        Code("agriculture", en: "Agriculture", ru: "Сельское хозяйство"),
        Code("construction", en: "Construction", ru: "Строительство"),
        Code("domesticWork", en: "Domestic work", ru: "Домашний труд"),
        Code("hospitality", en: "Hospitality", ru: "Гостиницы и общепит"),
        Code("manufacturing", en: "Manufacturing", ru: "Производство"),
        Code("miningOrDrilling", en: "Mining or drilling", ru: "Добыча полезных ископаемых"),
        Code("fishing", en: "Fishing", ru: "Рыболовство"),
        Code("peddling", en: "Peddling", ru: "Уличная торговля"),
        Code("transportation", en: "Transportation", ru: "Транспорт"),
        Code("begging", en: "Begging", ru: "Попрошайничество"),
        Code("illicitActivities", en: "Illicit activities", ru: "Незаконная деятельность"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    public static let sexualExploitationType = CodeList(id: "sexualExploitationType", codes: [
        Code("prostitution", en: "Prostitution", ru: "Проституция"),
        Code("pornography", en: "Pornography", ru: "Порнография"),
        Code("remoteInteractive", en: "Remote interactive services", ru: "Дистанционные интерактивные услуги"),
        Code("privateSexualServices", en: "Private sexual services", ru: "Частные сексуальные услуги"),
    ])

    public static let recruitmentMethod = CodeList(id: "recruitmentMethod", codes: [
        Code("jobOffer", en: "Job offer", ru: "Предложение работы"),
        Code("onlineAdvertisement", en: "Online advertisement", ru: "Объявление в интернете"),
        Code("socialNetwork", en: "Social network or messenger", ru: "Соцсеть или мессенджер"),
        Code("friendsOrFamily", en: "Friends or family", ru: "Друзья или родственники"),
        Code("marriageOrPartner", en: "Marriage or partner", ru: "Брак или партнёр"),
        Code("abduction", en: "Abduction", ru: "Похищение"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    public static let recruiterRelation = CodeList(id: "recruiterRelation", codes: [
        Code("intimatePartner", en: "Intimate partner", ru: "Интимный партнёр"),
        Code("friend", en: "Friend", ru: "Друг / подруга"),
        Code("family", en: "Family member", ru: "Член семьи"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
        Code("unknown", en: "Unknown", ru: "Неизвестно", kk: "Белгісіз"),
    ])

    public static let meansOfControl = CodeList(id: "meansOfControl", codes: [
        Code("debtBondage", en: "Debt bondage", ru: "Долговая кабала"),
        Code("takesEarnings", en: "Takes earnings", ru: "Отбирает заработок"),
        Code("restrictsFinancialAccess", en: "Restricts access to money", ru: "Ограничивает доступ к деньгам"),
        Code("threats", en: "Threats", ru: "Угрозы"),
        Code("psychologicalAbuse", en: "Psychological abuse", ru: "Психологическое насилие"),
        Code("physicalAbuse", en: "Physical abuse", ru: "Физическое насилие"),
        Code("sexualAbuse", en: "Sexual abuse", ru: "Сексуальное насилие"),
        Code("falsePromises", en: "False promises", ru: "Ложные обещания"),
        Code("psychoactiveSubstances", en: "Psychoactive substances", ru: "Психоактивные вещества"),
        Code("restrictsMovement", en: "Restricts movement", ru: "Ограничивает передвижение"),
        Code("restrictsMedicalCare", en: "Restricts medical care", ru: "Ограничивает медицинскую помощь"),
        Code("excessiveWorkingHours", en: "Excessive working hours", ru: "Чрезмерный рабочий день"),
        Code("usesChildren", en: "Uses children", ru: "Использует детей"),
        Code("threatOfLawEnforcement", en: "Threat of police or deportation", ru: "Угрозы полицией или депортацией"),
        Code("withholdsNecessities", en: "Withholds necessities", ru: "Лишает самого необходимого"),
        Code("withholdsDocuments", en: "Withholds documents", ru: "Отбирает документы"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    public static let referralSource = CodeList(id: "referralSource", codes: [
        Code("police", en: "Police", ru: "Полиция", kk: "Полиция"),
        Code("ngo", en: "NGO", ru: "НПО", kk: "ҮЕҰ"),
        Code("hotline", en: "Hotline", ru: "Горячая линия"),
        Code("embassy", en: "Embassy or consulate", ru: "Посольство или консульство"),
        Code("iom", en: "IOM", ru: "МОМ", kk: "ХКҰ"),
        Code("medical", en: "Medical facility", ru: "Медицинское учреждение"),
        Code("self", en: "Self-referral", ru: "Обращение самостоятельно"),
        Code("family", en: "Family", ru: "Семья", kk: "Отбасы"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    /// Kinds of organisation a client is referred on to.
    public static let organisationType = CodeList(id: "organisationType", codes: [
        Code("ngo", en: "NGO", ru: "НПО", kk: "ҮЕҰ"),
        Code("police", en: "Police", ru: "Полиция", kk: "Полиция"),
        Code("medical", en: "Medical facility", ru: "Медицинское учреждение"),
        Code("psychological", en: "Psychological service", ru: "Психологическая служба"),
        Code("legalAid", en: "Legal aid", ru: "Юридическая помощь"),
        Code("socialServices", en: "Social services", ru: "Социальные службы"),
        Code("iom", en: "IOM", ru: "МОМ", kk: "ХКҰ"),
        Code("embassy", en: "Embassy or consulate", ru: "Посольство или консульство"),
        Code("shelter", en: "Another shelter", ru: "Другой приют"),
        Code("employment", en: "Employment or training", ru: "Трудоустройство или обучение"),
        Code("other", en: "Other", ru: "Другое", kk: "Басқа"),
    ])

    public static let serviceKind = CodeList(id: "serviceKind", codes: ServiceKind.allCases.map(\.code))
    public static let caseStatus = CodeList(id: "caseStatus", codes: CaseStatus.allCases.map(\.code))
    public static let userRole = CodeList(id: "userRole", codes: UserRole.allCases.map(\.code))

    /// Every list, for the data dictionary and the well-formedness tests.
    public static let all: [CodeList] = [
        gender, yesNoUnknown, language, maritalStatus, education, traffickingStatus, statusDecidedBy,
        exploitationType, labourSector, sexualExploitationType, recruitmentMethod, recruiterRelation,
        meansOfControl, referralSource, organisationType, serviceKind, caseStatus, userRole,
    ]
}
