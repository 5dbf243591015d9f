import Foundation

/// How the other devices' logs in a shared folder looked at one moment: the size, inode and
/// modification time of each. Cheap to take (a directory listing and a `stat` a log), so a
/// running application takes one every few seconds and reads the logs again only when it changed:
/// a sync engine appends to a log (size, time) or renames a new copy over it (inode).
public struct PeerLogsFingerprint: Sendable, Equatable {
    struct FileStamp: Sendable, Equatable {
        let size: Int64
        let inode: UInt64
        let modifiedNanoseconds: Int64
    }

    let files: [String: FileStamp]
}

extension EventLog {
    /// The shared folder this log is a device's log of; nil for a data directory of one log.
    private var sharedFolder: SharedFolder? {
        guard paths.logName != DataDirectory.singleLogName else { return nil }
        return SharedFolder(folder: URL(fileURLWithPath: paths.path), state: URL(fileURLWithPath: paths.state))
    }

    /// The other devices' logs as they are now (empty for a data directory of one log).
    public func peerLogsFingerprint() -> PeerLogsFingerprint {
        guard let shared = sharedFolder else { return PeerLogsFingerprint(files: [:]) }
        var files: [String: PeerLogsFingerprint.FileStamp] = [:]
        for name in shared.peerLogNames(own: paths.logName, fileSystem) {
            var info = stat()
            guard stat(paths.path + "/" + name, &info) == 0 else { continue }  // being replaced: seen next time
            files[name] = .init(size: Int64(info.st_size), inode: UInt64(info.st_ino),
                                modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        }
        return PeerLogsFingerprint(files: files)
    }

    /// Reads every other device's log again with the key already held, as opening did and never
    /// writing them: `body` gets each log's name and records. Nothing for a data directory of one
    /// log, or once closed.
    public func readPeersAgain(_ body: (String, LogRecord) -> Void) -> [PeerLogReport] {
        guard let shared = sharedFolder, let keys = secrets.withLock({ $0.dataKeys }) else { return [] }
        return Self.readPeers(shared, own: paths.logName, keys: keys, keysetID: header.keysetID, fileSystem, body).reports
    }
}
