/// A minimal SVG writer: elements appended in paint order, attribute values and text escaped.
struct SVGDocument {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends `<name attributes…/>`, or `<name …>text</name>` when `text` is given.
    mutating func add(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>, text: String? = nil) {
        let rendered = attributes.map { " \($0.key)=\"\(Self.escape($0.value.text))\"" }.joined()
        if let text { body.append("<\(name)\(rendered)>\(Self.escape(text))</\(name)>") }
        else { body.append("<\(name)\(rendered)/>") }
    }

    /// The whole file: XML declaration, sized root with a viewBox, a white background, the elements.
    var text: String {
        let w = SVGValue.number(width).text, h = SVGValue.number(height).text
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
        font-family="sans-serif" font-size="12">
        <rect class="background" x="0" y="0" width="\(w)" height="\(h)" fill="white"/>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    /// XML escaping for attribute values and character data.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// An attribute value: a number printed compactly (two decimals at most) or a string.
enum SVGValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case number(Double)
    case string(String)

    init(stringLiteral value: String) { self = .string(value) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }

    var text: String {
        switch self {
        case .string(let s): return s
        case .number(let x):
            let rounded = (x * 100).rounded() / 100
            if rounded == rounded.rounded() { return String(Int(rounded)) }
            return String(rounded)
        }
    }
}
