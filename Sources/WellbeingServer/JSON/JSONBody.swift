import Foundation
import Hummingbird

/// JSON responses, encoded one way everywhere: keys sorted, so equal data gives equal bytes.
enum JSONBody {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The bytes of `value` as JSON.
    static func bytes(_ value: some Encodable) -> ByteBuffer {
        // Every type encoded here is made of strings, numbers and arrays, which cannot fail to encode.
        ByteBuffer(bytes: try! encoder.encode(value))
    }

    /// A response carrying `value` as JSON.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        response(bytes: bytes(value), status: status)
    }

    /// A response carrying bytes already encoded as JSON.
    static func response(bytes: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: bytes))
    }
}
