import Testing
@testable import RefugeApp

@Test func moduleLoads() {}
