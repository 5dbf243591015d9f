import CalendarDay

extension Words {
    /// A day as this language writes it in lists and messages: "30.11.2026" in Russian and Kazakh,
    /// "30 Nov 2026" in English (a month name leaves no doubt which number is the day). The pattern
    /// and the month names are catalog entries (`date.format`, `date.month.N`).
    public func day(_ date: CalendarDate) -> String {
        let pad = { (value: Int, width: Int) in String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return self("date.format", [
            "dd": .text(pad(date.day, 2)), "mm": .text(pad(date.month, 2)), "yyyy": .text(pad(date.year, 4)),
            "d": .text(String(date.day)), "month": .text(self("date.month.\(date.month)")),
        ])
    }
}
