/// The workbook's shared-strings table: each distinct text once, cells refer to it by index.
///
/// Level sheets repeat a few hundred names, codes and labels millions of times; an index is a few
/// bytes where the text inline was tens. The table grows with distinct texts (schools, not pupils).
final class XLSXSharedStrings {
    private var indices: [String: Int] = [:]
    private var texts: [String] = []

    /// Every text's index so far.
    var numbered: [String: Int] { indices }

    /// The index of `text`, added if new.
    func index(of text: String) -> Int {
        if let index = indices[text] { return index }
        texts.append(text)
        indices[text] = texts.count - 1
        return texts.count - 1
    }

    /// `sharedStrings.xml`.
    var xml: XMLBytes {
        var xml = XMLBytes()
        xml.append("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="
            """)
        xml.append(decimal: texts.count)
        xml.append("\">")
        for text in texts {
            // Without `preserve`, readers may drop a leading or trailing space.
            let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
            xml.append(padded ? "<si><t xml:space=\"preserve\">" : "<si><t>")
            xml.append(escaping: text)
            xml.append("</t></si>")
        }
        xml.append("</sst>")
        return xml
    }
}
