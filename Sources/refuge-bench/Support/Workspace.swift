import Foundation

/// Scratch directories for one run, removed at the end: `disk` for everything timed (on the
/// same file system as the data would be), `memory` (tmpfs) only for writing fixtures quickly.
final class Workspace {
    let disk: URL
    let memory: URL

    init(base: URL?) throws {
        let id = "refuge-bench-\(getpid())"
        let diskBase = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build")
        disk = diskBase.appendingPathComponent(id)
        let shm = URL(fileURLWithPath: "/dev/shm")
        memory = (FileManager.default.fileExists(atPath: shm.path) ? shm : diskBase).appendingPathComponent(id + "-fixtures")
        for directory in [disk, memory] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    func onDisk(_ name: String) -> URL { disk.appendingPathComponent(name) }
    func inMemory(_ name: String) -> URL { memory.appendingPathComponent(name) }

    /// Copies a directory written in memory to disk, so reading and writing it is timed on disk.
    func moveToDisk(_ source: URL, as name: String) throws -> URL {
        let target = onDisk(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
        try FileManager.default.removeItem(at: source)
        sync()  // the copy is on disk before anything is timed against it
        return target
    }

    func remove() {
        try? FileManager.default.removeItem(at: disk)
        try? FileManager.default.removeItem(at: memory)
    }
}
