import Foundation

/// Which case file a state directory belongs to.
///
/// The default state directory is named after the folder's path, so a case file deleted and made
/// again at the same path finds the old one's state: its device id and drafts are sealed under
/// another data key and another log's file id, and would read as tampering. The state therefore
/// notes the case file it belongs to (its key set id, in clear like the log headers that carry
/// it, and this device's log's file id), and a state of another case file is moved aside — never
/// deleted — before a case file is made, joined or opened (docs/log-format.md, "The state binding").
struct StateBinding: Sendable, Equatable {
    /// The case file's key set id (the key file's and every log header's).
    let keysetID: [UInt8]
    /// This device's log's file id.
    let logFileID: [UInt8]

    static let fileName = "case-file"

    var encoded: [UInt8] {
        Array("keyset \(Self.hex(keysetID))\nlog \(Self.hex(logFileID))\n".utf8)
    }

    init(keysetID: [UInt8], logFileID: [UInt8]) {
        self.keysetID = keysetID
        self.logFileID = logFileID
    }

    init?(_ bytes: [UInt8]) {
        var fields: [String: [UInt8]] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Self.bytes(hex: parts[1]), value.count == 16 else { return nil }
            fields[String(parts[0])] = value
        }
        guard let keysetID = fields["keyset"], let logFileID = fields["log"] else { return nil }
        self.init(keysetID: keysetID, logFileID: logFileID)
    }

    private static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    private static func bytes(hex: Substring) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            result.append(byte)
            index = next
        }
        return result
    }
}

extension SharedFolder {
    /// The case file the state directory notes it belongs to (nil: none noted, as in a state made
    /// before the note existed, or an empty state).
    func stateBinding(_ fileSystem: any FileSystem) -> StateBinding? {
        guard let bytes = try? AtomicReplace.read(statePath + "/" + StateBinding.fileName, in: fileSystem, limit: 256) ?? nil
        else { return nil }
        return StateBinding(bytes)
    }

    func bindState(_ binding: StateBinding, _ fileSystem: any FileSystem) throws(FileSystemError) {
        try fileSystem.createDirectory(statePath)
        try AtomicReplace.write(binding.encoded, to: statePath + "/" + StateBinding.fileName, in: fileSystem)
    }

    /// The key set id of the case file in the folder: the key file's, else the marker's (a folder
    /// synced half-way may lack the key file); nil when the folder holds neither.
    func folderKeysetID(_ fileSystem: any FileSystem) -> [UInt8]? {
        // The key file's id is at bytes 12..<28 in both of its versions; the log header's at 28..<44.
        for (path, offset) in [(folderPath + "/keys", 12), (folderPath + "/" + DataDirectory.singleLogName, 28)] {
            guard fileSystem.fileExists(path), let file = try? fileSystem.open(path, mode: .read) else { continue }
            defer { file.close() }
            if let bytes = try? file.read(at: UInt64(offset), count: 16), bytes.count == 16 { return bytes }
        }
        return nil
    }

    /// What a folder synced half-way lacks: the key file beside device logs, or any log beside a
    /// key file (nil when the folder is whole, or holds no case file at all).
    func missingPart(_ fileSystem: any FileSystem) -> String? {
        let hasKeys = fileSystem.fileExists(folderPath + "/keys")
        switch layout(fileSystem) {
        case .shared where !hasKeys: return "keys"
        case .none where hasKeys: return DataDirectory.singleLogName
        default: return nil
        }
    }

    /// Whether the state directory holds files of a case file: a lock left behind, a count of
    /// wrong passphrases or a temporary file belong to no case file in particular.
    func stateHoldsFiles(_ fileSystem: any FileSystem) -> Bool {
        guard fileSystem.directoryExists(statePath) else { return false }
        let incidental: Set<String> = ["lock", Self.signInFailures]
        return ((try? fileSystem.listDirectory(statePath)) ?? []).contains {
            !incidental.contains($0) && !$0.hasSuffix(AtomicReplace.temporarySuffix)
        }
    }

    /// Whether the state directory belongs to another case file than the folder's: it notes
    /// another key set, or the folder holds no case file at all while the state holds files.
    /// A state made before the note existed is not judged here: only making or joining a case
    /// file, which starts a new log that its sealed files cannot belong to, sets it aside.
    func stateIsForeign(_ fileSystem: any FileSystem) -> Bool {
        guard stateHoldsFiles(fileSystem), let binding = stateBinding(fileSystem) else { return false }
        return folderKeysetID(fileSystem) != binding.keysetID
    }

    /// Moves the whole state directory aside, beside itself (`STATE.set-aside-TIME`), never
    /// deleting anything, and returns where it went. A new, empty state directory takes its place
    /// when the log is made or joined.
    func setStateAside(_ fileSystem: any FileSystem, now: UInt64) throws(FileSystemError) -> URL {
        let stamp = formatTimestamp(now).filter { $0.isNumber }
        var destination = statePath + ".set-aside-" + stamp
        var attempt = 1
        while fileSystem.fileExists(destination) || fileSystem.directoryExists(destination) {
            attempt += 1
            destination = statePath + ".set-aside-" + stamp + "-\(attempt)"
        }
        try fileSystem.rename(statePath, to: destination)
        try fileSystem.syncDirectory((statePath as NSString).deletingLastPathComponent)
        return URL(fileURLWithPath: destination)
    }
}
