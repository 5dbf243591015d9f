import Foundation
import RefugeTestSupport

/// A temporary directory, a case file in it, and the real `refuge` binary run against it with a
/// clean environment: cheap key slots (`REFUGE_KDF_LOGN`), the coordinator's credentials, English,
/// and no controlling terminal (`setsid`), so that a command can never stop to ask.
final class CLIWorkspace {
    static let coordinator = "anna"
    static let passphrase = "correct-horse-1"

    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    /// This laptop's own files for the case file (`REFUGE_STATE`).
    var state: URL { root.appendingPathComponent("state") }
    /// This laptop's log in the case file's folder (`events.log` before there is one).
    var logFile: URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? []
        return data.appendingPathComponent(names.first { $0.hasPrefix("events-") && $0.hasSuffix(".log") } ?? "events.log")
    }
    var keyFile: URL { data.appendingPathComponent("keys") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("refuge-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A workspace whose case file `init` has created, with `anna` as its coordinator.
    static func initialised() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace()
        let result = try workspace.run(["init", "--org", "Test Shelter", "--user", coordinator])
        guard result.status == 0 else { throw SetupFailed(output: result.output) }
        return workspace
    }

    /// An initialised case file holding the cases of `validCSV`, imported through the command line.
    static func withImportedCases() throws -> CLIWorkspace {
        let workspace = try initialised()
        let result = try workspace.run(["import", workspace.file("cases.csv", validCSV).path])
        guard result.status == 0 else { throw SetupFailed(output: result.output) }
        return workspace
    }

    struct SetupFailed: Error { var output: String }

    /// The environment every run starts from. `nil` in `environment` removes a variable.
    var baseEnvironment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.path,
            "LANG": "C.UTF-8",
            "REFUGE_DATA": data.path,
            "REFUGE_STATE": state.path,
            "REFUGE_KDF_LOGN": "10",
            "REFUGE_USER": Self.coordinator,
            "REFUGE_PASSPHRASE": Self.passphrase,
        ]
    }

    func run(_ arguments: [String], environment changes: [String: String?] = [:]) throws -> Subprocess.Result {
        var environment = baseEnvironment
        for (name, value) in changes { environment[name] = value }
        return try Subprocess.run(["setsid", "-w", BuiltProducts.refuge.path] + arguments, environment: environment)
    }

    /// Runs as another user.
    func run(_ arguments: [String], as user: String, passphrase: String) throws -> Subprocess.Result {
        try run(arguments, environment: ["REFUGE_USER": user, "REFUGE_PASSPHRASE": passphrase])
    }

    func file(_ name: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The record count `verify` reports.
    func recordCount() throws -> Int? {
        let output = try run(["verify"]).output
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("records: ") }) else { return nil }
        return Int(line.dropFirst("records: ".count).prefix { $0.isNumber })
    }

    /// Three people in the shelter's spreadsheet format.
    static let validCSV = """
        familyName,givenName,gender,birthDate,citizenship,exploitationTypes,countriesOfExploitation,intakeDate,status
        Каримова,Дильноза,female,1999-04-12,UZ,sexualExploitation,TR,2024-03-01,active
        Asanov,Bekzod,male,12.05.1990,KG,forcedLabour,RU,2024-05-20,closed
        Омарова,Жанар,female,,KZ,sexualExploitation,AE,2024-07-02,followUp

        """
}
