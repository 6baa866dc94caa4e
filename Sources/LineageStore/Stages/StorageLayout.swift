/// The seed's file layout under a pipeline's storage root (`uploads/` in the seed):
/// `documents/{document}/original/{file}` for the uploaded file and
/// `documents/{document}/stages/{stage}/{file}` for what each stage writes.
///
/// Paths are built relative to the root, as ``StageOutput/path`` takes them; every part must be one path
/// component, so a document id, stage or file name can never lead outside the document's folder.
public struct StorageLayout: Sendable {
    /// The storage root.
    public let root: String

    /// The layout under `root`.
    public init(root: String) { self.root = root }

    /// `documents/{documentID}/stages/{stage}/{fileName}`.
    /// - Throws: `.invalidInput` naming a part that is empty, `.` or `..`, or holds `/` or a NUL byte.
    public static func stageFile(documentID: String, stage: String, fileName: String) throws -> String {
        try checkComponents([(documentID, "document id"), (stage, "stage"), (fileName, "file name")])
        return "documents/\(documentID)/stages/\(stage)/\(fileName)"
    }

    /// `documents/{documentID}/original/{fileName}`.
    /// - Throws: as ``stageFile(documentID:stage:fileName:)``.
    public static func originalFile(documentID: String, fileName: String) throws -> String {
        try checkComponents([(documentID, "document id"), (fileName, "file name")])
        return "documents/\(documentID)/original/\(fileName)"
    }

    /// The absolute path of `relative` under the root, checked to stay inside it: the longest part of it that
    /// exists is resolved (symbolic links included), so a link in the tree cannot lead out.
    /// - Throws: `.invalidInput` for a path that is not relative and confined, or that resolves outside the
    ///   root; `.io` if the root does not exist.
    public func absolutePath(_ relative: String) throws -> String {
        try StoragePath.validate(relative)
        let canonicalRoot = try StoragePath.canonical(root)
        let inside = canonicalRoot == "/" ? "/" : canonicalRoot + "/"
        var components = relative.split(separator: "/").map(String.init)
        var missing: [String] = []
        while !components.isEmpty {
            let candidate = inside + components.joined(separator: "/")
            if let resolved = try? StoragePath.canonical(candidate) {
                guard resolved == canonicalRoot || resolved.hasPrefix(inside) else {
                    throw StoreError(
                        .invalidInput, "\(relative) resolves to \(resolved), outside the storage root \(root)")
                }
                return ([resolved] + missing).joined(separator: "/")
            }
            missing.insert(components.removeLast(), at: 0)
        }
        return inside + missing.joined(separator: "/")
    }

    /// Checks that each part can be one path component.
    private static func checkComponents(_ parts: [(value: String, name: String)]) throws {
        for (part, name) in parts {
            guard !part.isEmpty, part != ".", part != "..", !part.contains("/"), !part.utf8.contains(0) else {
                throw StoreError(
                    .invalidInput,
                    "\(name) \"\(part)\" cannot be one component of a storage path (empty, . or .., / or NUL)")
            }
        }
    }
}
