import Testing
@testable import CaseModel

@Suite struct SchemaTests {
    let schema = IntakeSchema.standard

    @Test func keysAreUnique() {
        let keys = schema.fields.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    @Test func sectionsComeInTheIssueOrderAndIdentityStartsWithQuickRegistration() {
        #expect(schema.sections.map(\.id) == ["identity", "consent", "background", "situation", "referral"])
        #expect(Array(schema.sections[0].fields.prefix(3).map(\.key)) == [.familyName, .givenName, .gender])
    }

    @Test func everyFieldHasEnglishAndRussianLabels() {
        for field in schema.fields {
            #expect(!field.label.en.isEmpty && !field.label.ru.isEmpty, "\(field.key)")
            #expect(!field.label.text(in: .kk).isEmpty, "\(field.key) has no Kazakh or Russian fallback")
        }
    }

    @Test func everyCodeHasBothLabelsAndCodesAreUniquePerList() {
        for list in CodeLists.all {
            #expect(Set(list.codes.map(\.code)).count == list.codes.count, "\(list.id)")
            for code in list.codes {
                #expect(!code.label.en.isEmpty && !code.label.ru.isEmpty, "\(list.id).\(code.code)")
            }
        }
    }

    @Test func choiceFieldsHaveCodeListsAndTextFieldsHaveLimits() {
        for field in schema.fields {
            switch field.kind {
            case .singleChoice, .multipleChoice, .yesNoUnknown: #expect(field.codeList != nil, "\(field.key)")
            case .text, .longText: #expect(field.maxLength != nil, "\(field.key)")
            default: break
            }
        }
    }

    @Test func relevanceAndRulesReferToEarlierRealFields() {
        let order = Dictionary(uniqueKeysWithValues: schema.fields.enumerated().map { ($1.key, $0) })
        for (position, field) in schema.fields.enumerated() {
            for key in field.relevance.referencedFields {
                #expect(order[key] != nil, "\(field.key) refers to unknown \(key)")
                // A minor's age is measured on the intake date, asked on the last page: until it
                // is typed, today stands in (`Relevance.minorAtIntake`).
                if field.relevance == .minorAtIntake && key == .intakeDate { continue }
                #expect((order[key] ?? .max) < position, "\(field.key) depends on a later field")
            }
            if case .contains(let key, let code) = field.relevance {
                #expect(schema.field(key)?.accepts(code: code) == true, "\(field.key): \(code) not in \(key)")
            }
            for case .notBefore(let key) in field.rules { #expect(order[key] != nil) }
        }
    }

    @Test func labourSectorIsShownOnlyForForcedLabour() {
        let field = schema.field(.labourSector)!
        #expect(!field.relevance.isSatisfied(by: [.exploitationTypes: .codes(["sexualExploitation"])]))
        #expect(field.relevance.isSatisfied(by: [.exploitationTypes: .codes(["sexualExploitation", "forcedLabour"])]))
    }

    @Test func enumsHaveLabelsInTheirCodeLists() {
        #expect(CodeLists.serviceKind.codes.count == ServiceKind.allCases.count)
        #expect(CodeLists.caseStatus.label(of: "followUp", in: .ru) == "Сопровождение")
        #expect(CaseStatus.closed.label.text(in: .kk) == "Жабық")
        #expect(UserRole.caseworker.label.text(in: .kk) == "Әлеуметтік қызметкер")
    }

    @Test func countriesAreISOCodesWithLocalNamesAndPriorityFirst() {
        #expect(Countries.codes.count == 249)
        #expect(Countries.codes.allSatisfy { $0.count == 2 })
        #expect(!Countries.isKnown("EU") && !Countries.isKnown("XK") && Countries.isKnown("UZ"))
        #expect(Array(Countries.ordered(in: .ru).prefix(7)) == ["UZ", "KZ", "KG", "TJ", "RU", "TR", "AE"])
        #expect(Countries.ordered(in: .en).count == Countries.codes.count)
        #expect(Countries.name(of: "UZ", in: .ru) == "Узбекистан")
        #expect(Countries.name(of: "UZ", in: .kk) == "Өзбекстан")
        #expect(schema.field(.citizenship)!.label(of: "KG", in: .en) == "Kyrgyzstan")
        for code in Countries.codes {
            #expect(Countries.name(of: code, in: .en) != code && Countries.name(of: code, in: .ru) != code, "\(code)")
        }
    }

    /// The names a caseworker in Kazakhstan reads are the official ones, not ICU's older or
    /// abbreviated forms (issue 13: the demo showed "Киргизия").
    @Test func countryNamesAreTheOfficialForms() {
        #expect(Countries.name(of: "KG", in: .ru) == "Кыргызстан")
        #expect(Countries.name(of: "KG", in: .kk) == "Қырғызстан")
        #expect(Countries.name(of: "KG", in: .en) == "Kyrgyzstan")
        #expect(Countries.name(of: "AE", in: .ru) == "Объединённые Арабские Эмираты")
        #expect(Countries.name(of: "CN", in: .en) == "China")
        #expect(Countries.name(of: "CN", in: .ru) == "Китай")
        #expect(Countries.ordered(in: .ru).firstIndex(of: "CN")! > Countries.ordered(in: .ru).firstIndex(of: "KE")!)
    }

    @Test func completenessCountsRelevantReportingFields() {
        let empty = schema.completeness(of: [:])
        #expect(empty.filled == 0 && empty.total > 0)
        let values: [FieldKey: FieldValue] = [.gender: .code("female"), .exploitationTypes: .codes(["forcedLabour"])]
        let partial = schema.completeness(of: values)
        #expect(partial.filled == 2)
        #expect(partial.total == empty.total + 1)  // labour sector became relevant
        let withBirthDate = schema.completeness(of: [.birthDate: .date(Fixtures.date("1990-01-01"))])
        #expect(withBirthDate.total == empty.total - 1)  // estimated age no longer asked
    }
}
