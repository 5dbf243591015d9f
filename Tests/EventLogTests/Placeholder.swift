import Testing
@testable import EventLog

@Test func moduleLoads() {}
