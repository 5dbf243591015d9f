import CaseModel

/// Flags a caseworker sets on a case and clears: each an event with who and when.
extension CaseBook {
    public enum FlagRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case tooLong
        case alreadySet(String)
        case notSet(String)

        public var description: String {
            switch self {
            case .empty: "a flag needs a name"
            case .tooLong: "a flag has at most \(UserFlags.maxLength) characters"
            case .alreadySet(let flag): "the case already has the flag \"\(flag)\""
            case .notSet(let flag): "the case has no flag \"\(flag)\""
            }
        }
    }

    public func setFlag(_ flag: String, on caseID: CaseID) throws {
        let clean = TextSanitizer.clean(flag, multiline: false).text
        guard !clean.isEmpty else { throw FlagRefusal.empty }
        guard clean.count <= UserFlags.maxLength else { throw FlagRefusal.tooLong }
        guard store[caseID]?.userFlags.contains(clean) == false else { throw FlagRefusal.alreadySet(clean) }
        try record([.flagSet(caseID: caseID, flag: clean)])
    }

    public func clearFlag(_ flag: String, on caseID: CaseID) throws {
        guard store[caseID]?.userFlags.contains(flag) == true else { throw FlagRefusal.notSet(flag) }
        try record([.flagCleared(caseID: caseID, flag: flag)])
    }
}
