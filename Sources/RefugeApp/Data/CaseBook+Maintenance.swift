import EventLog
import Foundation

/// Salvage at the level of the case file: the log's readable records, and its sealed side files.
extension CaseBook {
    /// Copies every readable record of the case file in `source` into a new one in `destination`
    /// (see `EventLog.salvage`), then re-seals the side files (device id, pseudonym secret, demo
    /// marker, drafts) under the new log: they are bound to their log, so a plain copy would not
    /// open, and without the pseudonym secret anonymised ids would change. A side file that cannot
    /// be read is left behind. The source is only read.
    public static func salvage(from source: URL, to destination: URL, user: String, passphrase: String) throws -> SalvageReport {
        let report = try EventLog.salvage(from: source, to: destination, user: user, passphrase: passphrase)
        let old = try EventLog.open(at: source, user: user, passphrase: passphrase, mode: .readOnly)
        defer { old.close() }
        let new = try EventLog.open(at: destination, user: user, passphrase: passphrase, mode: .readWrite)
        defer { new.close() }
        for name in sealedFileNames(in: source) {
            guard let contents = try? old.readSealedFile(named: name) else { continue }
            try new.writeSealedFile(named: name, contents: contents)
        }
        return report
    }

    /// Names of the sealed files (`NAME.sealed`) in a data directory.
    static func sealedFileNames(in directory: URL) -> [String] {
        let suffix = ".sealed"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
    }
}
