import Foundation
import LineageFormat
import Testing

@Suite struct TupleCodecTests {
    static func element(fromJSON json: Any) -> TupleElement {
        let object = json as! [String: Any]
        let (type, value) = object.first!
        switch type {
        case "null": return .null
        case "bool": return .bool(value as! Bool)
        case "int": return .int(Int64(value as! String)!)
        case "double": return .double(Double(bitPattern: UInt64(value as! String, radix: 16)!))
        case "bytes": return .bytes(Hex.decode(value as! String)!)
        case "string": return .string(value as! String)
        case "uuid": return .uuid(UUID(uuidString: value as! String)!)
        case "tuple": return .tuple((value as! [Any]).map(element(fromJSON:)))
        default: fatalError("unknown vector type \(type)")
        }
    }

    @Test func goldenKeyVectorsMatchByteForByte() throws {
        let document = try FormatsDirectory.json("keys.json")
        #expect(document["format_version"] as? Int == Int(FormatVersion.major))
        let vectors = document["keys"] as! [[String: Any]]
        #expect(vectors.count >= 25)
        for vector in vectors {
            let name = vector["name"] as! String
            let tuple = (vector["tuple"] as! [Any]).map(Self.element(fromJSON:))
            let expected = vector["hex"] as! String
            #expect(Hex.encode(TupleCodec.encode(tuple)) == expected, "encoding of \(name)")
            #expect(try TupleCodec.decode(Hex.decode(expected)!) == tuple, "decoding of \(name)")
        }
    }

    @Test func stringsOrderByUTF8BytesNotUnicodeCollation() {
        // "é" (U+00E9) sorts after "z" by bytes; Swift's String < might disagree for other pairs.
        let a = TupleCodec.encode(["z"])
        let b = TupleCodec.encode(["é"])
        #expect(a.lexicographicallyPrecedes(b))
        #expect(TupleElement.string("z") < TupleElement.string("é"))
    }

    @Test func nestedTerminatorIsDistinguishedFromEscapedNull() throws {
        #expect(try TupleCodec.decode(Hex.decode("0500")!) == [.tuple([])])
        #expect(try TupleCodec.decode(Hex.decode("050000")!) == [.tuple([]), .null])
        #expect(try TupleCodec.decode(Hex.decode("0500ff00")!) == [.tuple([.null])])
    }

    @Test(arguments: [
        ("02616263", FormatError.Code.truncated),  // unterminated string
        ("15", .truncated),  // integer missing its byte
        ("1500", .nonCanonical),  // leading zero byte
        ("1c8000000000000000", .unsupportedInteger),  // 2^63
        ("0b", .invalidTypeCode),  // 9-byte negative integers are not in the subset
        ("99", .invalidTypeCode),
        ("02ff00", .invalidUTF8),
        ("0501", .truncated),  // nested tuple cut inside bytes
        ("21000000", .truncated),
        ("30000102", .truncated),
    ])
    func malformedKeysAreRejectedWithATypedError(hex: String, code: FormatError.Code) throws {
        #expect {
            try TupleCodec.decode(Hex.decode(hex)!)
        } throws: { error in
            (error as? FormatError)?.code == code
        }
    }
}
