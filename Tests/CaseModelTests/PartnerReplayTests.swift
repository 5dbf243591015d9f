import Testing
@testable import CaseModel

@Suite("Partners and partner referrals in replay")
struct PartnerReplayTests {
    static let key = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

    @Test func theDirectoryFollowsAddChangeAndRetireWithWhoAndWhen() {
        var factory = EventFactory(author: "anna", device: DeviceID(high: 1, low: 1), seed: 1)
        let id = PartnerID(high: 7, low: 7)
        var details = PartnerDetails(name: "IOM", kind: .ngo, country: "KZ")
        let added = factory.make(.partnerAdded(partner: id, details: details))
        details.city = "Алматы"
        var other = EventFactory(author: "bek", device: DeviceID(high: 1, low: 1), clock: factory.clock, seed: 2)
        let changed = other.make(.partnerChanged(partner: id, details: details))
        let retired = other.make(.partnerRetired(partner: id, reason: "office closed"))
        let store = CaseStore.replay([added, changed, retired])
        let partner = store.partners[id]
        #expect(partner?.details.city == "Алматы")
        #expect(partner?.addedBy == "anna")
        #expect(partner?.changedBy == "bek")
        #expect(partner?.isRetired == true)
        #expect(partner?.retiredReason == "office closed")
        #expect(store.partner(named: " iom ")?.id == id)
        #expect(store.activity.count == 3)
    }

    @Test func cleaningRefusesBadDetailsAndCanonicalisesTheKey() throws {
        let existing = Partner(id: PartnerID(high: 1, low: 1), details: PartnerDetails(name: "IOM", kind: .ngo),
                               addedBy: "a", addedAt: .zero, changedBy: "a", changedAt: .zero)
        #expect(throws: PartnerProblem.emptyName) { try PartnerDetails(name: "  ", kind: .legal).cleaned(others: []) }
        #expect(throws: PartnerProblem.nameTaken("iom")) { try PartnerDetails(name: "iom", kind: .legal).cleaned(others: [existing]) }
        #expect(throws: PartnerProblem.unknownCountry("ZZ")) { try PartnerDetails(name: "A", kind: .legal, country: "zz").cleaned(others: []) }
        #expect(throws: PartnerProblem.invalidRecipient(.badChecksum)) {
            try PartnerDetails(name: "A", kind: .legal, recipient: String(Self.key.dropLast()) + "q").cleaned(others: [])
        }
        let clean = try PartnerDetails(name: " A\tB ", kind: .legal, country: "kz", recipient: Self.key.uppercased()).cleaned(others: [])
        #expect(clean.name == "A B")
        #expect(clean.country == "KZ")
        #expect(clean.recipient == Self.key)
    }

    @Test func aReferralsStatusFollowsItsEventsAndShowsInHistory() {
        var factory = EventFactory(author: "anna", device: DeviceID(high: 1, low: 1), seed: 3)
        let opened = factory.openCase(values: [.familyName: .text("Каримова")], openedOn: Fixtures.date("2026-01-10"))
        let caseID = opened[0].body.caseID!
        let referral = PartnerReferral(partner: PartnerID(high: 2, low: 2), partnerName: "IOM", reasons: [.repatriation],
                                       sharedParts: [.identity], date: Fixtures.date("2026-02-01"), packet: .partnerKey)
        let sent = factory.make(.referralSent(caseID: caseID, referral: referral))
        let accepted = factory.make(.referralStatusChanged(caseID: caseID, referral: sent.id, status: .accepted,
                                                           date: Fixtures.date("2026-02-03"), outcome: ""))
        let store = CaseStore.replay(opened + [sent, accepted])
        let record = store[caseID]!
        #expect(record.partnerReferrals.count == 1)
        #expect(record.partnerReferrals[0].status == .accepted)
        #expect(record.partnerReferrals[0].statusDate == Fixtures.date("2026-02-03"))
        let changes = store.history(of: caseID).map(\.change)
        #expect(changes.contains(.partnerReferral(referral)))
        #expect(changes.contains(.referralStatus(partnerName: "IOM", status: .accepted, date: Fixtures.date("2026-02-03"), outcome: "")))
    }

    @Test func aPacketHoldsOnlyTheNamedParts() {
        var factory = EventFactory(author: "anna", device: DeviceID(high: 1, low: 1), seed: 4)
        let opened = factory.openCase(values: [.familyName: .text("Каримова"), .citizenship: .codes(["UZ"]),
                                               .consentToShareWithPartners: .code("yes")],
                                      openedOn: Fixtures.date("2026-01-10"))
        let caseID = opened[0].body.caseID!
        let note = factory.make(.noteAdded(caseID: caseID, text: "боится возвращаться"))
        let record = CaseStore.replay(opened + [note])[caseID]!
        func packet(_ parts: [SharedPart]) -> String {
            ReferralPacket(organisation: "Shelter", partner: PartnerDetails(name: "IOM", kind: .ngo, country: "KZ"), record: record,
                           referral: PartnerReferral(partner: PartnerID(high: 1, low: 1), partnerName: "IOM", reasons: [.shelter],
                                                     sharedParts: parts, date: Fixtures.date("2026-02-01"), packet: .partnerKey),
                           language: .en).text
        }
        let identity = packet([.identity])
        #expect(identity.contains("Family name: Каримова"))
        #expect(identity.contains("Citizenship: Uzbekistan"))
        #expect(identity.contains("Reasons for referral: Shelter"))
        #expect(identity.contains("IOM (IOM / NGO, Kazakhstan)"))
        #expect(!identity.contains("боится"))
        #expect(!identity.contains("Consents to sharing"))  // the consent section is never a shared part
        #expect(packet([.identity, .notes]).contains("боится возвращаться"))
    }
}
