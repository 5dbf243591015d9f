import CaseModel
import Foundation
import ScreenKit
import Terminal

/// The partner directory: a adds a partner, e edits the selected one, d retires it.
final class PartnersScreen: Screen, CommandScreen {
    private unowned let session: RefugeSession
    private let rows = TableRows<PartnerID>()
    let table: TableView

    init(session: RefugeSession) {
        self.session = session
        let s = session.strings
        table = TableView(columns: [TableColumn(s.partnerName), TableColumn(s.partnerKind, width: .fixed(22)),
                                    TableColumn(s.partnerPlace, width: .fixed(16)), TableColumn(s.partnerKey, width: .fixed(9))],
                          dataSource: rows, strings: s.screenKit)
        table.sortKey = nil
        table.helpText = s.partnersHelp
        super.init(title: s.partnersTitle, root: table)
    }

    override func didAppear() {
        let s = session.strings
        let partners = session.book?.store.partnerList ?? []
        rows.items = partners.map { partner in
            let details = partner.details
            let place = [details.city, details.country].filter { !$0.isEmpty }.joined(separator: ", ")
            let name = partner.isRetired ? "\(details.name) (\(s.retired))" : details.name
            return (partner.id, [name, details.kind.label.text(in: s.language), place, details.recipient.isEmpty ? "—" : "age"])
        }
        table.reload()
    }

    enum Command: CaseIterable { case add, edit, retire, back }

    /// Edit and retire only with a partner selected (and retire only one still active): the bar
    /// names what works, so an empty directory offers adding one.
    var commandTable: CommandTable<Command> {
        let s = session.strings
        var rows: [CommandTable<Command>.Row] = [.init(.add, .function(5), .character("a"), label: s.addPartner)]
        if let partner = selected {
            rows.append(.init(.edit, .function(4), .character("e"), label: s.edit))
            if !partner.isRetired { rows.append(.init(.retire, .function(8), .character("d"), label: s.retirePartner)) }
        }
        rows.append(.init(.back, .escape, label: s.back))
        return CommandTable(rows)
    }

    func perform(_ command: Command) {
        switch command {
        case .add: PartnerFormScreens.add(session: session)
        case .edit: editSelected()
        case .retire: retireSelected()
        case .back: session.app.dismiss(self)
        }
    }

    override var bindings: [Binding] { commandBindings }

    private var selected: Partner? {
        guard rows.items.indices.contains(table.selectedRow) else { return nil }
        return session.book?.store.partners[rows.items[table.selectedRow].key]
    }

    private func editSelected() {
        guard let partner = selected else { return }
        PartnerFormScreens.edit(partner, session: session)
    }

    private func retireSelected() {
        guard let partner = selected, !partner.isRetired else { return }
        let s = session.strings
        session.app.push(PromptDialog(title: s.retirePartner, label: s.retireReason(partner.details.name)) { [unowned self] answer in
            guard let answer else { return }
            if session.perform({ try session.writableBook().retirePartner(partner.id, reason: answer) }) {
                session.app.showInfo(s.partnerRetired(partner.details.name))
                didAppear()
            }
        })
    }
}

/// The partner and referral forms, built from `CaseModel.PartnerForms` by the intake's builder.
enum PartnerFormScreens {
    static func add(session: RefugeSession) {
        let s = session.strings
        present(session, title: s.addPartner, values: [:]) { book, details in
            try book.addPartner(details)
            session.app.showInfo(s.partnerSaved(details.name))
        }
    }

    static func edit(_ partner: Partner, session: RefugeSession) {
        let s = session.strings
        present(session, title: "\(s.edit) — \(partner.details.name)", values: PartnerForms.values(of: partner.details)) { book, details in
            try book.changePartner(partner.id, to: details)
            session.app.showInfo(s.partnerSaved(details.name))
        }
    }

    private static func present(_ session: RefugeSession, title: String, values: [FieldKey: FieldValue],
                                save: @escaping (CaseBook, PartnerDetails) throws -> Void) {
        let schema = PartnerForms.partner
        let builder = IntakeFormBuilder(schema: schema, language: session.strings.language, today: { [unowned session] in session.today })
        let description = builder.description(title: title, sections: schema.sections)
        let screen = session.caseFileForm(description, initial: FormValueMapping.formValues(values)) { book, form in
            // The form's checks call the builder, which they hold unowned: the form keeps it alive.
            withExtendedLifetime(builder) {}
            try save(book, PartnerForms.details(from: FormValueMapping.answers(of: form, declaredIn: schema.sections)))
        }
        session.app.push(screen)
    }

    /// The referral of `record` to a partner: reasons, what to share, where to write the packet,
    /// and, without the person's consent, the coordinator's reason. Saving writes the packet and
    /// records the referral; a passphrase packet shows its passphrase once.
    static func referral(session: RefugeSession, record: CaseRecord) -> FormScreen? {
        let s = session.strings
        guard let book = session.book else { return nil }
        let partners = book.store.partnerList.filter { !$0.isRetired }
        guard !partners.isEmpty else {
            session.app.showError(s.noPartnersYet)
            return nil
        }
        let consented = record.sharingConsent.holds
        let schema = PartnerForms.referral(partners: partners, consented: consented)
        let builder = IntakeFormBuilder(schema: schema, language: s.language, today: { [unowned session] in session.today })
        let description = builder.description(title: "\(s.referToPartnerTitle) — \(record.number)", sections: schema.sections)
        let defaultFile = session.settings.homeDirectory.appendingPathComponent("referral-\(record.number).age").path
        let initial: [FieldKey: FieldValue] = [
            .referralShared: .codes(SharedPart.standard.map(\.rawValue)), .referralFile: .text(defaultFile),
        ]
        let send = { (form: Form, book: CaseBook) throws -> String in
            // The form's checks call the builder, which they hold unowned: the form keeps it alive.
            withExtendedLifetime(builder) {}
            let values = FormValueMapping.answers(of: form, declaredIn: schema.sections)
            guard let id = values[.referralPartner]?.code.flatMap(PartnerID.init(hex:)),
                  let partner = book.store.partners[id] else { throw CaseBook.PartnerRefusal.unknownPartner("?") }
            let reasons = values[.referralReasons].map(PartnerForms.codes)?.compactMap(ReferralReason.init(rawValue:)) ?? []
            let parts = values[.referralShared].map(PartnerForms.codes)?.compactMap(SharedPart.init(rawValue:)) ?? []
            let file = values[.referralFile]?.text ?? defaultFile
            let packet = try book.refer(record.id, to: partner, reasons: reasons, parts: parts,
                                        overrideReason: values[.referralOverride]?.text, language: s.language, writingTo: file)
            return packet.passphrase.map { s.packetWrittenWithPassphrase(file, $0) } ?? s.packetWritten(file)
        }
        let screen = FormScreen(description, values: FormValueMapping.formValues(initial), strings: s.screenKit,
                                today: { [unowned session] in session.today }) { _ in }
        screen.onSave = { [unowned screen, unowned session] form in
            let message = try session.saving { try send(form, session.writableBook()) }
            session.app.dismiss(screen)
            session.app.push(MessageDialog(title: s.referToPartnerTitle, message: message))
        }
        return screen
    }
}
