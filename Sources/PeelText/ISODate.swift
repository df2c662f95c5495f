/// The parts of an ISO 8601 calendar date as the tables write it, "YYYY-MM-DD", read on its bytes: both a report's
/// `Day` and the Parquet writer's date columns read them. Syntax only: which months and days exist is the caller's.
public enum ISODate {
    /// Year, month and day of exactly ten bytes, dashes at 4 and 7 and ASCII digits elsewhere; nil otherwise.
    public static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] &- 0x30 < 10 else { return nil }
                value = value * 10 + Int(bytes[index] &- 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }
}
