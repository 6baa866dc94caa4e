import Foundation

/// A one-line progress bar with rate and ETA on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    private let label: String
    private let enabled: Bool
    private let unit: String?
    private let start = Date()
    private var lastDraw = Date.distantPast

    /// A bar for `label`; `unit` names what is counted (rates in bytes when `nil`).
    init(label: String, enabled: Bool, unit: String? = nil) {
        self.label = label
        self.unit = unit
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func update(done: UInt64, total: UInt64) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = Date()
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - min(done, total)) / rate : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(
            format: "\r%@ %@ %3.0f%% %@/s ETA %.0fs ", label, bar, fraction * 100,
            unit.map { "\(Int(rate)) \($0)" } ?? humanBytes(rate), eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
