import Crypto

/// A `SymmetricKey` that may cross threads.
///
/// `@unchecked Sendable`: a `SymmetricKey` is never mutated after creation (its storage is written
/// once and wiped when released); swift-crypto 3 merely does not declare it `Sendable`.
struct SendableKey: @unchecked Sendable {
    let key: SymmetricKey
}
