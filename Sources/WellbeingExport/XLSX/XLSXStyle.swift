/// The cell styles of the workbook, by their index in `styles.xml`'s `cellXfs`.
enum XLSXStyle: Int {
    case normal = 0
    case bold
    case wholeNumber
    case oneDecimal
    case twoDecimals
    /// Wrapped text at the top of its cell (long notes).
    case wrapped
    /// The blue underlined look of a hyperlink.
    case link

    /// The number format showing `places` decimals (0 to 2), if there is one.
    static func decimals(_ places: Int) -> XLSXStyle? {
        switch places {
        case 0: .wholeNumber
        case 1: .oneDecimal
        case 2: .twoDecimals
        default: nil
        }
    }

    /// `styles.xml`: Calibri 11, bold, the hyperlink font, and the number formats `0`, `0.0`, `0.00`.
    static let stylesheet: StaticString = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="3"><numFmt numFmtId="164" formatCode="0"/><numFmt numFmtId="165" formatCode="0.0"/>\
        <numFmt numFmtId="166" formatCode="0.00"/></numFmts>\
        <fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyNumberFormat="0" applyFill="0" applyBorder="0" \
        applyAlignment="0" applyProtection="0"/></cellStyleXfs>\
        <cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
        <alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="1" applyFont="1"/></cellXfs>\
        <cellStyles count="2"><cellStyle name="Normal" xfId="0" builtinId="0"/>\
        <cellStyle name="Hyperlink" xfId="1" builtinId="8"/></cellStyles>\
        <dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" \
        defaultPivotStyle="PivotStyleLight16"/></styleSheet>
        """
}
