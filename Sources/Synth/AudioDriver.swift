import CFluidSynth

/// The audio back-ends the live synth can play through.
public enum AudioDriver: String, CaseIterable, Sendable, Codable {
    /// PipeWire; when this FluidSynth build lacks it (Debian 12), PipeWire's PulseAudio server is used.
    case pipewire
    case pulseaudio
    /// ALSA directly; `device` is an ALSA PCM such as `default` or `hw:Loopback,0,0`.
    case alsa
    case jack
    /// A file written in real time; `device` is its path (for recording the live output and for tests).
    case file

    /// FluidSynth's name of the setting that selects the device, if this driver has one.
    var deviceSetting: String? {
        switch self {
        case .alsa: "audio.alsa.device"
        case .pulseaudio, .pipewire: "audio.pulseaudio.device"
        case .jack: "audio.jack.server"
        case .file: "audio.file.name"
        }
    }

    /// The drivers compiled into the linked FluidSynth.
    static func available() -> Set<String> {
        guard let settings = new_fluid_settings() else { return [] }
        defer { delete_fluid_settings(settings) }
        var names = Set<String>()
        withUnsafeMutablePointer(to: &names) { pointer in
            fluid_settings_foreach_option(settings, "audio.driver", pointer) { data, _, option in
                guard let data, let option else { return }
                data.assumingMemoryBound(to: Set<String>.self).pointee.insert(String(cString: option))
            }
        }
        return names
    }

    /// FluidSynth settings that select this driver (falling back from PipeWire to PulseAudio) and `device`.
    func settings(device: String?) throws(SynthError) -> [(String, String)] {
        let available = Self.available()
        var chosen = self
        if self == .pipewire && !available.contains("pipewire") { chosen = .pulseaudio }
        guard available.contains(chosen.rawValue) else {
            let list = available.sorted().joined(separator: ", ")
            throw .audioUnavailable(driver: rawValue, device: device,
                                    reason: "this FluidSynth has no \(chosen.rawValue) driver (it has: \(list))")
        }
        var result = [("audio.driver", chosen.rawValue)]
        if chosen == .pipewire { return result }      // PipeWire picks its sink by policy, not by name.
        if let device, let setting = chosen.deviceSetting { result.append((setting, device)) }
        if chosen == .file { result.append(("audio.file.type", "wav")) }
        return result
    }
}
