import Crypto

/// A `SymmetricKey` that may cross threads (see `DataKeys` for why that is safe).
struct SendableKey: @unchecked Sendable {
    let key: SymmetricKey
}

/// The data keys of a log: the current one, which seals everything written from now on, and the
/// ones it replaced when a user was disabled, each opening the frames up to a sequence number.
///
/// `@unchecked Sendable`: a `SymmetricKey` is never mutated after creation (its storage is written
/// once and wiped when released); swift-crypto 3 merely does not declare it `Sendable`.
struct DataKeys: @unchecked Sendable {
    struct RetiredKey {
        /// The last sequence number of a frame sealed under `key`.
        var throughSequence: UInt64
        var key: SymmetricKey
    }

    let current: SymmetricKey
    /// Oldest first.
    let retired: [RetiredKey]

    init(current: SymmetricKey, retired: [RetiredKey] = []) {
        self.current = current
        self.retired = retired
    }

    /// The key that sealed the frame whose first record has `sequence`.
    func key(forFrameAt sequence: UInt64) -> SymmetricKey {
        retired.first { sequence <= $0.throughSequence }?.key ?? current
    }

    /// Every key, newest first: for sealed files, which are sealed under the key of their day.
    var newestFirst: [SymmetricKey] { [current] + retired.reversed().map(\.key) }
}
