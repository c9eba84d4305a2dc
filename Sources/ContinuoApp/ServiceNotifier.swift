import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// systemd's notification protocol (sd_notify), written directly: one datagram of
/// `KEY=value` lines to the AF_UNIX socket named by `$NOTIFY_SOCKET`. Without that variable
/// (not started by systemd) every call does nothing.
public struct ServiceNotifier: Sendable {
    private let socketPath: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether systemd is listening.
    public var isActive: Bool { socketPath != nil }

    /// Startup finished: ports open, model loaded.
    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    /// A one-line status, shown by `systemctl status`.
    public func status(_ text: String) { send("STATUS=\(text)") }
    /// Shutting down.
    public func stopping() { send("STOPPING=1") }
    /// Reloading configuration and model (SIGHUP); `reloaded` ends it.
    public func reloading() { send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())") }
    /// Reload finished.
    public func reloaded(status: String) { send("READY=1\nSTATUS=\(status)") }
    /// The watchdog heartbeat: the inference thread answered a ping.
    public func watchdog() { send("WATCHDOG=1") }

    /// The interval systemd expects heartbeats at (half of `WatchdogSec`), nil without a watchdog.
    public static func heartbeatInterval(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double? {
        guard let text = environment["WATCHDOG_USEC"], let usec = Double(text), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], pid != String(getpid()) { return nil }
        return usec / 2e6
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    private func send(_ message: String) {
        guard let socketPath else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        // "@name" is the abstract namespace: a leading NUL byte instead of '@'.
        var path = Array(socketPath.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, bytes.count, 0, $0, length)
            }
        }
    }
}
