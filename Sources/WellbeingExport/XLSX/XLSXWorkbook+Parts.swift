import Foundation

/// The parts of the package that list the sheets: workbook, relationships, content types, properties.
extension XLSXWorkbook {
    var workbookXML: XMLBytes {
        var xml = XMLBytes("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr/><bookViews><workbookView/></bookViews><sheets>
            """)
        for (index, sheet) in sheets.enumerated() {
            xml.append("<sheet name=\"")
            xml.append(escaping: sheet.name)
            xml.append("\" sheetId=\"")
            xml.append(decimal: index + 1)
            xml.append("\" r:id=\"rId")
            xml.append(decimal: index + 1)
            xml.append("\"/>")
        }
        xml.append("</sheets>")
        // Excel keeps each sheet's filter range in a hidden name as well as on the sheet.
        let filters = sheets.enumerated().compactMap { index, sheet in sheet.filterRange.map { (index, sheet, $0) } }
        if !filters.isEmpty {
            xml.append("<definedNames>")
            for (index, sheet, range) in filters {
                xml.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"")
                xml.append(decimal: index)
                xml.append("\" hidden=\"1\">")
                let absolute = range.split(separator: ":").map { cell in
                    let letters = cell.prefix { $0.isLetter }
                    return "$\(letters)$\(cell.dropFirst(letters.count))"
                }.joined(separator: ":")
                xml.append(escaping: "\(Self.quoted(sheet.name))!\(absolute)")
                xml.append("</definedName>")
            }
            xml.append("</definedNames>")
        }
        xml.append("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>")
        return xml
    }

    /// The workbook's relationships: its sheets as rId1…, then shared strings and styles.
    var workbookRelationships: XMLBytes {
        var xml = XMLBytes("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """)
        let relations = sheets.map { ("worksheet", String($0.part.dropFirst("xl/".count))) }
            + [("sharedStrings", "sharedStrings.xml"), ("styles", "styles.xml")]
        for (index, (type, target)) in relations.enumerated() {
            xml.append("<Relationship Id=\"rId")
            xml.append(decimal: index + 1)
            xml.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/")
            xml.append(escaping: type)
            xml.append("\" Target=\"")
            xml.append(escaping: target)
            xml.append("\"/>")
        }
        xml.append("</Relationships>")
        return xml
    }

    static let packageRelationships: StaticString = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" \
        Target="docProps/app.xml"/></Relationships>
        """

    var contentTypes: XMLBytes {
        var xml = XMLBytes("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/docProps/app.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            <Override PartName="/docProps/core.xml" \
            ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            """)
        for sheet in sheets {
            xml.append("<Override PartName=\"/")
            xml.append(escaping: sheet.part)
            xml.append("\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        xml.append("</Types>")
        return xml
    }

    /// Title, author and the creation time.
    var coreProperties: XMLBytes {
        var xml = XMLBytes("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>School well-being indicators</dc:title><dc:creator>wellbeing</dc:creator>\
            <cp:lastModifiedBy>wellbeing</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">
            """)
        let time = created.formatted(.iso8601)
        xml.append(escaping: time)
        xml.append("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
        xml.append(escaping: time)
        xml.append("</dcterms:modified></cp:coreProperties>")
        return xml
    }

    /// The application and the sheets' names, as Excel lists them.
    var appProperties: XMLBytes {
        var xml = XMLBytes("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <Application>wellbeing</Application><HeadingPairs><vt:vector size="2" baseType="variant">\
            <vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>
            """)
        xml.append(decimal: sheets.count)
        xml.append("</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"")
        xml.append(decimal: sheets.count)
        xml.append("\" baseType=\"lpstr\">")
        for sheet in sheets {
            xml.append("<vt:lpstr>")
            xml.append(escaping: sheet.name)
            xml.append("</vt:lpstr>")
        }
        xml.append("</vt:vector></TitlesOfParts></Properties>")
        return xml
    }
}
