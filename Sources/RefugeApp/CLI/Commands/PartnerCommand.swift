import ArgumentParser
import CaseModel
import Foundation

/// `refuge partner`: the partner directory from the shell.
struct PartnerCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "partner",
            abstract: cli("cli.partner.abstract"),
            subcommands: [PartnerAddCommand.self, PartnerChangeCommand.self, PartnerRetireCommand.self, PartnerListCommand.self]
        )
    }
}

extension PartnerKind: ExpressibleByArgument {}

/// The details a partner command may set.
struct PartnerDetailOptions: ParsableArguments {
    @Option(help: ArgumentHelp(cli("cli.partnerdetailoptions.kind.help", ["partnerKind": .text("\(PartnerKind.allCases.map(\.rawValue).joined(separator: ", "))")]),
                               valueName: "kind"))
    var kind: PartnerKind?
    @Option(help: ArgumentHelp(cli("cli.partnerdetailoptions.country.help"), valueName: "cc"))
    var country: String?
    @Option(help: ArgumentHelp(cli("cli.partnerdetailoptions.city.help")))
    var city: String?
    @Option(help: ArgumentHelp(cli("cli.partnerdetailoptions.contact.help")))
    var contact: String?
    @Option(help: ArgumentHelp(cli("cli.partnerdetailoptions.languages.help"), valueName: "codes"))
    var languages: String?
    @Option(help: ArgumentHelp(cli("cli.partnerdetailoptions.recipient.help"),
                               valueName: "age1…"))
    var recipient: String?

    /// `details` with what these options give.
    func applied(to details: PartnerDetails) -> PartnerDetails {
        var result = details
        if let kind { result.kind = kind }
        if let country { result.country = country }
        if let city { result.city = city }
        if let contact { result.contact = contact }
        if let languages {
            result.languages = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let recipient { result.recipient = recipient }
        return result
    }
}

/// `refuge partner add --name NAME --kind KIND …`.
struct PartnerAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: cli("cli.partneradd.abstract"))

    @Option(help: ArgumentHelp(cli("cli.partneradd.name.help")))
    var name: String
    @OptionGroup var details: PartnerDetailOptions
    @OptionGroup var data: DataOption

    func validate() throws {
        if details.kind == nil { throw ValidationError(cli("cli.partner.kindMissing")) }
    }

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        let partner = details.applied(to: PartnerDetails(name: name, kind: .other))
        let id = try book.addPartner(partner)
        let added = book.store.partners[id]!.details
        print(added.recipient.isEmpty ? cli("cli.partner.addedWithoutKey", ["name": .text(added.name)])
              : cli("cli.partner.addedWithKey", ["name": .text(added.name), "recipient": .text(added.recipient)]))
    }
}

/// `refuge partner change NAME [--new-name …] [--kind …] …`.
struct PartnerChangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "change", abstract: cli("cli.partnerchange.abstract"))

    @Argument(help: ArgumentHelp(cli("cli.partnerchange.name.help")))
    var name: String
    @Option(help: ArgumentHelp(cli("cli.partnerchange.newName.help")))
    var newName: String?
    @OptionGroup var details: PartnerDetailOptions
    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        guard let partner = book.store.partner(named: name) else { throw CaseBook.PartnerRefusal.unknownPartner(name) }
        var changed = details.applied(to: partner.details)
        if let newName { changed.name = newName }
        try book.changePartner(partner.id, to: changed)
        print(cli("cli.partner.changed", ["name": .text(book.store.partners[partner.id]!.details.name)]))
    }
}

/// `refuge partner retire NAME --reason TEXT`.
struct PartnerRetireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: cli("cli.partnerretire.abstract"))

    @Argument(help: ArgumentHelp(cli("cli.partnerretire.name.help")))
    var name: String
    @Option(help: ArgumentHelp(cli("cli.partnerretire.reason.help")))
    var reason = ""
    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.write)
        defer { book.close() }
        let partner = try book.activePartner(named: name)
        try book.retirePartner(partner.id, reason: reason)
        print(cli("cli.partner.retired", ["name": .text(partner.details.name)]))
    }
}

/// `refuge partner list [--format json]`.
struct PartnerListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: cli("cli.partnerlist.abstract"))

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: ArgumentHelp(cli("cli.partnerlist.format.help")))
    var format: Format = .text
    @Flag(help: ArgumentHelp(cli("cli.partnerlist.all.help")))
    var all = false
    @OptionGroup var data: DataOption

    func run() throws {
        let book = try data.caseFile.open(.read)
        defer { book.close() }
        let partners = book.store.partnerList.filter { all || !$0.isRetired }
        switch format {
        case .json:
            let rows: [[String: Any]] = partners.map { partner in
                let details = partner.details
                return ["name": details.name, "kind": details.kind.rawValue, "country": details.country, "city": details.city,
                        "contact": details.contact, "languages": details.languages, "recipient": details.recipient,
                        "retired": partner.isRetired, "addedBy": partner.addedBy, "changedBy": partner.changedBy]
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .text:
            if partners.isEmpty { print(cli("cli.partner.none")) }
            for partner in partners {
                let details = partner.details
                let place = [details.city, details.country].filter { !$0.isEmpty }.joined(separator: ", ")
                print([details.name, details.kind.rawValue, place, details.recipient.isEmpty ? cli("cli.partner.list.passphrase") : cli("cli.partner.list.ageKey"),
                       partner.isRetired ? cli("cli.partner.list.retired") : ""].filter { !$0.isEmpty }.joined(separator: "\t"))
            }
        }
    }
}
