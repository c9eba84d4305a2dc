@testable import ContinuoApp
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ServiceNotifierTests {
    /// Binds a datagram socket like systemd's and returns what one notification sends.
    private func received(_ send: (ServiceNotifier) -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd); unlink(path) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        send(ServiceNotifier(environment: ["NOTIFY_SOCKET": path]))
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        try #require(count > 0)
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    @Test func ready_sendsReadyAndStatus() throws {
        #expect(try received { $0.ready(status: "listening") } == "READY=1\nSTATUS=listening")
    }

    @Test func watchdogAndStopping_useTheProtocolsWords() throws {
        #expect(try received { $0.watchdog() } == "WATCHDOG=1")
        #expect(try received { $0.stopping() } == "STOPPING=1")
    }

    @Test func withoutNotifySocket_nothingIsActive() {
        #expect(ServiceNotifier(environment: [:]).isActive == false)
    }

    @Test func heartbeat_isHalfTheWatchdogInterval() {
        // WatchdogSec=20 → WATCHDOG_USEC=20000000 → a heartbeat every 10 s (sd_watchdog_enabled(3)).
        #expect(ServiceNotifier.heartbeatInterval(environment: ["WATCHDOG_USEC": "20000000"]) == 10)
        #expect(ServiceNotifier.heartbeatInterval(environment: ["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "1"]) == nil)
    }
}

@Suite struct JournalLogHandlerTests {
    @Test func lineStartsWithTheSyslogPriority() {
        // syslog(3): LOG_WARNING = 4, LOG_INFO = 6.
        #expect(JournalLogHandler.line(level: .warning, message: "input lost", metadata: [:]) == "<4>input lost")
        #expect(JournalLogHandler.line(level: .info, message: "serving", metadata: ["port": "128:0", "mode": "play-along"])
            == "<6>serving mode=play-along port=128:0")
    }

    @Test func aRecordIsOneLine() {
        #expect(!JournalLogHandler.line(level: .error, message: "a\nb", metadata: [:]).contains("\n"))
    }
}
