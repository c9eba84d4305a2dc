import Improviser

extension ServeSettings {
    /// Settings while they are read: the parts that are checked against each other (tempo range,
    /// pitch range and scale) wait here until every key is in.
    struct Draft {
        var settings = ServeSettings()
        var accompanist = AccompanistSettings()
        var lowestBPM: Double, highestBPM: Double
        var lowestPitch: Int, highestPitch: Int
        var scale: Scale?

        init() {
            lowestBPM = accompanist.tempoRange.lowerBound
            highestBPM = accompanist.tempoRange.upperBound
            lowestPitch = Int(accompanist.constraints.range.lowerBound)
            highestPitch = Int(accompanist.constraints.range.upperBound)
            scale = accompanist.constraints.scale
        }
    }

    /// Reads and validates every setting of `ServeSetting.all`; the first bad one throws a
    /// `ConfigurationError`.
    public init(reading source: SettingsReader) throws {
        var d = Draft()
        for setting in ServeSetting.all { try setting.read(source, &d) }
        guard d.highestBPM >= 2 * d.lowestBPM else {
            throw ConfigurationError(key: "listen.highestBpm", value: "\(d.highestBPM)",
                                     allowed: "at least twice listen.lowestBpm (\(d.lowestBPM)), so tempi can fold by octaves")
        }
        d.accompanist.tempoRange = d.lowestBPM...d.highestBPM
        guard d.lowestPitch <= d.highestPitch else {
            throw ConfigurationError(key: "answer.highestPitch", value: "\(d.highestPitch)",
                                     allowed: "a pitch ≥ answer.lowestPitch (\(d.lowestPitch))")
        }
        d.accompanist.constraints = PitchConstraints(range: UInt8(d.lowestPitch)...UInt8(d.highestPitch), scale: d.scale)
        let c = d.accompanist.controls
        let used = [c.temperature, c.answerLength, c.mode, c.panic].compactMap { $0 }
        if let clash = used.first(where: { number in used.filter { $0 == number }.count > 1 }) {
            throw ConfigurationError(key: "controls", value: "\(clash)", allowed: "a different controller for each control")
        }
        self = d.settings
        accompanist = d.accompanist
    }
}
