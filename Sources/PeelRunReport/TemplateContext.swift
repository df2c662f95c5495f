import Mustache

/// A view (plain `Encodable` structs) made into what swift-mustache reads fastest: a struct becomes a table of its
/// fields that the library asks by name, an array `[Any]`, text and numbers are printed as they stand, flags stay
/// `Bool` (sections test them), and a nil optional is absent.
///
/// Why: the library finds a name in any other value by reflecting it with `Mirror`, at every lookup. Reflecting each
/// struct of the view once, into a table (the previous way), still cost 387 M instructions for the page of a run
/// over 20 MB of text (callgrind), a tenth of the run; this costs 292 M, most of it the library's own dynamic casts.
/// The structs' synthesized `encode(to:)` names their fields: no reflection, and no second list of them.
///
/// Hand-written because no package on the machine turns `Encodable` values into plain values; the round trip
/// through JSON would make numbers and flags `NSNumber`s, which the template tests as neither.
enum TemplateContext {
    static func make<Value: Encodable>(_ value: Value) -> Any {
        // The encoder throws nothing of its own, and a view is only strings, numbers, flags, arrays and structs of
        // them: a failure here is a programming error that every test run of the page meets, not an empty page.
        try! encoded(value) as Any
    }

    fileprivate static func encoded<Value: Encodable>(_ value: Value) throws -> Any? {
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot))
        return slot.finished
    }

    /// What one value encoded to: set by the first container asked for.
    fileprivate final class Slot {
        var value: Any?
        var fields: Fields?
        var elements: Elements?

        var finished: Any? {
            if let fields {
                for (key, slot) in fields.nested { fields.values[key] = slot.finished }
                return fields
            }
            if let elements {
                for (index, slot) in elements.nested { elements.values[index] = slot.finished as Any }
                return elements.values
            }
            return value
        }
    }

    /// Text or a number, as the template prints it. The library prints any other value with `String(describing:)`
    /// after testing it for an optional with `Mirror` and for three protocols: this is printed as it is.
    fileprivate struct Text: MustacheCustomRenderable {
        let renderText: String
        var isNull: Bool { false }
        init(_ text: String) { renderText = text }
        init<Number: LosslessStringConvertible>(_ number: Number) { renderText = number.description }
    }

    /// A struct's fields; `nested` are the containers made for a key, filled in after it was made.
    fileprivate final class Fields: MustacheParent {
        func child(named name: String) -> Any? { values[name] }
        var values: [String: Any] = [:]
        var nested: [(String, Slot)] = []
    }

    fileprivate final class Elements {
        var values: [Any] = []
        var nested: [(Int, Slot)] = []
    }

    private struct TreeEncoder: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let fields = slot.fields ?? Fields()
            slot.fields = fields
            return KeyedEncodingContainer(KeyedContainer<Key>(fields: fields))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let elements = slot.elements ?? Elements()
            slot.elements = elements
            return UnkeyedContainer(elements: elements)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot) }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let fields: Fields
        var codingPath: [any CodingKey] { [] }

        private func store(_ value: Any?, _ key: Key) { fields.values[key.stringValue] = value }

        mutating func encodeNil(forKey key: Key) throws { store(nil, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { store(value, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { store(Text(value), key) }
        mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws { store(try encoded(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(slot: nested(key)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            TreeEncoder(slot: nested(key)).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(slot: Slot()) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(slot: Slot()) }

        private func nested(_ key: Key) -> Slot {
            let slot = Slot()
            fields.nested.append((key.stringValue, slot))
            return slot
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let elements: Elements
        var codingPath: [any CodingKey] { [] }
        var count: Int { elements.values.count }

        private func append(_ value: Any?) { elements.values.append(value as Any) }

        mutating func encodeNil() throws { append(nil) }
        mutating func encode(_ value: Bool) throws { append(value) }
        mutating func encode(_ value: String) throws { append(Text(value)) }
        mutating func encode(_ value: Double) throws { append(Text(value)) }
        mutating func encode(_ value: Float) throws { append(Text(value)) }
        mutating func encode(_ value: Int) throws { append(Text(value)) }
        mutating func encode(_ value: Int8) throws { append(Text(value)) }
        mutating func encode(_ value: Int16) throws { append(Text(value)) }
        mutating func encode(_ value: Int32) throws { append(Text(value)) }
        mutating func encode(_ value: Int64) throws { append(Text(value)) }
        mutating func encode(_ value: UInt) throws { append(Text(value)) }
        mutating func encode(_ value: UInt8) throws { append(Text(value)) }
        mutating func encode(_ value: UInt16) throws { append(Text(value)) }
        mutating func encode(_ value: UInt32) throws { append(Text(value)) }
        mutating func encode(_ value: UInt64) throws { append(Text(value)) }
        mutating func encode<Value: Encodable>(_ value: Value) throws { append(try encoded(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(slot: nested()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TreeEncoder(slot: nested()).unkeyedContainer() }

        private func nested() -> Slot {
            let slot = Slot()
            elements.nested.append((elements.values.count, slot))
            elements.values.append(())
            return slot
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(slot: Slot()) }
    }

    private struct SingleContainer: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { slot.value = nil }
        mutating func encode(_ value: Bool) throws { slot.value = value }
        mutating func encode(_ value: String) throws { slot.value = Text(value) }
        mutating func encode(_ value: Double) throws { slot.value = Text(value) }
        mutating func encode(_ value: Float) throws { slot.value = Text(value) }
        mutating func encode(_ value: Int) throws { slot.value = Text(value) }
        mutating func encode(_ value: Int8) throws { slot.value = Text(value) }
        mutating func encode(_ value: Int16) throws { slot.value = Text(value) }
        mutating func encode(_ value: Int32) throws { slot.value = Text(value) }
        mutating func encode(_ value: Int64) throws { slot.value = Text(value) }
        mutating func encode(_ value: UInt) throws { slot.value = Text(value) }
        mutating func encode(_ value: UInt8) throws { slot.value = Text(value) }
        mutating func encode(_ value: UInt16) throws { slot.value = Text(value) }
        mutating func encode(_ value: UInt32) throws { slot.value = Text(value) }
        mutating func encode(_ value: UInt64) throws { slot.value = Text(value) }
        mutating func encode<Value: Encodable>(_ value: Value) throws { slot.value = try encoded(value) }
    }
}
