import CXXHash
import LineageFormat

/// An incremental XXH3-128 hasher over libxxhash's streaming state.
final class StreamingXXH3: @unchecked Sendable {
    private let state: OpaquePointer

    init() {
        guard let state = XXH3_createState() else { fatalError("XXH3_createState: out of memory") }
        self.state = state
        XXH3_128bits_reset(state)
    }

    deinit { XXH3_freeState(state) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        lineage_xxh3_128_update(state, bytes.baseAddress, bytes.count)
    }

    func finalize() -> Digest128 {
        let hash = XXH3_128bits_digest(state)
        return Digest128(high: hash.high64, low: hash.low64)
    }
}
