import Foundation
import Testing
@testable import EventLog

/// Test 11: CRC32C and scrypt against published values.
@Suite struct ChecksumAndKDFTests {
    @Test func crc32cMatchesPublishedCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        // RFC 3720 (iSCSI) B.4: 32 bytes of zeros and of 0xFF.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    }

    @Test func slicingBy8AgreesWithBitwiseCRCAtEveryLengthAndSplit() {
        var generator = SeededGenerator(seed: 7)
        for length in 0..<80 {
            let bytes = generator.bytes(length)
            let expected = bitwiseCRC32C(bytes)
            #expect(CRC32C.checksum(bytes) == expected)
            let split = length / 3
            #expect(CRC32C.checksum(bytes[split...], continuing: CRC32C.checksum(bytes[..<split])) == expected)
        }
    }

    @Test func scryptMatchesRFC7914Vectors() throws {
        let vectors: [(password: String, salt: String, logN: UInt8, r: UInt32, p: UInt32, hex: String)] = [
            ("", "", 4, 1, 1,
             "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
            ("password", "NaCl", 10, 8, 16,
             "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
            ("pleaseletmein", "SodiumChloride", 14, 8, 1,
             "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
        ]
        for vector in vectors {
            let key = try Scrypt.derive(passphrase: Array(vector.password.utf8), salt: Array(vector.salt.utf8),
                                        parameters: KDFParameters(logN: vector.logN, r: vector.r, p: vector.p),
                                        outputByteCount: 64)
            let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
            #expect(hex == vector.hex, "scrypt(\"\(vector.password)\", N=2^\(vector.logN))")
        }
    }

    @Test func standardParametersAreOWASPs() {
        #expect(KDFParameters.standard.n == 1 << 17 && KDFParameters.standard.r == 8 && KDFParameters.standard.p == 1)
        #expect(KDFParameters.standard.isAcceptable)
        #expect(!KDFParameters(logN: 30, r: 8, p: 1).isAcceptable)
    }

    private func bitwiseCRC32C(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }
}
