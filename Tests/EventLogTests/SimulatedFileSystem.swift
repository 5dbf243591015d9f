import Foundation
import Synchronization
@testable import EventLog

/// An in-memory file system that knows what is durable, in the manner of LevelDB's
/// FaultInjectionTestEnv and SQLite's test6.c:
///
/// - file contents become durable at `sync`, directory entries at `syncDirectory`;
/// - `powerCut` throws away everything not durable (optionally keeping a random prefix of unsynced
///   appended bytes, as a real disk may);
/// - a fault plan fails the n-th write, sync, rename or directory sync, makes every operation fail
///   after the n-th mutation (a crash), or limits the space (ENOSPC, with a partial write first).
final class SimulatedFileSystem: FileSystem {
    enum Operation: Hashable, Sendable { case write, sync, rename, syncDirectory }

    struct FaultPlan: Sendable {
        /// Fail the n-th (1-based) operation of this kind with this errno.
        var failing: (operation: Operation, n: Int, code: Int32)?
        /// After this many mutating operations, every operation fails: the process is dead.
        var crashAfterMutations: Int?
        /// Total bytes the disk holds.
        var capacity: Int?
    }

    private struct Inode {
        var data: [UInt8] = []
        var durable: [UInt8] = []
    }

    private struct State {
        var inodes: [Int: Inode] = [:]
        var nextInode = 1
        var entries: [String: Int] = [:]
        var durableEntries: [String: Int] = [:]
        var directories: Set<String> = ["/"]
        var locks: [String: String] = [:]
        var counts: [Operation: Int] = [:]
        var mutations = 0
        var crashed = false
        var generation = 0
        var plan = FaultPlan()
    }

    private let state = Mutex(State())

    static let sectorSize = 512

    /// Small, so that the scenarios cross many reservation steps and tear frames inside them.
    let appendReservation = 512

    var plan: FaultPlan {
        get { state.withLock { $0.plan } }
        set { state.withLock { $0.plan = newValue } }
    }

    /// Mutating operations so far (writes, syncs, renames, directory syncs, creations, removals).
    var mutationCount: Int { state.withLock { $0.mutations } }
    func count(_ operation: Operation) -> Int { state.withLock { $0.counts[operation, default: 0] } }
    var hasCrashed: Bool { state.withLock { $0.crashed } }

    /// Forgets everything that was not made durable, clears faults, locks and crash; open files
    /// from before stop working. With `tear`, unsynced writes survive in part: a disk that wrote
    /// them front to back, sector by sector, and lost power somewhere after the first changed sector (bytes appended
    /// and bytes written over the file's reserved zeros alike).
    func powerCut(keepUnsynced generator: inout some RandomNumberGenerator, tear: Bool) {
        state.withLock { s in
            s.entries = s.durableEntries
            for (id, inode) in s.inodes {
                var survivor = inode.durable
                if tear, inode.data != inode.durable {
                    let firstChange = zip(inode.data, inode.durable).prefix { $0 == $1 }.count
                    // Whole sectors: a disk writes a sector entirely or not at all.
                    let reached = Int.random(in: firstChange...max(firstChange, inode.data.count), using: &generator)
                    let kept = reached == inode.data.count ? reached : reached / Self.sectorSize * Self.sectorSize
                    survivor = Array(inode.data.prefix(kept)) + inode.durable.dropFirst(kept)
                }
                s.inodes[id] = Inode(data: survivor, durable: survivor)
            }
            s.locks = [:]
            s.crashed = false
            s.plan = FaultPlan()
            s.generation += 1
        }
    }

    func powerCut() {
        var generator = SeededGenerator(seed: 0)
        powerCut(keepUnsynced: &generator, tear: false)
    }

    func contents(_ path: String) -> [UInt8]? {
        state.withLock { s in s.entries[path].map { s.inodes[$0]!.data } }
    }

    // MARK: FileSystem

    func fileExists(_ path: String) -> Bool { state.withLock { $0.entries[path] != nil } }
    func directoryExists(_ path: String) -> Bool { state.withLock { $0.directories.contains(path) } }

    func createDirectory(_ path: String) throws(FileSystemError) {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkAlive(&s, "mkdir", path)
            var current = ""
            for part in path.split(separator: "/") {
                current += "/" + part
                s.directories.insert(current)
            }
        }
    }

    func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkAlive(&s, "list", path)
            return s.entries.keys.filter { parentDirectory(of: $0) == path }.map { String($0.dropFirst(path.count + 1)) }
        }
    }

    func open(_ path: String, mode: FileOpenMode) throws(FileSystemError) -> any OpenFile {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkAlive(&s, "open", path)
            let id: Int
            switch mode {
            case .read, .readWrite:
                guard let existing = s.entries[path] else { throw FileSystemError(operation: "open", path: path, code: ENOENT) }
                id = existing
            case .createNew, .createOrTruncate:
                if mode == .createNew, s.entries[path] != nil { throw FileSystemError(operation: "open", path: path, code: EEXIST) }
                try Self.mutate(&s, nil, "create", path)
                if let existing = s.entries[path] {
                    id = existing
                    s.inodes[id]!.data = []
                } else {
                    id = s.nextInode
                    s.nextInode += 1
                    s.inodes[id] = Inode()
                    s.entries[path] = id
                }
            }
            return SimulatedFile(fileSystem: self, inode: id, path: path, generation: s.generation)
        }
    }

    func rename(_ source: String, to destination: String) throws(FileSystemError) {
        try state.withLock { s throws(FileSystemError) in
            try Self.mutate(&s, .rename, "rename", source)
            guard let id = s.entries.removeValue(forKey: source) else { throw FileSystemError(operation: "rename", path: source, code: ENOENT) }
            s.entries[destination] = id
        }
    }

    func remove(_ path: String) throws(FileSystemError) {
        try state.withLock { s throws(FileSystemError) in
            try Self.mutate(&s, nil, "unlink", path)
            guard s.entries.removeValue(forKey: path) != nil else { throw FileSystemError(operation: "unlink", path: path, code: ENOENT) }
        }
    }

    func syncDirectory(_ path: String) throws(FileSystemError) {
        try state.withLock { s throws(FileSystemError) in
            try Self.mutate(&s, .syncDirectory, "fsync directory", path)
            s.durableEntries = s.durableEntries.filter { parentDirectory(of: $0.key) != path }
            for (name, id) in s.entries where parentDirectory(of: name) == path { s.durableEntries[name] = id }
        }
    }

    func acquireWriterLock(_ path: String, holder: String) throws -> any WriterLock {
        try state.withLock { s in
            try Self.checkAlive(&s, "lock", path)
            if let current = s.locks[path] { throw LockUnavailable(holder: current) }
            s.locks[path] = holder
        }
        return SimulatedLock(fileSystem: self, path: path, generation: state.withLock { $0.generation })
    }

    /// A lock taken before a power cut no longer exists; releasing it must not free a newer one.
    fileprivate func releaseLock(_ path: String, generation: Int) {
        state.withLock { s in if s.generation == generation { s.locks.removeValue(forKey: path) } }
    }

    // MARK: File operations

    fileprivate func size(_ id: Int, _ path: String, _ generation: Int) throws(FileSystemError) -> UInt64 {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkHandle(&s, generation, "fstat", path)
            return UInt64(s.inodes[id]!.data.count)
        }
    }

    fileprivate func read(_ id: Int, _ path: String, _ generation: Int, at offset: UInt64, count: Int) throws(FileSystemError) -> [UInt8] {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkHandle(&s, generation, "read", path)
            let data = s.inodes[id]!.data
            guard offset < UInt64(data.count), count > 0 else { return [] }
            return Array(data[Int(offset)..<min(data.count, Int(offset) + count)])
        }
    }

    fileprivate func write(_ id: Int, _ path: String, _ generation: Int, _ bytes: [UInt8], at offset: UInt64) throws(FileSystemError) {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkHandle(&s, generation, "write", path)
            try Self.mutate(&s, .write, "write", path)
            var bytes = bytes
            var full = false
            if let capacity = s.plan.capacity {
                let used = s.inodes.values.reduce(0) { $0 + $1.data.count }
                let growth = max(0, Int(offset) + bytes.count - s.inodes[id]!.data.count)
                if used + growth > capacity {
                    bytes = Array(bytes.prefix(max(0, bytes.count - (used + growth - capacity))))
                    full = true
                }
            }
            var data = s.inodes[id]!.data
            let end = Int(offset) + bytes.count
            if data.count < end { data += [UInt8](repeating: 0, count: end - data.count) }
            data.replaceSubrange(Int(offset)..<end, with: bytes)
            s.inodes[id]!.data = data
            if full { throw FileSystemError(operation: "write", path: path, code: ENOSPC) }
        }
    }

    fileprivate func truncate(_ id: Int, _ path: String, _ generation: Int, to size: UInt64) throws(FileSystemError) {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkHandle(&s, generation, "ftruncate", path)
            try Self.mutate(&s, nil, "ftruncate", path)
            var data = s.inodes[id]!.data
            if data.count > Int(size) { data.removeSubrange(Int(size)...) } else { data += [UInt8](repeating: 0, count: Int(size) - data.count) }
            s.inodes[id]!.data = data
        }
    }

    fileprivate func sync(_ id: Int, _ path: String, _ generation: Int) throws(FileSystemError) {
        try state.withLock { s throws(FileSystemError) in
            try Self.checkHandle(&s, generation, "fdatasync", path)
            try Self.mutate(&s, .sync, "fdatasync", path)
            s.inodes[id]!.durable = s.inodes[id]!.data
        }
    }

    // MARK: Faults

    private static func checkAlive(_ s: inout State, _ operation: String, _ path: String) throws(FileSystemError) {
        if s.crashed { throw FileSystemError(operation: operation + " (crashed)", path: path, code: EIO) }
    }

    private static func checkHandle(_ s: inout State, _ generation: Int, _ operation: String, _ path: String) throws(FileSystemError) {
        try checkAlive(&s, operation, path)
        if generation != s.generation { throw FileSystemError(operation: operation + " (stale handle)", path: path, code: EBADF) }
    }

    /// Counts a mutating operation and applies the fault plan to it.
    private static func mutate(_ s: inout State, _ kind: Operation?, _ operation: String, _ path: String) throws(FileSystemError) {
        try checkAlive(&s, operation, path)
        if let limit = s.plan.crashAfterMutations, s.mutations >= limit {
            s.crashed = true
            throw FileSystemError(operation: operation + " (crashed)", path: path, code: EIO)
        }
        s.mutations += 1
        guard let kind else { return }
        s.counts[kind, default: 0] += 1
        if let failing = s.plan.failing, failing.operation == kind, failing.n == s.counts[kind] {
            throw FileSystemError(operation: operation + " (injected)", path: path, code: failing.code)
        }
    }
}

private final class SimulatedFile: OpenFile {
    let fileSystem: SimulatedFileSystem
    let inode: Int
    let path: String
    let generation: Int

    init(fileSystem: SimulatedFileSystem, inode: Int, path: String, generation: Int) {
        self.fileSystem = fileSystem
        self.inode = inode
        self.path = path
        self.generation = generation
    }

    func size() throws(FileSystemError) -> UInt64 { try fileSystem.size(inode, path, generation) }
    func read(at offset: UInt64, count: Int) throws(FileSystemError) -> [UInt8] {
        try fileSystem.read(inode, path, generation, at: offset, count: count)
    }
    func write(_ bytes: [UInt8], at offset: UInt64) throws(FileSystemError) {
        try fileSystem.write(inode, path, generation, bytes, at: offset)
    }
    func truncate(to size: UInt64) throws(FileSystemError) { try fileSystem.truncate(inode, path, generation, to: size) }
    func sync() throws(FileSystemError) { try fileSystem.sync(inode, path, generation) }
    func close() {}
}

private final class SimulatedLock: WriterLock {
    let fileSystem: SimulatedFileSystem
    let path: String
    let generation: Int
    private let released = Atomic<Bool>(false)

    init(fileSystem: SimulatedFileSystem, path: String, generation: Int) {
        self.fileSystem = fileSystem
        self.path = path
        self.generation = generation
    }

    func release() {
        if !released.exchange(true, ordering: .acquiringAndReleasing) { fileSystem.releaseLock(path, generation: generation) }
    }
}
