/// Thrift's compact protocol, the encoding of Parquet's metadata (page headers, the file footer): the writing half
/// only, for structs, lists, binaries and integers. Written by hand: no Swift Thrift library is available here, and
/// Parquet needs only this much of it (the specification: Apache Thrift, "Thrift Compact protocol encoding").
struct CompactWriter {
    /// Compact type ids, as a field header or list header carries them.
    enum FieldType: UInt8 {
        case booleanTrue = 1, booleanFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8, list = 9, set = 10, map = 11, `struct` = 12
    }

    private(set) var bytes: [UInt8] = []
    /// The last field id written in each open struct (field headers hold the difference when it is 1 to 15).
    private var lastFieldIDs: [Int16] = [0]

    init() {}

    // MARK: fields

    mutating func field(_ id: Int16, i32 value: Int32) {
        fieldHeader(id, .i32)
        varint(zigzag(Int64(value)))
    }

    mutating func field(_ id: Int16, i64 value: Int64) {
        fieldHeader(id, .i64)
        varint(zigzag(value))
    }

    mutating func field(_ id: Int16, binary value: [UInt8]) {
        fieldHeader(id, .binary)
        binary(value)
    }

    mutating func field(_ id: Int16, string value: String) { field(id, binary: Array(value.utf8)) }

    mutating func field(_ id: Int16, bool value: Bool) { fieldHeader(id, value ? .booleanTrue : .booleanFalse) }

    /// A struct field: `body` writes its fields.
    mutating func field(_ id: Int16, struct body: (inout CompactWriter) -> Void) {
        fieldHeader(id, .struct)
        structBody(body)
    }

    /// A list field of `count` elements of `type`, written by `body` with the element writers below.
    mutating func field(_ id: Int16, list type: FieldType, count: Int, _ body: (inout CompactWriter) -> Void) {
        fieldHeader(id, .list)
        listHeader(type, count: count)
        body(&self)
    }

    // MARK: values (list elements, a top-level struct)

    mutating func structBody(_ body: (inout CompactWriter) -> Void) {
        lastFieldIDs.append(0)
        body(&self)
        bytes.append(0)  // stop
        lastFieldIDs.removeLast()
    }

    mutating func element(i32 value: Int32) { varint(zigzag(Int64(value))) }
    mutating func element(string value: String) { binary(Array(value.utf8)) }

    // MARK: encoding

    private mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
        let delta = Int(id) - Int(lastFieldIDs[lastFieldIDs.count - 1])
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            varint(zigzag(Int64(id)))
        }
        lastFieldIDs[lastFieldIDs.count - 1] = id
    }

    private mutating func listHeader(_ type: FieldType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            varint(UInt64(count))
        }
    }

    private mutating func binary(_ value: [UInt8]) {
        varint(UInt64(value.count))
        bytes += value
    }

    private func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
