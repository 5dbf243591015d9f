/// `refuge agenda --format json`: a stable contract (docs/command-line.md). Items carry case
/// numbers, kinds, days and user names only, never a follow-up's free text.
public enum AgendaJSONRenderer {
    public static func render(_ agenda: Agenda, days: Int) -> String {
        JSONText.object([
            ("today", JSONText.string(agenda.today.iso)),
            ("days", JSONText.number(days)),
            ("items", JSONText.array(agenda.items.map { item in
                JSONText.object([
                    ("caseNumber", JSONText.string(item.caseNumber.description)),
                    ("kind", JSONText.string(item.kind.rawValue)),
                    ("due", JSONText.string(item.due.iso)),
                    ("owner", JSONText.string(item.owner)),
                    ("overdue", item.isOverdue(on: agenda.today) ? "true" : "false"),
                ])
            })),
        ]) + "\n"
    }
}
