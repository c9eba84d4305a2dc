import CFluidSynth
import Foundation

/// A SoundFont 2 file on disk, checked before any synthesis work starts.
public struct SoundFont: Hashable, Sendable {
    /// Debian's default General MIDI soundfont (FluidR3 through the alternatives system).
    public static let debianDefault = SoundFont(path: "/usr/share/sounds/sf2/default-GM.sf2")

    public var path: String

    public init(path: String) { self.path = path }

    /// Throws `soundFontMissing` or `soundFontUnreadable` naming the file, unless it looks like a SoundFont 2.
    /// (A truncated file with a good header is caught when the synth loads it.)
    public func validate() throws(SynthError) {
        guard FileManager.default.isReadableFile(atPath: path) else { throw .soundFontMissing(path: path) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .soundFontMissing(path: path)
        }
        guard fluid_is_soundfont(path) != 0 else {
            throw .soundFontUnreadable(path: path, reason: "no RIFF sfbk header")
        }
    }
}
