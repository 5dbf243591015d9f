import CaseModel

/// The words of case work after intake: support plan, assessments, follow-ups, the agenda.
extension AppStrings {
    private func w(_ en: String, _ ru: String, _ kk: String) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk
        }
    }

    // MARK: History lines
    func objectiveAddedLine(_ text: String) -> String { w("plan objective added: ", "цель плана добавлена: ", "жоспар мақсаты қосылды: ") + text }
    func objectiveChangedLine(_ text: String) -> String { w("plan objective changed: ", "цель плана изменена: ", "жоспар мақсаты өзгертілді: ") + text }
    func actionAddedLine(_ text: String) -> String { w("plan action added: ", "действие плана добавлено: ", "жоспар әрекеті қосылды: ") + text }
    func actionChangedLine(_ text: String) -> String { w("plan action changed: ", "действие плана изменено: ", "жоспар әрекеті өзгертілді: ") + text }
    func riskAssessmentLine(_ text: String) -> String { w("risk assessment: ", "оценка рисков: ", "тәуекелді бағалау: ") + text }
    func needsAssessmentLine(_ text: String) -> String { w("needs assessment: ", "оценка потребностей: ", "қажеттіліктерді бағалау: ") + text }
    func followUpAddedLine(_ text: String) -> String { w("follow-up added: ", "задача добавлена: ", "тапсырма қосылды: ") + text }
    func followUpDoneLine(_ text: String) -> String { w("follow-up done: ", "задача выполнена: ", "тапсырма орындалды: ") + text }
    func followUpMovedLine(_ text: String, to day: String) -> String {
        w("follow-up moved to \(day): ", "задача перенесена на \(day): ", "тапсырма \(day) күніне ауыстырылды: ") + text
    }
    func followUpDroppedLine(_ text: String) -> String { w("follow-up dropped: ", "задача отменена: ", "тапсырма алынып тасталды: ") + text }

    // MARK: Parts of a line
    var individualRisk: String { w("individual", "личный", "жеке") }
    var householdRisk: String { w("household", "семья", "отбасы") }
    var communityRisk: String { w("community", "община", "қауым") }
    var immediateDanger: String { w("IMMEDIATE DANGER", "НЕПОСРЕДСТВЕННАЯ ОПАСНОСТЬ", "ТІКЕЛЕЙ ҚАУІП") }
    var agreedWithPerson: String { w("agreed with the person", "согласовано с человеком", "адаммен келісілген") }
    func due(_ day: String) -> String { w("due \(day)", "срок \(day)", "мерзімі \(day)") }
    func responsible(_ who: String) -> String { w("responsible: \(who)", "ответственный: \(who)", "жауапты: \(who)") }
    func reason(_ text: String) -> String { w("reason: \(text)", "причина: \(text)", "себебі: \(text)") }

    // MARK: Flags
    var flagHighRisk: String { w("HIGH RISK", "ВЫСОКИЙ РИСК", "ЖОҒАРЫ ТӘУЕКЕЛ") }
    var flagImmediateDanger: String { w("DANGER", "ОПАСНОСТЬ", "ҚАУІП") }
}

/// The agenda's words (the screen and `refuge agenda`).
extension AppStrings {
    private func a(_ en: String, _ ru: String, _ kk: String) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk
        }
    }

    var agendaTitle: String { a("Agenda", "Повестка", "Күн тәртібі") }
    var agendaOverdue: String { a("Overdue", "Просрочено", "Мерзімі өткен") }
    var agendaToday: String { a("Today", "Сегодня", "Бүгін") }
    func agendaNextDays(_ days: Int) -> String { a("Next \(days) days", "На \(days) дней", "Алдағы \(days) күн") }
    var agendaEmpty: String { a("Nothing is due. Well done.", "Сроков нет. Всё сделано.", "Мерзімі жоқ. Бәрі орындалды.") }
}

/// The words of the agenda screen, the case file's plan and assessments, and their forms.
extension AppStrings {
    private func b(_ en: String, _ ru: String, _ kk: String) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk
        }
    }

    var agenda: String { b("Agenda", "Повестка", "Күн тәртібі") }
    var columnDue: String { b("Due", "Срок", "Мерзімі") }
    var columnWhat: String { b("What", "Что", "Не") }
    var agendaHelp: String {
        b("Follow-ups that are overdue, due today and in the next 7 days. Enter opens the case; d marks done, m moves (with a reason), x drops (with a reason). Esc: the case list.",
          "Просроченные задачи, на сегодня и на 7 дней вперёд. Enter открывает дело; d — выполнено, m — перенести (с причиной), x — отменить (с причиной). Esc — список дел.",
          "Мерзімі өткен, бүгінгі және алдағы 7 күндегі тапсырмалар. Enter істі ашады; d — орындалды, m — ауыстыру (себебімен), x — алып тастау (себебімен). Esc — істер тізімі.")
    }
    func agendaSummary(overdue: Int, today: Int, upcoming: Int) -> String {
        b("Overdue: \(overdue) · today: \(today) · next 7 days: \(upcoming)",
          "Просрочено: \(overdue) · сегодня: \(today) · 7 дней: \(upcoming)",
          "Мерзімі өткен: \(overdue) · бүгін: \(today) · 7 күн: \(upcoming)")
    }
    var markDone: String { b("Done", "Готово", "Орындалды") }
    var moveFollowUp: String { b("Move", "Перенести", "Ауыстыру") }
    var dropFollowUp: String { b("Drop", "Отменить", "Алып тастау") }
    var moveToDate: String { b("New due date (dd.mm.yyyy)", "Новый срок (дд.мм.гггг)", "Жаңа мерзім (кк.аа.жжжж)") }
    func notADate(_ text: String) -> String {
        b("\"\(text)\" is not a date: write 31.01.2026. Nothing was changed.", "«\(text)» — не дата: пишите 31.01.2026. Ничего не изменено.",
          "«\(text)» — күн емес: 31.01.2026 деп жазыңыз. Ештеңе өзгертілмеді.")
    }
    var reasonRequired: String { b("Reason (kept in the history)", "Причина (остаётся в истории)", "Себебі (тарихта сақталады)") }
    var reasonMissing: String { b("A reason is needed. Nothing was changed.", "Нужна причина. Ничего не изменено.", "Себебі керек. Ештеңе өзгертілмеді.") }
    func followUpMarkedDone(_ number: String) -> String { b("Done: case \(number).", "Выполнено: дело \(number).", "Орындалды: іс \(number).") }
    func followUpMoved(_ number: String, _ day: String) -> String {
        b("Moved to \(day): case \(number).", "Перенесено на \(day): дело \(number).", "\(day) күніне ауыстырылды: іс \(number).")
    }
    func followUpDropped(_ number: String) -> String { b("Dropped: case \(number).", "Отменено: дело \(number).", "Алып тасталды: іс \(number).") }
    func overdueInHeader(_ count: Int) -> String { b("overdue \(count)", "просрочено \(count)", "мерзімі өткен \(count)") }
    var columnMarker: String { "!" }

    // MARK: Case file: plan and assessments
    var planTab: String { b("Plan", "План", "Жоспар") }
    var assessmentsTab: String { b("Assessments", "Оценки", "Бағалау") }
    var caseWork: String { b("Plan…", "План…", "Жоспар…") }
    var caseWorkTitle: String { b("Plan, assessments, follow-ups", "План, оценки, задачи", "Жоспар, бағалау, тапсырмалар") }
    var addObjective: String { b("Add a plan objective", "Добавить цель плана", "Жоспар мақсатын қосу") }
    var editObjective: String { b("Change a plan objective", "Изменить цель плана", "Жоспар мақсатын өзгерту") }
    var addAction: String { b("Add an action to an objective", "Добавить действие к цели", "Мақсатқа әрекет қосу") }
    var editAction: String { b("Change a plan action", "Изменить действие плана", "Жоспар әрекетін өзгерту") }
    var newRiskAssessment: String { b("Risk assessment", "Оценка рисков", "Тәуекелді бағалау") }
    var newNeedsAssessment: String { b("Needs assessment", "Оценка потребностей", "Қажеттіліктерді бағалау") }
    var addFollowUp: String { b("Add a follow-up", "Добавить задачу", "Тапсырма қосу") }
    var chooseObjective: String { b("Which objective?", "Какая цель?", "Қай мақсат?") }
    var chooseAction: String { b("Which action?", "Какое действие?", "Қай әрекет?") }
    var noObjectivesYet: String { b("The plan has no objectives yet: add one first.", "В плане ещё нет целей: сначала добавьте цель.",
                                    "Жоспарда әлі мақсат жоқ: алдымен мақсат қосыңыз.") }
    func planSaved(_ number: String) -> String { b("Plan saved: case \(number).", "План сохранён: дело \(number).", "Жоспар сақталды: іс \(number).") }
    func assessmentSaved(_ number: String) -> String {
        b("Assessment saved: case \(number).", "Оценка сохранена: дело \(number).", "Бағалау сақталды: іс \(number).")
    }
    func followUpSaved(_ number: String) -> String { b("Follow-up saved: case \(number).", "Задача сохранена: дело \(number).", "Тапсырма сақталды: іс \(number).") }
    func planVersion(_ version: Int) -> String { b("Support plan, version \(version)", "План помощи, версия \(version)", "Көмек жоспары, \(version)-нұсқа") }
    var openFollowUps: String { b("Open follow-ups", "Открытые задачи", "Ашық тапсырмалар") }
    var latestRisk: String { b("Latest risk assessment", "Последняя оценка рисков", "Соңғы тәуекел бағалауы") }
    var riskTrend: String { b("Trend (highest risk, oldest first)", "Динамика (наибольший риск, сначала старые)", "Өзгерісі (ең жоғары тәуекел, ескілері бірінші)") }
    var latestNeeds: String { b("Latest needs assessment", "Последняя оценка потребностей", "Соңғы қажеттілік бағалауы") }
}

/// The case-work tables of the Reports screen.
extension AppStrings {
    private func r(_ en: String, _ ru: String, _ kk: String) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk
        }
    }

    var caseWorkReportTitle: String { r("Case work", "Работа по делам", "Істер бойынша жұмыс") }
    var assessmentsMade: String { r("Assessments after intake", "Оценки после приёма", "Қабылдаудан кейінгі бағалау") }
    var assessmentsOnTime: String { r("  of them on time", "  из них в срок", "  оның ішінде уақтылы") }
    var openObjectivesByArea: String { r("Open plan objectives by area", "Открытые цели плана по сферам", "Салалар бойынша ашық мақсаттар") }
    var overdueByCaseworker: String { r("Overdue follow-ups by caseworker", "Просроченные задачи по сотрудникам", "Қызметкерлер бойынша мерзімі өткен тапсырмалар") }
}

/// The words of History's filters in the case file.
extension AppStrings {
    private func h(_ en: String, _ ru: String, _ kk: String) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk
        }
    }

    var historyKindKey: String { h("History: kind", "История: вид", "Тарих: түрі") }
    var historyPersonKey: String { h("History: who", "История: кто", "Тарих: кім") }
    var historyFindKey: String { h("Find in history", "Найти в истории", "Тарихтан іздеу") }
    var historyFindLabel: String { h("Text (empty: all)", "Текст (пусто — всё)", "Мәтін (бос — бәрі)") }
    var historyAllButViews: String { h("all but views", "всё, кроме просмотров", "қараулардан басқасының бәрі") }
    var historyEveryone: String { h("everyone", "все", "барлығы") }
    func historyFilterLine(kind: String, person: String, query: String) -> String {
        h("Shown: \(kind) · \(person)", "Показано: \(kind) · \(person)", "Көрсетілген: \(kind) · \(person)")
            + (query.isEmpty ? "" : " · «\(query)»") + h("  (k kind, w who, / find)", "  (k (л) — вид, w (ц) — кто, / — поиск)",
                                                         "  (k (л) — түрі, w (ц) — кім, / — іздеу)")
    }
}

/// The coordinators' view of recent changes across cases.
extension AppStrings {
    private func c(_ en: String, _ ru: String, _ kk: String) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk
        }
    }

    var recentChangesTitle: String { c("Recent changes", "Последние изменения", "Соңғы өзгерістер") }
    var recentChangesKey: String { c("Recent changes", "Изменения", "Өзгерістер") }
    var recentToday: String { c("Today", "Сегодня", "Бүгін") }
    var recentWeek: String { c("Week", "Неделя", "Апта") }
    var recentChangesHelp: String {
        c("Changes to every case, newest first, without views. t: today or the last 7 days; w: one person or everyone.",
          "Изменения всех дел, новые сверху, без просмотров. t — сегодня или 7 дней; w — один человек или все.",
          "Барлық істердің өзгерістері, жаңалары жоғарыда, қараусыз. t — бүгін немесе 7 күн; w — бір адам немесе барлығы.")
    }
    func recentChangesHeader(todayOnly: Bool, person: String, count: Int) -> String {
        (todayOnly ? c("Today", "Сегодня", "Бүгін") : c("Last 7 days", "Последние 7 дней", "Соңғы 7 күн"))
            + " · \(person) · " + c("changes: \(count)", "изменений: \(count)", "өзгерістер: \(count)")
    }
}

/// Closing a case with open plan objectives.
extension AppStrings {
    func openObjectivesOnClosing(_ count: Int) -> String {
        switch language {
        case .en: "What became of the open objectives (\(count))?"
        case .ru: "Чем закончились открытые цели (\(count))?"
        case .kk: "Ашық мақсаттар (\(count)) немен аяқталды?"
        }
    }
    var keepObjectivesOpen: String {
        switch language {
        case .en: "Keep them open"
        case .ru: "Оставить открытыми"
        case .kk: "Ашық қалдыру"
        }
    }
}
