/// Bech32 (BIP 173, not Bech32m) as age uses it for recipients: `age1…`. Decoding checks the
/// checksum, the character set and the case, so a mistyped or truncated key is refused rather
/// than used to encrypt for nobody.
enum Bech32 {
    static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l")

    enum Failure: Error, Equatable {
        case mixedCase, noSeparator, badCharacter(Character), tooShort, badChecksum, badPadding
    }

    /// The human-readable part and the data bytes of `text`.
    static func decode(_ text: String) throws(Failure) -> (hrp: String, data: [UInt8]) {
        let hasLower = text.contains { $0.isLowercase }
        let hasUpper = text.contains { $0.isUppercase }
        if hasLower && hasUpper { throw .mixedCase }
        let lowered = text.lowercased()
        guard let separator = lowered.lastIndex(of: "1") else { throw .noSeparator }
        let hrp = String(lowered[..<separator])
        let dataPart = lowered[lowered.index(after: separator)...]
        guard !hrp.isEmpty, dataPart.count >= 6 else { throw .tooShort }
        guard hrp.unicodeScalars.allSatisfy({ (33...126).contains($0.value) }) else { throw .badCharacter(hrp.first!) }
        var values: [UInt8] = []
        for character in dataPart {
            guard let index = charset.firstIndex(of: character) else { throw .badCharacter(character) }
            values.append(UInt8(index))
        }
        guard polymod(expand(hrp) + values) == 1 else { throw .badChecksum }
        guard let bytes = regroup(values.dropLast(6), from: 5, to: 8, pad: false) else { throw .badPadding }
        return (hrp, bytes)
    }

    /// `data` under `hrp`, lower case (used by the tests to make recipients from raw keys).
    static func encode(hrp: String, data: [UInt8]) -> String {
        let values = regroup(data[...], from: 8, to: 5, pad: true) ?? []
        let checksumInput = expand(hrp) + values + [0, 0, 0, 0, 0, 0]
        let mod = polymod(checksumInput) ^ 1
        let checksum = (0..<6).map { UInt8((mod >> (5 * (5 - $0))) & 31) }
        return hrp + "1" + String((values + checksum).map { charset[Int($0)] })
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var check: UInt32 = 1
        for value in values {
            let top = check >> 25
            check = (check & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> bit) & 1 == 1 { check ^= generator[bit] }
        }
        return check
    }

    private static func expand(_ hrp: String) -> [UInt8] {
        let scalars = hrp.unicodeScalars.map { UInt8($0.value) }
        return scalars.map { $0 >> 5 } + [0] + scalars.map { $0 & 31 }
    }

    private static func regroup(_ values: ArraySlice<UInt8>, from: Int, to: Int, pad: Bool) -> [UInt8]? {
        var accumulator = 0
        var bits = 0
        var result: [UInt8] = []
        let maxValue = (1 << to) - 1
        for value in values {
            accumulator = (accumulator << from) | Int(value)
            bits += from
            while bits >= to {
                bits -= to
                result.append(UInt8((accumulator >> bits) & maxValue))
            }
        }
        if pad {
            if bits > 0 { result.append(UInt8((accumulator << (to - bits)) & maxValue)) }
        } else if bits >= from || (accumulator << (to - bits)) & maxValue != 0 {
            return nil
        }
        return result
    }
}
