import CaseModel
import Foundation
@testable import RefugeApp
import RefugeTestSupport
@testable import ScreenKit
import Terminal
import Testing

@Suite("Partner directory and referral screens")
struct PartnerScreenTests {
    static let key = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

    private func partnersScreen(_ language: Language) throws -> AppHarness {
        let app = try AppHarness.signedIn(language: language)
        app.press(.function(11))
        #expect(app.top is PartnersScreen)
        return app
    }

    @Test(arguments: [(Language.en, "Partner organisations", "Partner IOM Almaty saved.", "IOM / NGO"),
                      (Language.ru, "Организации-партнёры", "Партнёр «IOM Almaty» сохранён.", "МОМ / НПО")])
    func aPartnerIsAddedFromTheList(language: Language, title: String, saved: String, kind: String) throws {
        let app = try partnersScreen(language)
        #expect(app.shows(title))
        app.press(.function(5))
        let form = try #require(app.top as? FormScreen)
        app.type("IOM Almaty")
        form.form.set(FieldKey.partnerKind.rawValue, .choice(PartnerKind.ngo.rawValue))
        form.form.set(FieldKey.partnerCountry.rawValue, .choice("KZ"))
        form.form.set(FieldKey.partnerRecipient.rawValue, .text(Self.key))
        app.press(.function(2))
        #expect(app.shows(saved), "\(app.screen)")
        #expect(app.top is PartnersScreen)
        #expect(app.shows(kind))
        #expect(app.shows("age"))
        let partner = try #require(app.book?.store.partner(named: "IOM Almaty"))
        #expect(partner.details.recipient == Self.key)
        #expect(partner.addedBy == "anna")
    }

    @Test(arguments: [(Language.en, "The age key has a mistyped or missing character."),
                      (Language.ru, "В ключе age опечатка или пропущен символ.")])
    func aMistypedKeyIsRefusedAndTheFormKeepsWhatWasTyped(language: Language, message: String) throws {
        let app = try partnersScreen(language)
        app.press(.function(5))
        let form = try #require(app.top as? FormScreen)
        app.type("Lawyers")
        form.form.set(FieldKey.partnerKind.rawValue, .choice(PartnerKind.legal.rawValue))
        form.form.set(FieldKey.partnerRecipient.rawValue, .text(String(Self.key.dropLast()) + "q"))
        app.press(.function(2))
        #expect(app.shows(message), "\(app.screen)")
        #expect(app.top === form)
        #expect(app.book?.store.partners.isEmpty == true)
    }

    @Test func aPartnerIsEditedAndRetired() throws {
        let app = try partnersScreen(.ru)
        try app.book?.addPartner(PartnerDetails(name: "Клиника", kind: .medical))
        app.press(.escape)
        app.press(.function(11))
        #expect(app.shows("Клиника"))
        app.press(.character("e"))
        let form = try #require(app.top as? FormScreen)
        form.form.set(FieldKey.partnerCity.rawValue, .text("Алматы"))
        app.press(.function(2))
        #expect(app.shows("Партнёр «Клиника» сохранён."), "\(app.screen)")
        #expect(app.shows("Алматы"))
        app.press(.character("d"))
        app.type("закрылась")
        app.press(.enter)
        #expect(app.shows("«Клиника» в архиве."), "\(app.screen)")
        #expect(app.shows("Клиника (в архиве)"))
        let partner = try #require(app.book?.store.partner(named: "Клиника"))
        #expect(partner.isRetired && partner.retiredReason == "закрылась" && partner.details.city == "Алматы")
    }

    /// From the case file, one key: p opens the referral form; saving writes an age packet and
    /// records the referral, shown in the Referrals tab.
    @Test(arguments: [Language.en, Language.ru])
    func aReferralIsSentFromTheCaseFileWithOneKey(language: Language) throws {
        var values = AppHarness.person("Каримова", "Дильноза")
        values[.consentToShareWithPartners] = .code("yes")
        let app = try AppHarness.signedIn(language: language, cases: [values])
        try app.book?.addPartner(PartnerDetails(name: "IOM Almaty", kind: .ngo, recipient: Self.key))
        app.press(.enter)
        #expect(app.top is CaseFileScreen)
        app.press(.character(language == .ru ? "з" : "p"))
        let form = try #require(app.top as? FormScreen, "\(app.screen)")
        #expect(app.shows(language == .ru ? "Направить партнёру" : "Refer to a partner"))
        #expect(!app.shows(language == .ru ? "Причина отправки без согласия" : "Reason to send without consent"))
        let partnerID = try #require(app.book?.store.partner(named: "IOM Almaty")?.id)
        form.form.set(FieldKey.referralPartner.rawValue, .choice(partnerID.description))
        form.form.set(FieldKey.referralReasons.rawValue, .choices([ReferralReason.repatriation.rawValue]))
        app.press(.function(2))
        let packet = app.directory.appendingPathComponent("referral-2026-0001.age")
        #expect(FileManager.default.fileExists(atPath: packet.path), "\(app.screen)")
        #expect(app.shows(language == .ru ? "Направление записано." : "The referral is recorded."), "\(app.screen)")
        app.press(.enter)
        let record = try #require(app.book?.store.records.first)
        #expect(record.partnerReferrals.count == 1)
        #expect(record.partnerReferrals.first?.referral.reasons == [.repatriation])
        #expect(record.partnerReferrals.first?.referral.packet == .partnerKey)
    }

    @Test func withoutConsentTheFormAsksForTheCoordinatorsReason() throws {
        let app = try AppHarness.signedIn(language: .en, cases: [AppHarness.person("Asanov", "Bekzod", gender: "male")])
        try app.book?.addPartner(PartnerDetails(name: "Lawyers", kind: .legal))
        app.press(.enter)
        app.press(.character("p"))
        let form = try #require(app.top as? FormScreen)
        #expect(app.shows("Reason to send without consent"))
        let partnerID = try #require(app.book?.store.partner(named: "Lawyers")?.id)
        form.form.set(FieldKey.referralPartner.rawValue, .choice(partnerID.description))
        form.form.set(FieldKey.referralReasons.rawValue, .choices([ReferralReason.legal.rawValue]))
        form.form.set(FieldKey.referralOverride.rawValue, .text("court hearing on Monday"))
        app.press(.function(2))
        #expect(app.top is MessageDialog, "\(app.screen)")
        // The passphrase, whole on one line of the dialog (six groups of five).
        let groups = app.screen.split(separator: "\n").contains { row in
            row.split(separator: " ").contains { $0.split(separator: "-").count == 6 && $0.count == 35 }
        }
        #expect(groups, "\(app.screen)")
        let referral = try #require(app.book?.store.records.first?.partnerReferrals.first)
        #expect(referral.referral.consentOverride == "court hearing on Monday")
        #expect(referral.referral.packet == .passphrase)
    }
}
