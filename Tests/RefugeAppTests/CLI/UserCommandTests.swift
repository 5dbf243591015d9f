import Foundation
import Testing

/// `refuge user add|list|disable|passwd|reset`.
@Suite("refuge user")
struct UserCommandTests {
    @Test func addListDisableAndChangePassphrase() throws {
        let workspace = try CLIWorkspace.initialised()
        let added = try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                      environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"])
        #expect(added.status == 0, "\(added.output)")
        #expect(try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"]).status == 1)
        #expect(try workspace.run(["user", "add", "dana", "--role", "coordinator"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": "short"]).status == 1)

        let list = try workspace.run(["user", "list"], as: "bek", passphrase: "bek-passphrase")
        #expect(list.status == 0, "\(list.output)")
        let lines = list.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(lines.contains(["anna", "Coordinator", "Active"]), "\(list.output)")  // the users screen's words
        #expect(lines.contains(["bek", "Caseworker", "Active"]))

        // A caseworker may not add or disable users.
        let byCaseworker = try workspace.run(["user", "add", "dana", "--role", "caseworker"],
                                             environment: ["REFUGE_USER": "bek", "REFUGE_PASSPHRASE": "bek-passphrase",
                                                           "REFUGE_NEW_PASSPHRASE": "dana-passphrase"])
        #expect(byCaseworker.status == 1, "\(byCaseworker.output)")

        // Own passphrase: the old one stops working, the new one works.
        let changed = try workspace.run(["user", "passwd"], as: "bek", passphrase: "bek-passphrase")
        #expect(changed.status == 2)  // no new passphrase and no terminal
        let passwd = try workspace.run(["user", "passwd"], environment: [
            "REFUGE_USER": "bek", "REFUGE_PASSPHRASE": "bek-passphrase", "REFUGE_NEW_PASSPHRASE": "bek-new-passphrase",
        ])
        #expect(passwd.status == 0, "\(passwd.output)")
        #expect(try workspace.run(["stats"], as: "bek", passphrase: "bek-passphrase").status == 2)
        #expect(try workspace.run(["stats"], as: "bek", passphrase: "bek-new-passphrase").status == 0)

        let disabled = try workspace.run(["user", "disable", "bek"])
        #expect(disabled.status == 0, "\(disabled.output)")
        #expect(try workspace.run(["user", "disable", "bek"]).status == 1)
        #expect(try workspace.run(["user", "disable", "anna"]).status == 1)  // not oneself
        let afterwards = try workspace.run(["user", "list"]).output
        #expect(afterwards.split(separator: "\n").contains { $0.hasPrefix("bek") && $0.hasSuffix("disabled") })
        let signIn = try workspace.run(["stats"], as: "bek", passphrase: "bek-new-passphrase")
        #expect(signIn.status == 2)
        #expect(signIn.output.contains("Wrong user name or passphrase (bek)"))
    }

    /// Issue 12, item 11: a caseworker cannot lower the smallest group shown.
    @Test func onlyACoordinatorMayLowerTheMinimumCell() throws {
        let workspace = try CLIWorkspace.initialised()
        #expect(try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"]).status == 0)
        let refused = try workspace.run(["stats", "--min-cell", "1"], as: "bek", passphrase: "bek-passphrase")
        #expect(refused.status == 1, "\(refused.output)")
        #expect(try workspace.run(["stats"], as: "bek", passphrase: "bek-passphrase").status == 0)
        #expect(try workspace.run(["stats", "--min-cell", "1"]).status == 0)  // the coordinator
    }

    /// Issue 12: a coordinator resets a forgotten passphrase from the shell, as the Users screen
    /// does; the user must change it at the next sign-in.
    @Test func aCoordinatorResetsAForgottenPassphrase() throws {
        let workspace = try CLIWorkspace.initialised()
        #expect(try workspace.run(["user", "add", "bek", "--role", "caseworker"],
                                  environment: ["REFUGE_NEW_PASSPHRASE": "bek-passphrase"]).status == 0)
        let reset = try workspace.run(["user", "reset", "bek"], environment: ["REFUGE_NEW_PASSPHRASE": "given-by-anna"])
        #expect(reset.status == 0, "\(reset.output)")
        #expect(reset.output.contains("bek"))
        #expect(reset.output.contains("must change it"), "\(reset.output)")
        #expect(try workspace.run(["stats"], as: "bek", passphrase: "bek-passphrase").status == 2)
        #expect(try workspace.run(["stats"], as: "bek", passphrase: "given-by-anna").status == 0)

        #expect(try workspace.run(["user", "reset", "nobody"], environment: ["REFUGE_NEW_PASSPHRASE": "given-by-anna"]).status == 1)
        #expect(try workspace.run(["user", "reset", "bek"], environment: ["REFUGE_NEW_PASSPHRASE": "short"]).status == 1)
        #expect(try workspace.run(["user", "reset", "bek"]).status == 2)  // no new passphrase and no terminal
        let byCaseworker = try workspace.run(["user", "reset", "anna"], environment: [
            "REFUGE_USER": "bek", "REFUGE_PASSPHRASE": "given-by-anna", "REFUGE_NEW_PASSPHRASE": "taken-over-anna",
        ])
        #expect(byCaseworker.status == 1, "\(byCaseworker.output)")
        #expect(try workspace.run(["stats"]).status == 0)  // anna's passphrase still works
    }
}
