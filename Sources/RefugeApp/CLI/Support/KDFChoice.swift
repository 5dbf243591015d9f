import EventLog

/// The scrypt cost for new key slots. Always the standard cost, except that test suites may set
/// `REFUGE_KDF_LOGN` to make key slots cheap (EventLog still refuses parameters out of range).
enum KDFChoice {
    static func resolve(_ environment: CommandEnvironment) throws -> KDFParameters {
        guard let text = environment[CommandEnvironment.kdfLogNKey] else { return .standard }
        guard let logN = UInt8(text) else {
            throw CommandFailure("\(CommandEnvironment.kdfLogNKey) must be a small whole number.", status: .cannotOpen)
        }
        return KDFParameters(logN: logN, r: KDFParameters.standard.r, p: KDFParameters.standard.p)
    }
}
