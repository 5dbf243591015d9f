import Foundation
import Testing
@testable import RefugeApp

/// `refuge agenda` and `refuge settings` on a demo case file (issue 14).
@Suite("refuge command line: agenda and settings")
struct AgendaCommandTests {
    static let demo: [String: String?] = ["REFUGE_USER": "demo", "REFUGE_PASSPHRASE": "demo-passphrase"]

    /// A demo case file of 40 invented cases, with its plans, assessments and follow-ups.
    static func demoWorkspace() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace()
        let made = try workspace.run(["demo", "--cases", "40"], environment: demo)
        guard made.status == 0 else { throw CLIWorkspace.SetupFailed(output: made.output) }
        return workspace
    }

    struct Item: Decodable, Equatable {
        let caseNumber: String
        let kind: String
        let due: String
        let owner: String
        let overdue: Bool
    }

    struct Listing: Decodable {
        let today: String
        let days: Int
        let items: [Item]
    }

    static func listing(_ output: String) throws -> Listing {
        try JSONDecoder().decode(Listing.self, from: Data(output.utf8))
    }

    @Test func theDemosAgendaListsOverdueAndUpcomingFollowUpsAsJSON() throws {
        let workspace = try Self.demoWorkspace()
        let result = try workspace.run(["agenda", "--format", "json"], environment: Self.demo)
        #expect(result.status == 0, "\(result.output)")
        let listing = try Self.listing(result.output)
        #expect(listing.days == 7)
        #expect(listing.items.contains { $0.overdue })
        #expect(listing.items.contains { !$0.overdue && $0.due > listing.today })
        #expect(listing.items.allSatisfy { $0.overdue == ($0.due < listing.today) })
        #expect(Set(listing.items.map(\.kind)).isSubset(of: ["manual", "planAction", "referralOutcome", "reassessment",
                                                              "reflectionPeriodEnd"]))
        #expect(listing.items.contains { $0.kind == "planAction" } && listing.items.contains { $0.kind == "manual" })
        // Overdue first, then by day.
        let overdue = listing.items.prefix { $0.overdue }
        #expect(listing.items.dropFirst(overdue.count).allSatisfy { !$0.overdue })
        #expect(overdue.map(\.due) == overdue.map(\.due).sorted())
    }

    @Test func userAndDaysNarrowTheAgenda() throws {
        let workspace = try Self.demoWorkspace()
        let all = try Self.listing(try workspace.run(["agenda", "--format", "json", "--days", "30"], environment: Self.demo).output)
        let mine = try Self.listing(try workspace.run(["agenda", "--format", "json", "--days", "30", "--user", "demo"],
                                                      environment: Self.demo).output)
        #expect(!mine.items.isEmpty && mine.items.allSatisfy { $0.owner == "demo" })
        #expect(mine.items.count < all.items.count)
        let none = try Self.listing(try workspace.run(["agenda", "--format", "json", "--days", "0"], environment: Self.demo).output)
        #expect(none.items.allSatisfy { $0.due <= none.today })
        #expect(try workspace.run(["agenda", "--days", "-1"], environment: Self.demo).status == 2)
    }

    @Test func theTextFormGroupsInTheChosenLanguage() throws {
        let workspace = try Self.demoWorkspace()
        let english = try workspace.run(["agenda", "--lang", "en"], environment: Self.demo)
        #expect(english.status == 0)
        #expect(english.output.contains("Overdue (") && english.output.contains("Today (") && english.output.contains("Next 7 days ("))
        let russian = try workspace.run(["agenda", "--lang", "ru"], environment: Self.demo)
        #expect(russian.output.contains("Просрочено (") && russian.output.contains("Действие плана: "))
    }

    @Test func settingsAreShownChangedByACoordinatorAndMoveTheDerivedDates() throws {
        let workspace = try CLIWorkspace.initialised()
        let shown = try workspace.run(["settings"])
        #expect(shown.status == 0 && shown.output.contains("reflection-days: 30"))
        let changed = try workspace.run(["settings", "--reflection-days", "90"])
        #expect(changed.status == 0 && changed.output.contains("reflection-days: 90"))
        #expect(try workspace.run(["settings"]).output.contains("reflection-days: 90"))
        #expect(try workspace.run(["settings", "--reflection-days", "0"]).status == 2)
    }
}
