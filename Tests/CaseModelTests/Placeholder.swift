import Testing
@testable import CaseModel

@Test func moduleLoads() {}
