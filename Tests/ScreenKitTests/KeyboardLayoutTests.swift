import Testing
import Terminal
@testable import ScreenKit

@Suite struct KeyboardLayoutTests {
    @Test func mapsEveryLetterKeyBothCases() {
        let lower = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`")
        let russian = Array("йцукенгшщзхъфывапролджэячсмитьбюё")
        for (latin, cyrillic) in zip(lower, russian) {
            #expect(KeyboardLayout.russian(for: latin) == cyrillic)
            #expect(KeyboardLayout.qwerty(for: cyrillic) == latin)
        }
        let upper = Array("QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~")
        let russianUpper = Array("ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ")
        for (latin, cyrillic) in zip(upper, russianUpper) {
            #expect(KeyboardLayout.russian(for: latin) == cyrillic)
            #expect(KeyboardLayout.qwerty(for: cyrillic) == latin)
        }
        #expect(KeyboardLayout.pairs.count == 66)
    }

    @Test func sameKeyIgnoresCaseAndLayout() {
        for (a, b) in [("n", "т"), ("e", "у"), ("a", "ф"), ("s", "ы"), ("r", "к"), ("c", "с"), ("N", "т"), ("n", "Т"), ("t", "Е")] {
            #expect(KeyboardLayout.sameKey(Character(a), Character(b)), "\(a) \(b)")
        }
        #expect(!KeyboardLayout.sameKey("n", "м"))
        #expect(!KeyboardLayout.sameKey("n", "m"))
    }

    @Test func bindingMatchesLetterOnEitherLayoutOnlyWhenLettersAllowed() {
        let binding = Binding(.function(3), .character("n"), label: "New") {}
        #expect(binding.matches(.character("т")))
        #expect(binding.matches(.character("N")))
        #expect(binding.matches(.function(3)))
        #expect(!binding.matches(.character("т"), lettersAllowed: false))
        #expect(binding.matches(.function(3), lettersAllowed: false))
        #expect(Binding(.control("s"), label: "Save") {}.matches(.control("ы")))
    }
}
