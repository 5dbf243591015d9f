import EventLog

/// The scrypt cost for new key slots: always the standard cost in a release build. Debug builds
/// (what `swift test` and the end-to-end tests run) also read `REFUGE_KDF_LOGN`, to make key slots
/// cheap; release builds do not even look at it, and EventLog refuses a weaker slot there anyway.
enum KDFChoice {
    static func resolve(_ environment: CommandEnvironment) throws -> KDFParameters {
        #if DEBUG
        guard let text = environment[CommandEnvironment.kdfLogNKey] else { return .standard }
        guard let logN = UInt8(text) else {
            throw CommandFailure(cli("cli.kdf.notANumber", ["variable": .text(CommandEnvironment.kdfLogNKey)]), status: .cannotOpen)
        }
        return KDFParameters(logN: logN, r: KDFParameters.standard.r, p: KDFParameters.standard.p)
        #else
        return .standard
        #endif
    }
}
