import Crypto
import Foundation

/// Lowercase hex SHA-256 of bytes in memory.
func sha256Hex(_ bytes: some DataProtocol) -> String {
    hexDigest(SHA256.hash(data: bytes))
}

/// Lowercase hex SHA-256 of a file, read in 1 MiB blocks (archives can be large); the error is the system's reason.
func sha256Hex(fileAt path: String) throws(SystemCallError) -> (sha256: String, bytes: Int) {
    try OpenInput(path: path).sha256()
}

func hexDigest(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for byte in digest {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
