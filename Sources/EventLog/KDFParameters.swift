import Crypto
import _CryptoExtras

/// scrypt parameters for deriving a key-slot key from a passphrase. Stored in every slot so they
/// can be raised later without breaking old slots.
public struct KDFParameters: Sendable, Equatable, CustomStringConvertible {
    /// log2 of the CPU/memory cost N.
    public var logN: UInt8
    /// Block size r.
    public var r: UInt32
    /// Parallelism p.
    public var p: UInt32

    public init(logN: UInt8, r: UInt32, p: UInt32) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// OWASP's scrypt recommendation: N = 2^17, r = 8, p = 1 (about 0.4 s and 128 MiB here).
    public static let standard = KDFParameters(logN: 17, r: 8, p: 1)
    /// N = 2^10: fast enough for test suites and benchmarks, far too weak for real passphrases.
    /// The product never uses it in a release build (see RefugeApp's `KDFChoice`).
    public static let fastForTests = KDFParameters(logN: 10, r: 8, p: 1)

    /// True in a debug build (SwiftPM defines DEBUG only there): what `swift test` builds.
    public static var isDebugBuild: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }

    /// At least as costly as `other` in memory and in time.
    public func isAtLeast(_ other: KDFParameters) -> Bool {
        logN >= other.logN && r >= other.r && UInt64(r) * UInt64(p) >= UInt64(other.r) * UInt64(other.p)
    }

    /// Below the standard cost: `verify` warns about slots like this.
    public var isWeak: Bool { !isAtLeast(.standard) }

    /// N itself.
    public var n: Int { 1 << Int(logN) }

    public var description: String { "scrypt N=2^\(logN) r=\(r) p=\(p)" }

    /// Memory scrypt needs, so a crafted key file cannot make us allocate without bound.
    var memoryBytes: Int { 128 * Int(r) * (n + Int(p)) }

    /// Parameters we accept from a key file: N >= 2, scrypt's own constraints, and at most 1 GiB.
    var isAcceptable: Bool {
        logN >= 1 && logN <= 24 && r >= 1 && r <= 64 && p >= 1 && p <= 16 && memoryBytes <= 1 << 30
    }
}

/// scrypt (RFC 7914) from swift-crypto, made safe for empty passphrases and salts, which the
/// underlying call would otherwise hand to BoringSSL as a nil pointer.
enum Scrypt {
    static func derive(passphrase: [UInt8], salt: [UInt8], parameters: KDFParameters, outputByteCount: Int) throws -> SymmetricKey {
        try withNonNilBuffer(passphrase) { password in
            try withNonNilBuffer(salt) { salt in
                try KDF.Scrypt.deriveKey(
                    from: password, salt: salt, outputByteCount: outputByteCount,
                    rounds: parameters.n, blockSize: Int(parameters.r), parallelism: Int(parameters.p))
            }
        }
    }

    private static func withNonNilBuffer<T>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        if !bytes.isEmpty { return try bytes.withUnsafeBytes(body) }
        var placeholder: UInt8 = 0
        return try withUnsafeBytes(of: &placeholder) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<0])) }
    }
}
