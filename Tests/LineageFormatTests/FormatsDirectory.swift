import Foundation

/// The repository's `Formats/` directory, where the spec and golden vectors live.
enum FormatsDirectory {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Formats")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url.appendingPathComponent("vectors").appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
