import Testing
@testable import ScreenKit

@Test func moduleLoads() {}
