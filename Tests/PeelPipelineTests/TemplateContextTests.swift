import Mustache
@testable import PeelRunReport
import Testing

/// The run page's values as the template reads them, made without reflection: checked against swift-mustache's own
/// reading of the same structs (by `Mirror`), which the page used before.
@Suite("Template values made from Encodable views")
struct TemplateContextTests {
    private struct Inner: Encodable { let label: String; let on: Bool; let count: Int }
    private struct Outer: Encodable {
        let title: String
        let total: Int
        let negative: Int
        let share: Double
        let ok: Bool
        let empty: Bool
        let note: String
        let items: [Inner]
        let words: [String]
        let none: [Inner]
    }

    private let outer = Outer(
        title: "Forces <&> \"grades\"", total: 43, negative: -7, share: 0.125, ok: true, empty: false, note: "outer note",
        items: [Inner(label: "Dyfed-Powys", on: true, count: 3), Inner(label: "Gwent", on: false, count: 0), Inner(label: "<b>", on: true, count: 12)],
        words: ["one", "two & three"], none: [])

    @Test("every construct of the page's template reads the same as the library reads the structs by reflection")
    func sameAsReflection() throws {
        let template = try MustacheTemplate(string: """
            {{title}}|{{{title}}}|{{total}}|{{negative}}|{{share}}|{{#ok}}ok{{/ok}}{{^ok}}bad{{/ok}}|{{#empty}}E{{/empty}}{{^empty}}not empty{{/empty}}
            {{#items}}[{{label}} {{count}}{{#on}} on{{/on}}{{^on}} off{{/on}} {{note}} {{total}}]{{/items}}
            {{#words}}<{{.}}>{{/words}}{{^none}}no items{{/none}}{{#none}}never{{/none}}{{missing}}
            """)
        let fast = template.render(TemplateContext.make(outer))
        #expect(fast == template.render(outer))
        // Not vacuous: the values and the names looked up from inside a section (in the outer struct) are there.
        #expect(fast.contains("Forces &lt;&amp;&gt; &quot;grades&quot;|Forces <&> \"grades\"|43|-7|0.125|ok|not empty"))
        #expect(fast.contains("[Gwent 0 off outer note 43]"))
        #expect(fast.contains("<one><two &amp; three>no items"))
    }

    private struct WithOptional: Encodable { let present: String?; let absent: String?; let flag: Bool? }

    @Test("a nil optional is absent (nothing printed, its inverted section shown), a present one is its value")
    func optionals() throws {
        let template = try MustacheTemplate(string: "{{present}}|{{absent}}|{{^absent}}none{{/absent}}|{{#flag}}flagged{{/flag}}")
        #expect(template.render(TemplateContext.make(WithOptional(present: "here", absent: nil, flag: true))) == "here||none|flagged")
        #expect(template.render(TemplateContext.make(WithOptional(present: nil, absent: nil, flag: nil))) == "||none|")
    }

    /// Encoded by hand, as synthesized conformances never do: a single value, and containers nested under a key.
    private struct Grade: Encodable {
        let name: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name.uppercased())
        }
    }

    private struct Nested: Encodable {
        enum Keys: String, CodingKey { case grade, detail, list, label }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(Grade(name: "good"), forKey: .grade)
            var detail = container.nestedContainer(keyedBy: Keys.self, forKey: .detail)
            try detail.encode("inside", forKey: .label)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            var element = list.nestedContainer(keyedBy: Keys.self)
            try element.encode("second", forKey: .label)
            try list.encode(3)
        }
    }

    @Test("hand-written encodings: a single value, and keyed and unkeyed containers nested under a key, filled after they were made")
    func nestedContainers() throws {
        let template = try MustacheTemplate(string: "{{grade}}|{{detail.label}}|{{#list}}({{label}}{{^label}}{{.}}{{/label}}){{/list}}")
        #expect(template.render(TemplateContext.make(Nested())) == "GOOD|inside|(1)(second)(3)")
    }
}
