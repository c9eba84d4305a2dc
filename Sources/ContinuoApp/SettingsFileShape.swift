import Foundation
import Yams

/// The shape of a configuration file: a mapping of known sections, each a mapping of known
/// settings to single values. The file provider ignores what it does not look up, so without
/// this check a misspelt key (`temprature:`) or a misplaced value (`answer: 5`) would silently
/// leave the default in force.
enum SettingsFileShape {
    static func check(file: String) throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw ConfigurationFileError(file: file, reason: "cannot read: \(OutputFile.reason(error))")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigurationFileError(file: file, reason: "not YAML: " + "\(error)".split(separator: "\n").joined(separator: " "))
        }
        guard let root else { return }   // an empty file: every default
        guard let sections = root.mapping else {
            throw ConfigurationFileError(file: file, reason: "expected a mapping of sections (\(ServeSetting.sections.joined(separator: ", ")))")
        }
        for (sectionNode, body) in sections {
            let section = sectionNode.string ?? "\(sectionNode)"
            let keys = ServeSetting.all.filter { $0.section == section }.map(\.key)
            guard !keys.isEmpty else {
                throw UnknownSettingError(place: file, name: section, line: sectionNode.mark?.line,
                                          suggestion: SettingsReader.nearest(section, among: ServeSetting.sections.map(String.init)))
            }
            guard let settings = body.mapping else {
                throw ConfigurationError(file: file, key: section, value: body.string ?? "\(body)",
                                         allowed: "a section of settings (\(keys.joined(separator: ", ")))")
            }
            for (keyNode, value) in settings {
                let key = section + "." + (keyNode.string ?? "\(keyNode)")
                guard keys.contains(key) else {
                    throw UnknownSettingError(place: file, name: key, line: keyNode.mark?.line,
                                              suggestion: SettingsReader.nearest(key, among: ServeSetting.all.map(\.key)))
                }
                guard value.scalar != nil else {
                    throw ConfigurationError(file: file, key: key, value: "\(value.any)".replacingOccurrences(of: "\n", with: " "),
                                             allowed: "a single value, not a list or a mapping")
                }
            }
        }
    }
}

/// A flag, environment variable or file key that is no setting of `serve`, with the nearest one.
public struct UnknownSettingError: Error, CustomStringConvertible, Equatable {
    /// "command line", "environment", or the file.
    public var place: String
    public var name: String
    public var line: Int?
    public var suggestion: String?

    public init(place: String, name: String, line: Int? = nil, suggestion: String?) {
        self.place = place
        self.name = name
        self.line = line
        self.suggestion = suggestion
    }

    public var description: String {
        let location = line.map { "\(place):\($0)" } ?? place
        return "\(location): \(name) is not a setting" + (suggestion.map { "; did you mean \($0)?" } ?? "")
    }
}
