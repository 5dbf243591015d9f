import Foundation

/// Where this Refuge lives on the machine, for support: which binary runs, where it keeps the case
/// file and where its documentation is. A package installs the binary as PREFIX/bin/refuge and the
/// documentation in PREFIX/share/doc/refuge; the case file is always the user's own.
struct InstallationReport {
    var binary: String
    var dataDirectory: String
    var documentation: String?

    init(executable: URL, dataDirectory: URL, fileExists: (String) -> Bool = FileManager.default.fileExists(atPath:)) {
        binary = executable.path
        self.dataDirectory = dataDirectory.path
        let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
        let docs = prefix.appendingPathComponent("share/doc/refuge").path
        documentation = fileExists(docs) ? docs : nil
    }

    /// The running binary, with symbolic links resolved (`/proc/self/exe` on Linux).
    static var currentExecutable: URL {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    var lines: [String] {
        [
            cli("cli.doctor.version", ["value": .text(BuildInfo.summary)]),
            cli("cli.doctor.binary", ["value": .text(binary)]),
            cli("cli.doctor.data", ["value": .text(dataDirectory)]),
            cli("cli.doctor.documentation", ["value": .text(documentation ?? cli("cli.doctor.noDocumentation"))]),
        ]
    }
}
