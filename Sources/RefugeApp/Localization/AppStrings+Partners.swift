import CaseModel

/// The words of the partner directory and referrals (kept together so the language catalogs can
/// take them in one piece).
extension AppStrings {
    func partnerRefusal(_ refusal: CaseBook.PartnerRefusal) -> String {
        switch refusal {
        case .details(.emptyName): t("A partner needs a name.", "Укажите название партнёра.", "Серіктестің атауын жазыңыз.")
        case .details(.nameTaken(let name)):
            t("A partner named \(name) is already in the list.", "Партнёр «\(name)» уже есть в списке.", "«\(name)» серіктесі тізімде бар.")
        case .details(.unknownCountry(let code)):
            t("\(code) is not a country code (KZ, UZ, RU…).", "\(code) — не код страны (KZ, UZ, RU…).", "\(code) — ел коды емес (KZ, UZ, RU…).")
        case .details(.unknownLanguage(let code)):
            t("\(code) is not a language of the list.", "\(code) — нет такого языка в списке.", "\(code) — тізімде ондай тіл жоқ.")
        case .details(.invalidRecipient(.badChecksum)):
            t("The age key has a mistyped or missing character.", "В ключе age опечатка или пропущен символ.",
              "age кілтінде қате не түсіп қалған таңба бар.")
        case .details(.invalidRecipient):
            t("This is not an age public key (age1…).", "Это не открытый ключ age (age1…).", "Бұл age ашық кілті емес (age1…).")
        case .unknownPartner(let name):
            t("No partner named \(name).", "Партнёра «\(name)» нет в списке.", "«\(name)» серіктесі тізімде жоқ.")
        case .partnerRetired(let name):
            t("\(name) is retired and takes no new referrals.", "«\(name)» в архиве, новые направления туда не отправляются.",
              "«\(name)» мұрағатта, оған жаңа жолдама жіберілмейді.")
        case .unknownCase(let number): t("No case \(number).", "Дела \(number) нет.", "\(number) ісі жоқ.")
        case .noReasons: t("Choose at least one reason.", "Выберите хотя бы одну причину.", "Кемінде бір себепті таңдаңыз.")
        case .noConsent:
            t("No consent to share with partners. Only a coordinator may send it, giving a reason.",
              "Нет согласия на передачу партнёрам. Отправить может только координатор, указав причину.",
              "Серіктестерге беруге келісім жоқ. Тек үйлестіруші себебін көрсетіп жібере алады.")
        case .overrideNeedsCoordinator:
            t("Only a coordinator may send without consent.", "Без согласия может отправить только координатор.",
              "Келісімсіз тек үйлестіруші жібере алады.")
        case .noSuchReferral: t("No referral to this partner.", "Направления этому партнёру нет.", "Бұл серіктеске жолдама жоқ.")
        case .statusNotAllowed(let from, let to):
            t("A referral that is \(from.label.text(in: language).lowercased()) cannot become \(to.label.text(in: language).lowercased()).",
              "Направление в статусе «\(from.label.text(in: language))» не может стать «\(to.label.text(in: language))».")
        case .dateInFuture: t("The date is in the future.", "Дата ещё не наступила.", "Күн әлі келген жоқ.")
        }
    }

    func partnerReferralLine(_ text: String) -> String { t("referral to partner: ", "направление партнёру: ", "серіктеске жолдама: ") + text }
    func referralStatusLine(_ text: String) -> String { t("referral: ", "направление: ", "жолдама: ") + text }
    func consentOverriddenNote(_ reason: String) -> String {
        t("without consent, coordinator's reason: \(reason)", "без согласия, причина координатора: \(reason)",
          "келісімсіз, үйлестірушінің себебі: \(reason)")
    }

    // MARK: Partner directory screen
    var partners: String { t("Partners", "Партнёры", "Серіктестер") }
    var partnersTitle: String { t("Partner organisations", "Организации-партнёры", "Серіктес ұйымдар") }
    var partnersHelp: String {
        t("The organisations people are referred to. a adds, e edits, d retires (kept for past referrals).",
          "Организации, куда направляют людей. a — добавить, e — изменить, d — в архив (прошлые направления сохранятся).",
          "Адамдар жолданатын ұйымдар. a — қосу, e — өзгерту, d — мұрағатқа (бұрынғы жолдамалар сақталады).")
    }
    var partnerName: String { t("Name", "Название", "Атауы") }
    var partnerKind: String { t("Kind", "Вид", "Түрі") }
    var partnerPlace: String { t("Place", "Место", "Орны") }
    var partnerKey: String { t("Key", "Ключ", "Кілт") }
    var retired: String { t("retired", "в архиве", "мұрағатта") }
    var addPartner: String { t("Add", "Добавить", "Қосу") }
    var retirePartner: String { t("Retire", "В архив", "Мұрағатқа") }
    func retireReason(_ name: String) -> String { t("Why is \(name) retired?", "Почему «\(name)» в архив?", "«\(name)» неге мұрағатқа?") }
    func partnerRetired(_ name: String) -> String { t("\(name) retired.", "«\(name)» в архиве.", "«\(name)» мұрағатта.") }
    func partnerSaved(_ name: String) -> String { t("Partner \(name) saved.", "Партнёр «\(name)» сохранён.", "«\(name)» серіктесі сақталды.") }
    var noPartnersYet: String {
        t("No partners yet: add them first (case list, F11).", "Партнёров пока нет: сначала добавьте их (список дел, F11).",
          "Серіктестер әлі жоқ: алдымен қосыңыз (істер тізімі, F11).")
    }

    // MARK: Referral to a partner
    var referToPartner: String { t("To partner", "Партнёру", "Серіктеске") }
    var referToPartnerTitle: String { t("Refer to a partner", "Направить партнёру", "Серіктеске жолдау") }
    func packetWritten(_ file: String) -> String {
        t("The referral is recorded. The encrypted packet is in \(file); only the partner's key opens it.",
          "Направление записано. Зашифрованный пакет — в \(file); открыть его может только ключ партнёра.",
          "Жолдама жазылды. Шифрланған пакет — \(file); оны тек серіктестің кілті ашады.")
    }
    func packetWrittenWithPassphrase(_ file: String, _ passphrase: String) -> String {
        t("The referral is recorded. The packet is in \(file). It opens with this passphrase — tell it to the partner by phone, never with the file:\n\n\(passphrase)",
          "Направление записано. Пакет — в \(file). Он открывается паролем — сообщите его партнёру по телефону, никогда вместе с файлом:\n\n\(passphrase)",
          "Жолдама жазылды. Пакет — \(file). Ол құпия сөзбен ашылады — серіктеске телефонмен айтыңыз, файлмен бірге ешқашан жібермеңіз:\n\n\(passphrase)")
    }
    func partnerReferralEntry(_ line: String, status: String, author: String) -> String { "\(line)  [\(status)]  — \(author)" }

    // MARK: Flags
    var flagsKey: String { t("Flags", "Отметки", "Белгілер") }
    var flagsTitle: String { t("Set or clear a flag", "Поставить или снять отметку", "Белгі қою не алу") }
    var otherFlag: String { t("Other…", "Другая…", "Басқа…") }
    var otherFlagLabel: String { t("Flag", "Отметка", "Белгі") }
    func flagSetLine(_ flag: String) -> String { t("flag set: ", "отметка: ", "белгі қойылды: ") + flag }
    func flagClearedLine(_ flag: String) -> String { t("flag cleared: ", "отметка снята: ", "белгі алынды: ") + flag }
    func flagRefusal(_ refusal: CaseBook.FlagRefusal) -> String {
        switch refusal {
        case .empty: t("A flag needs a name.", "Укажите отметку.", "Белгіні жазыңыз.")
        case .tooLong: t("At most \(UserFlags.maxLength) characters.", "Не длиннее \(UserFlags.maxLength) символов.",
                         "\(UserFlags.maxLength) таңбадан аспасын.")
        case .alreadySet(let flag): t("Already flagged: \(flag).", "Отметка уже есть: \(flag).", "Белгі бар: \(flag).")
        case .notSet(let flag): t("No such flag: \(flag).", "Такой отметки нет: \(flag).", "Мұндай белгі жоқ: \(flag).")
        }
    }
}
