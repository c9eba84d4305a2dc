import CFluidSynth
import Synchronization

/// FluidSynth's log, captured instead of printed: the last error becomes the reason in a `SynthError`,
/// so a failure reaches the user as one line rather than several lines on stderr.
enum FluidLog {
    private static let lastError = Mutex<String?>(nil)

    /// Installs the capturing handlers once per process (FluidSynth's log handlers are global).
    static let installed: Void = {
        let capture: fluid_log_function_t = { level, message, _ in
            guard level <= Int32(FLUID_ERR.rawValue), let message else { return }
            let text = String(cString: message)
            FluidLog.lastError.withLock { $0 = text }
        }
        for level in [FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG] {
            _ = fluid_set_log_function(Int32(level.rawValue), capture, nil)
        }
    }()

    /// Clears the captured error before a call whose failure we want to explain.
    static func reset() {
        _ = installed
        lastError.withLock { $0 = nil }
    }

    /// The last error FluidSynth logged since `reset()`, or `fallback`.
    static func reason(or fallback: String) -> String {
        lastError.withLock { $0 } ?? fallback
    }
}
