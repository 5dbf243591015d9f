import CaseModel
import ScreenKit

/// Every word the application's screens show, in English, Russian and (where written) Kazakh.
/// Kazakh falls back to Russian wherever a correct Kazakh text has not been written yet, as the
/// schema's labels do. ScreenKit's own words come from `screenKit`.
struct AppStrings: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    func t(_ en: String, _ ru: String, _ kk: String? = nil) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk ?? ru
        }
    }

    /// ScreenKit has English and Russian; Kazakh staff read Russian there.
    var screenKit: ScreenKitStrings { language == .en ? .english : .russian }

    // MARK: Global keys
    var help: String { screenKit.help }
    var lock: String { t("Lock", "Блок", "Құлып") }
    var quit: String { t("Quit", "Выход", "Шығу") }
    var back: String { screenKit.back }

    // MARK: Markers
    var demoMarker: String { t("DEMO", "ДЕМО", "ДЕМО") }
    var readOnlyMarker: String { t("READ-ONLY", "ТОЛЬКО ЧТЕНИЕ") }
    var namesHiddenMarker: String { t("NAMES HIDDEN", "ИМЕНА СКРЫТЫ", "АТТАР ЖАСЫРЫН") }

    // MARK: Setup
    var setupTitle: String { t("Refuge — first start", "Refuge — первый запуск") }
    var setupPage: String { t("New case file", "Новая картотека") }
    var organisation: String { t("Organisation", "Организация", "Ұйым") }
    var organisationHelp: String { t("The shelter's name, shown in reports.", "Название приюта, оно видно в отчётах.") }
    var firstUser: String { t("Your user name", "Ваше имя пользователя") }
    var firstUserHelp: String {
        t("You become the coordinator: you can add other users later.",
          "Вы станете координатором и сможете добавить других пользователей.")
    }
    var userName: String { t("User name", "Имя пользователя") }
    var passphrase: String { t("Passphrase", "Пароль-фраза") }
    var passphraseAgain: String { t("Passphrase again", "Пароль-фраза ещё раз") }
    var passphraseHelp: String {
        t("At least 10 characters. Without it nobody can read the case file: write it down and keep the paper apart from the laptop (not in its bag).",
          "Не меньше 10 знаков. Без неё картотеку не прочитать никому: запишите её и храните запись отдельно от ноутбука (не в его сумке).")
    }
    var passphraseTooShort: String { t("At least 10 characters.", "Не меньше 10 знаков.") }
    func passphraseTooWeak(_ suggestion: String) -> String {
        t("Too easy to guess. For example: \(suggestion)", "Слишком легко угадать. Например: \(suggestion)")
    }
    var keyFileWillBeUpgraded: String {
        t("The key file will be upgraded to the current format when you sign in.",
          "Файл ключей будет обновлён до текущего формата при входе.",
          "Кілттер файлы кірген кезде ағымдағы пішімге жаңартылады.")
    }
    var keyFileUpgraded: String {
        t("The key file was upgraded to the current format.", "Файл ключей обновлён до текущего формата.")
    }
    var passphrasesDiffer: String { t("The two passphrases differ.", "Пароль-фразы не совпадают.") }

    // MARK: Sign-in and lock
    var signInTitle: String { t("Refuge — sign in", "Refuge — вход", "Refuge — кіру") }
    var signInPage: String { t("Sign in", "Вход", "Кіру") }
    var wrongCredentials: String { t("Wrong user name or passphrase.", "Неверное имя пользователя или пароль-фраза.") }
    func waitBeforeRetry(_ seconds: Int) -> String {
        t("Too many wrong attempts. Wait \(seconds) s, then try again.",
          "Слишком много неверных попыток. Подождите \(seconds) с и попробуйте снова.")
    }
    func lockedByOther(_ holder: String) -> String {
        // The holder first: the top line cuts what does not fit.
        t("Already open in another running Refuge (\(holder)). Close it there first.",
          "Картотека уже открыта в другой запущенной программе Refuge (\(holder)). Сначала закройте её там.")
    }
    var damagedTitle: String { t("Damaged case file", "Картотека повреждена") }
    var damagedAdvice: String {
        t("Part of the case file is damaged, so it is open READ-ONLY: you can look, but not change anything. Nothing was changed on disk. Ask your coordinator to run `refuge verify`, then `refuge salvage` to make a repaired copy.",
          "Часть картотеки повреждена, поэтому она открыта ТОЛЬКО ДЛЯ ЧТЕНИЯ: смотреть можно, менять нельзя. На диске ничего не изменено. Попросите координатора выполнить `refuge verify`, затем `refuge salvage`, чтобы получить исправленную копию.")
    }
    var lockedTitle: String { t("Locked", "Заблокировано", "Құлыпталған") }
    func lockedPage(_ user: String) -> String {
        t("Locked. \(user), enter your passphrase to continue.", "Заблокировано. \(user), введите пароль-фразу, чтобы продолжить.")
    }
    var unlock: String { t("Unlock", "Открыть") }
    var otherUser: String { t("Other user", "Другой", "Басқа") }  // bar label on the lock screen
    var signIn: String { t("Sign in", "Войти", "Кіру") }
    var create: String { t("Create", "Создать") }

    // MARK: Drafts
    var draftTitle: String { t("Unsaved intake", "Несохранённая анкета") }
    var draftQuestion: String {
        t("An intake was not saved last time (the program was closed or the power went off). Continue it?",
          "В прошлый раз анкета не была сохранена (программа закрылась или пропало питание). Продолжить её?")
    }

    // MARK: Case list
    var caseListTitle: String { t("Cases", "Дела", "Істер") }
    var columnNumber: String { "№" }
    var columnName: String { t("Name", "Имя", "Аты") }
    var columnGender: String { t("Sex", "Пол") }
    // Column titles fit their columns at 80x24 whole: a cut title ("Во…") says nothing.
    var columnAge: String { t("Age", "Лет") }
    var columnCitizenship: String { t("Citz.", "Гр-во") }
    var columnExploitation: String { t("Type", "Вид") }
    var columnStatus: String { t("Status", "Статус") }
    var columnIntake: String { t("Intake", "Приём") }
    var columnCaseworker: String { t("Staff", "Ведёт") }
    var columnCompleteness: String { "%" }
    var filterAll: String { t("All", "Все", "Барлығы") }
    var filterClosed: String { t("Closed", "Закрытые") }
    /// The most important first: a narrow screen leaves out the last counts whole.
    func counts(active: Int, followUp: Int, closed: Int, shown: Int) -> [String] {
        [t("Shown \(shown)", "Показано \(shown)", "Көрсетілген \(shown)"), t("Active \(active)", "Активные \(active)", "Белсенді \(active)"),
         t("Follow-up \(followUp)", "Сопровождение \(followUp)", "Сүйемелдеу \(followUp)"),
         t("Closed \(closed)", "Закрытые \(closed)", "Жабық \(closed)")]
    }
    func filterLine(_ filter: String) -> String { t("Filter: \(filter)", "Фильтр: \(filter)") }
    var search: String { t("Search", "Поиск", "Іздеу") }
    var searchHelp: String {
        t("Type part of a name in any script: Latin finds Cyrillic and back. Enter or Down goes to the list, Esc clears.",
          "Введите часть имени любым алфавитом: латиница находит кириллицу и наоборот. Enter или вниз — к списку, Esc — очистить.")
    }
    var newIntake: String { t("New", "Новое", "Жаңа") }
    var filter: String { screenKit.filter }
    var mask: String { t("Mask", "Скрыть") }
    var unmask: String { t("Show", "Показ.", "Көрсет") }  // bar label: names shown again
    var reports: String { t("Reports", "Отчёты", "Есептер") }
    var users: String { t("Users", "Польз.") }
    var open: String { t("Open", "Открыть") }
    var caseListHelp: String {
        t("All cases. Enter opens the selected case; n (т) starts a new intake; F2 or a (ф) shows the agenda. Column !: high risk, and how many follow-ups are overdue.",
          "Все дела. Enter открывает выбранное дело; n (т) — новая анкета; F2 или a (ф) — повестка. Столбец !: высокий риск и число просроченных задач.",
          "Барлық істер. Enter таңдалған істі ашады; n (т) — жаңа сауалнама; F2 немесе a (ф) — күн тәртібі. ! бағаны: жоғары тәуекел және мерзімі өткен тапсырмалар саны.")
    }
    var noCases: String { t("No cases yet. Press n (т) or Ins for a new intake.", "Дел пока нет. Нажмите n (т) или Ins для новой анкеты.") }

    // MARK: Intake and editing
    var newIntakeTitle: String { t("New intake", "Новая анкета", "Жаңа сауалнама") }
    func editTitle(_ section: String, _ number: String) -> String { t("Edit", "Правка") + ": \(section) — \(number)" }
    var duplicatesTitle: String { t("Possible earlier cases", "Возможно, уже есть дело") }
    var duplicatesFound: String {
        t("This person may already have a case. Enter opens it, F2 saves a new case anyway.",
          "Возможно, у этого человека уже есть дело. Enter — открыть его, F2 — всё равно сохранить новое.")
    }
    var saveAnyway: String { t("Save new", "Сохр. новое") }
    func saved(_ number: String) -> String { t("Saved: case \(number).", "Сохранено: дело \(number).") }
    var nothingChanged: String { t("Nothing changed.", "Ничего не изменено.") }
    func noteSaved(_ number: String) -> String { t("Note saved: case \(number).", "Заметка сохранена: дело \(number).", "Жазба сақталды: іс \(number).") }
    func serviceSaved(_ number: String) -> String { t("Service recorded: case \(number).", "Услуга записана: дело \(number).", "Қызмет жазылды: іс \(number).") }
    func referralSaved(_ number: String) -> String { t("Referral saved: case \(number).", "Направление сохранено: дело \(number).", "Жолдама сақталды: іс \(number).") }
    func statusSaved(_ number: String) -> String { t("Status changed: case \(number).", "Статус изменён: дело \(number).", "Мәртебе өзгертілді: іс \(number).") }
    var chooseSection: String { t("Which part?", "Какой раздел?") }

    // MARK: Case file
    var overview: String { t("Overview", "Обзор", "Шолу") }
    var history: String { t("History", "История", "Тарих") }
    var notes: String { t("Notes", "Заметки") }
    var services: String { t("Services", "Услуги", "Қызметтер") }
    var referrals: String { t("Referrals", "Направления") }
    var edit: String { t("Edit", "Правка") }
    var addNote: String { t("Note", "Замет.") }  // bar labels: 6 letters at most, as in MC
    var addService: String { t("Service", "Услуга", "Қызмет") }
    var addReferral: String { t("Referral", "Направ") }  // bar label
    var referral: String { t("Referral", "Направление", "Жолдама") }
    var changeStatus: String { t("Status", "Статус") }
    var caseTitle: String { t("Case", "Дело", "Іс") }
    /// The parts of the case file's header; a narrow screen breaks the line between them.
    func caseHeader(number: String, name: String, age: String, status: String) -> [String] {
        [number, name, t("age \(age)", "возраст \(age)", "жасы \(age)"), status]
    }
    /// How much of what the statistics need is answered ("filled 100%" read as the page being full).
    func forReports(_ percent: String) -> String { t("for reports: \(percent)", "для отчёта: \(percent)", "есеп үшін: \(percent)") }
    /// An age estimated at intake (no date of birth).
    func aboutAge(_ age: Int) -> String { t("about \(age)", "около \(age)", "шамамен \(age)") }
    var notRecorded: String { "—" }
    var markDuplicate: String { t("Duplic.", "Дублик.", "Қайталау") }  // bar label
    func markDuplicateTitle(_ number: String) -> String {
        t("Case \(number) is a duplicate", "Дело \(number) — дубликат", "\(number) ісі — қайталама")
    }
    var originalCaseNumber: String { t("Number of the earlier case of this person:", "Номер прежнего дела этого человека:", "Осы адамның бұрынғы ісінің нөмірі:") }
    func noSuchCase(_ number: String) -> String { t("There is no case \(number).", "Дела \(number) нет.", "\(number) ісі жоқ.") }
    func duplicateOf(_ number: String) -> String { t("duplicate of case \(number)", "дубликат дела \(number)", "\(number) ісінің қайталамасы") }
    /// A status in the case list's column of 10: whole words, and "closed – referred" not cut to "closed".
    func statusInList(_ status: CaseStatus) -> String {
        switch status {
        case .active: t("Active", "Активно", "Белсенді")
        case .followUp: t("Follow-up", "Сопровожд.")
        case .closed: t("Closed", "Закрыто", "Жабық")
        case .closedReferred: t("Referred", "Передано")
        }
    }
    /// In the status list (coordinators): the case registers a person who already has one.
    var duplicateOfAnotherCase: String { t("Duplicate of another case", "Дубликат другого дела", "Басқа істің қайталамасы") }
    var earlierCaseNumber: String { t("Number of the earlier case", "Номер прежнего дела", "Бұрынғы істің нөмірі") }
    var earlierCaseHelp: String {
        t("The case of the same person registered before, e.g. 2026-0001. Both cases stay, linked; statistics count the person once.",
          "Дело того же человека, заведённое раньше, например 2026-0001. Оба дела остаются и связаны; в статистике человек считается один раз.",
          "Сол адамның бұрын ашылған ісі, мысалы 2026-0001. Екі іс те сақталады және байланысады; статистикада адам бір рет саналады.")
    }
    func hasDuplicates(_ numbers: String) -> String { t("duplicates: \(numbers)", "дубликаты: \(numbers)", "қайталамалары: \(numbers)") }
    var nothingYet: String { t("Nothing yet.", "Пока ничего нет.") }
    var note: String { t("Note", "Заметка") }
    var noteHelp: String { t("What happened, what was agreed. Saved with your name and the time.", "Что произошло, о чём договорились. Сохраняется с вашим именем и временем.") }
    var service: String { t("Service", "Услуга", "Қызмет") }
    var date: String { t("Date", "Дата", "Күні") }
    var endDate: String { t("End date", "Дата окончания") }
    var organisationType: String { t("Referred to", "Куда направлен(а)") }
    var reason: String { t("Reason", "Причина", "Себебі") }
    var status: String { t("Status", "Статус") }
    var reasonHelp: String { t("Why the status changes; kept in the history.", "Почему меняется статус; остаётся в истории.") }
    var caseFileHelp: String {
        t("F7/F8 switch parts. e (у) edits, a (ф) adds a note, s (ы) a service, r (к) a referral, p (з) refers to a partner with an encrypted packet, g (п) sets or clears a flag, c (с) changes the status, t (е) the plan, assessments and follow-ups. History: k (л) one kind, w (ц) one person, / finds.",
          "F7/F8 — разделы. e (у) — правка, a (ф) — заметка, s (ы) — услуга, r (к) — направление, p (з) — направить партнёру (зашифрованный пакет), g (п) — отметки, c (с) — статус, t (е) — план, оценки, задачи. История: k (л) — вид, w (ц) — кто, / — поиск.",
          "F7/F8 — бөлімдер. e (у) — түзету, a (ф) — жазба, s (ы) — қызмет, r (к) — жолдама, p (з) — серіктеске жолдау (шифрланған пакет), g (п) — белгілер, c (с) — мәртебе, t (е) — жоспар, бағалау, тапсырмалар. Тарих: k (л) — түрі, w (ц) — кім, / — іздеу.")
    }
    // history lines
    func opened(_ number: String) -> String { t("opened case \(number)", "открыто дело \(number)") }
    var viewed: String { t("viewed the case", "просмотр дела") }
    func noteLine(_ text: String) -> String { t("note: ", "заметка: ") + text }
    func serviceLine(_ text: String) -> String { t("service: ", "услуга: ") + text }
    func referralLine(_ text: String) -> String { t("referral: ", "направление: ") + text }
    func statusLine(_ from: String, _ to: String, _ reason: String) -> String {
        t("status: ", "статус: ") + "\(from) → \(to)" + (reason.isEmpty ? "" : " (\(reason))")
    }
    func reopenedLine(_ from: String, _ reason: String) -> String {
        t("reopened from ", "открыто снова, было: ") + from + (reason.isEmpty ? "" : " (\(reason))")
    }
    func consentLine(_ items: String) -> String { t("consent withdrawn: ", "согласие отозвано: ") + items }
    var empty: String { t("(empty)", "(пусто)") }
    // flags
    var flagMinor: String { t("MINOR", "НЕСОВЕРШЕННОЛЕТНИЙ") }
    var flagMinorAtExploitation: String { t("minor when exploited", "эксплуатация до 18") }
    var flagIncomplete: String { t("incomplete", "не заполнено") }
    var flagConsentWithdrawn: String { t("consent withdrawn", "согласие отозвано") }
    var flagConflict: String { t("conflicting edits", "конфликт правок") }
    var flagNoStatistics: String { t("no statistics", "без статистики") }

    // MARK: Reports
    var reportsTitle: String { t("Reports", "Отчёты", "Есептер") }
    var from: String { t("From", "С") }
    var to: String { t("To", "По") }
    var periodHelp: String { t("Cases whose intake date lies in this period; leave empty for all.", "Дела с датой приёма в этом периоде; пусто — все.") }
    var export: String { t("Export", "Экспорт") }
    var exportTitle: String { t("Export anonymised cases", "Экспорт обезличенных дел", "Иесіз істерді экспорттау") }
    var exportPath: String {
        t("File to write (.csv, or .xlsx for Excel):", "Куда записать файл (.csv, или .xlsx для Excel):",
          "Файл қайда жазылады (.csv, не Excel үшін .xlsx):")
    }
    func replaceFile(_ path: String) -> String {
        t("\(path) already exists. Replace it?", "Файл \(path) уже есть. Заменить его?", "\(path) файлы бар. Ауыстыру керек пе?")
    }
    func exported(_ count: Int, _ path: String) -> String { t("\(count) cases written to \(path).", "Записано дел: \(count), файл \(path).") }

    // MARK: Import
    var importRecords: String { t("Import", "Импорт", "Импорт") }
    var importTitle: String { t("Import records", "Импорт записей", "Жазбаларды импорттау") }
    var importPath: String { t("File to read (.xlsx, .xlsm or .csv):", "Какой файл прочитать (.xlsx, .xlsm или .csv):",
                               "Қай файлды оқу керек (.xlsx, .xlsm не .csv):") }
    var importConfirm: String { t("Import", "Импортировать", "Импорттау") }
    func importFormat(_ table: ImportTable) -> String {
        if let workbook = table as? XLSXTable {
            return t("Excel workbook, sheet “\(workbook.sheetName)”", "Книга Excel, лист «\(workbook.sheetName)»",
                     "Excel кітабы, «\(workbook.sheetName)» парағы")
        }
        guard let csv = table as? CSVTable else { return table.formatDescription }
        let separator = csv.delimiter == "\t" ? t("tab", "табуляция", "табуляция") : String(csv.delimiter)
        return t("CSV, \(csv.encoding.rawValue), cells separated by “\(separator)”",
                 "CSV, \(csv.encoding.rawValue), разделитель «\(separator)»",
                 "CSV, \(csv.encoding.rawValue), бөлгіш «\(separator)»")
    }
    var importColumns: String { t("Columns → fields", "Столбцы → поля", "Бағандар → өрістер") }
    var importNoHeader: String { t("(no header)", "(без заголовка)", "(тақырыпсыз)") }
    func importTarget(_ target: String) -> String {
        switch target {
        case "note": return t("imported note", "заметка об импорте", "импорт туралы жазба")
        case "ignore": return t("ignored", "не переносится", "ауыстырылмайды")
        case "status": return status
        default: return IntakeSchema.standard.field(FieldKey(target))?.label.text(in: language) ?? target
        }
    }
    func importReady(_ count: Int) -> String {
        t("\(count) cases are ready. F2 imports them all; nothing is saved before.",
          "Готово к импорту дел: \(count). F2 — импортировать все; до этого ничего не сохраняется.",
          "Импортқа дайын істер: \(count). F2 — барлығын импорттау; оған дейін ештеңе сақталмайды.")
    }
    func importProblems(_ count: Int) -> String {
        t("\(count) problems: nothing can be imported. Correct the file and open it again.",
          "Ошибок: \(count) — импортировать нельзя. Исправьте файл и откройте его снова.",
          "Қателер: \(count) — импорттауға болмайды. Файлды түзетіп, қайта ашыңыз.")
    }
    func importMoreProblems(_ count: Int) -> String { t("… and \(count) more.", "… и ещё \(count).", "… және тағы \(count).") }
    func imported(_ count: Int) -> String { t("\(count) cases imported.", "Импортировано дел: \(count).", "Импортталған істер: \(count).") }
    var importFileChanged: String {
        t("The file changed since the preview; nothing was imported. Open it again.",
          "Файл изменился после просмотра; ничего не импортировано. Откройте его снова.",
          "Қараудан кейін файл өзгерді; ештеңе импортталмады. Қайта ашыңыз.")
    }
    func cannotReadImport(_ reason: String) -> String {
        t("Cannot import this file: \(reason)", "Этот файл нельзя импортировать: \(reason)", "Бұл файлды импорттау мүмкін емес: \(reason)")
    }

    var totalPeople: String { t("People", "Человек") }
    var byGender: String { t("By sex (age range)", "По полу (возраст)") }
    var minorsAtExploitation: String { t("First exploited under 18", "Эксплуатация до 18 лет") }
    var byCitizenship: String { t("Citizenship", "Гражданство") }
    var byExploitation: String { t("Exploitation", "Виды эксплуатации") }
    var byLabourSector: String { t("Labour sector", "Сфера труда") }
    var byCountryOfExploitation: String { t("Country of exploitation", "Страна эксплуатации") }
    var byReferralSource: String { t("Referred by", "Кем направлены") }
    var byStatus: String { t("Status", "Статус") }
    func suppressed(_ minCell: Int) -> String { "<\(minCell)" }
    func suppressionNote(_ minCell: Int) -> String {
        t("Groups of fewer than \(minCell) people are shown as <\(minCell) so nobody can be recognised.",
          "Группы меньше \(minCell) человек показаны как <\(minCell), чтобы никого нельзя было узнать.")
    }
    func excludedWithoutConsent(_ count: Int) -> String {
        t("Left out (no consent to statistics): \(count)", "Не учтены (нет согласия на статистику): \(count)")
    }

    // MARK: Users
    var usersTitle: String { t("Users", "Пользователи", "Пайдаланушылар") }
    var role: String { t("Role", "Роль") }
    var active: String { t("Active", "Активен") }
    var disabled: String { t("disabled", "отключён") }
    var addUser: String { t("Add", "Добавить") }
    var disableUser: String { t("Disable", "Отключить") }
    var changePassphrase: String { t("Passphrase", "Пароль") }
    var addUserTitle: String { t("New user", "Новый пользователь") }
    var resetPassphrase: String { t("Reset", "Сброс", "Қалпына") }  // bar label: a forgotten passphrase
    func resetPassphraseTitle(_ name: String) -> String {
        t("New passphrase for “\(name)”", "Новая пароль-фраза для «\(name)»", "«\(name)» үшін жаңа құпия сөз")
    }
    func resetPassphraseAdvice(_ name: String) -> String {
        t("Tell it to \(name) in person; they must change it when signing in.",
          "Сообщите её \(name) лично; при входе её нужно будет сменить.",
          "Оны \(name) өзіне айтыңыз; кіргенде оны ауыстыру керек.")
    }
    func passphraseWasReset(_ name: String) -> String {
        t("New passphrase set for \(name).", "Для \(name) задана новая пароль-фраза.", "\(name) үшін жаңа құпия сөз орнатылды.")
    }
    var mustChangePassphrase: String {
        t("The passphrase was chosen by your coordinator: choose your own now.",
          "Эту пароль-фразу выбрал координатор: придумайте свою.",
          "Бұл құпия сөзді үйлестіруші таңдады: өзіңіздікін ойлап табыңыз.")
    }
    var changePassphraseTitle: String { t("Change my passphrase", "Сменить мою пароль-фразу") }
    var currentPassphrase: String { t("Current passphrase", "Текущая пароль-фраза") }
    var newPassphrase: String { t("New passphrase", "Новая пароль-фраза") }
    func disableQuestion(_ name: String) -> String {
        t("Disable the user “\(name)”? Their passphrase will no longer open the case file; their past entries keep their name.",
          "Отключить пользователя «\(name)»? Его пароль-фраза больше не откроет картотеку; прежние записи сохранят имя.")
    }
    func userAdded(_ name: String) -> String { t("User \(name) added.", "Пользователь \(name) добавлен.") }
    func userDisabled(_ name: String) -> String { t("User \(name) disabled.", "Пользователь \(name) отключён.") }
    var passphraseChanged: String { t("Passphrase changed.", "Пароль-фраза изменена.") }
    var usersHelp: String { t("a (ф) adds a user, d (в) disables the selected one, p (з) changes your own passphrase.", "a (ф) — добавить, d (в) — отключить выбранного, p (з) — сменить свою пароль-фразу.") }

    // MARK: Errors
    var readOnlyRefused: String {
        t("The case file is open read-only: nothing can be changed. See `refuge verify` and `refuge salvage`.",
          "Картотека открыта только для чтения: изменить ничего нельзя. См. `refuge verify` и `refuge salvage`.")
    }
    var diskFull: String {
        t("The disk is full. Nothing was lost: everything you typed is still here. Free some space, then press F2 again.",
          "Диск заполнен. Ничего не потеряно: всё введённое на месте. Освободите место и снова нажмите F2.")
    }
    var writeFailed: String {
        t("Saving failed (a storage error). Nothing was lost: everything you typed is still here. Press F2 to try again.",
          "Сохранить не удалось (ошибка диска). Ничего не потеряно: всё введённое на месте. Нажмите F2, чтобы повторить.")
    }
    var pseudonymSecretMissing: String {
        t("The secret behind anonymised ids (pseudonym-secret.sealed) is missing; new ids would not match earlier exports. Ask your coordinator to restore the file from a backup.",
          "Секрет анонимных идентификаторов (pseudonym-secret.sealed) отсутствует; новые идентификаторы не совпали бы с прежними выгрузками. Попросите координатора восстановить файл из резервной копии.")
    }
    var pseudonymSecretMovedIntoLog: String {
        t("The secret behind anonymised ids is now kept inside the case file itself.",
          "Секрет анонимных идентификаторов теперь хранится в самой картотеке.")
    }
    /// Opening cut an unfinished save off the end of the log (a crash or power cut during a save).
    func cutTailKept(_ file: String) -> String {
        t("An unfinished save was cut off the end of the case file; its bytes are kept in \(file).",
          "Незавершённое сохранение отрезано от конца картотеки; его байты сохранены в \(file).")
    }
    var draftNotKept: String {
        t("Draft not kept: the disk may be full. The form stays open.",
          "Черновик не сохранён: возможно, диск заполнен. Анкета открыта.")
    }
    var notSavedTitle: String { t("Not saved", "Не сохранено") }
    var notPermitted: String { t("Only a coordinator may do this.", "Это может только координатор.") }
    var cannotDisableSelf: String { t("You cannot disable yourself.", "Нельзя отключить самого себя.") }
    func userExists(_ name: String) -> String { t("A user named \(name) already exists.", "Пользователь \(name) уже есть.") }
    var invalidUserName: String { t("This name cannot be used (too long or with control characters).", "Такое имя нельзя использовать (слишком длинное или с управляющими символами).") }
    var noCaseFile: String { t("There is no case file in this folder.", "В этой папке нет картотеки.") }

    // MARK: Several laptops (a shared folder)
    /// The laptop that made a history entry, by the start of its device id.
    func deviceShort(_ id: String) -> String { t("laptop \(id)", "ноутбук \(id)", "ноутбук \(id)") }
    var notJoined: String {
        t("This laptop has not joined this case file yet: run «refuge device join».",
          "Этот ноутбук ещё не подключён к картотеке: выполните «refuge device join».",
          "Бұл ноутбук картотекаға әлі қосылмаған: «refuge device join» орындаңыз.")
    }
    var alreadyJoined: String {
        t("This laptop has already joined this case file.", "Этот ноутбук уже подключён к картотеке.",
          "Бұл ноутбук картотекаға қосылып қойған.")
    }
    var keyChangeInSharedFolder: String {
        t("Not possible while several laptops share the case file. Nothing was changed.",
          "Невозможно, пока картотеку делят несколько ноутбуков. Ничего не изменено.",
          "Картотеканы бірнеше ноутбук бөліскенде мүмкін емес. Ештеңе өзгермеді.")
    }
    var alreadyExists: String { t("A case file already exists in this folder.", "В этой папке уже есть картотека.") }
    var damagedFile: String {
        t("The case file cannot be opened: it is damaged. Run `refuge verify`, then `refuge salvage`.",
          "Картотеку нельзя открыть: она повреждена. Выполните `refuge verify`, затем `refuge salvage`.")
    }
    func newerFormat(_ version: UInt16) -> String {
        t("This case file was made by a newer Refuge (file format version \(version)); upgrade Refuge to open it. Nothing was changed.",
          "Эту картотеку создала более новая версия Refuge (формат файла \(version)); обновите Refuge, чтобы открыть её. Ничего не изменено.")
    }
    func unexpected(_ detail: String) -> String { t("Something went wrong: \(detail)", "Произошла ошибка: \(detail)") }
    func cannotWriteFile(_ path: String) -> String { t("Cannot write \(path).", "Не удаётся записать \(path).") }
}
