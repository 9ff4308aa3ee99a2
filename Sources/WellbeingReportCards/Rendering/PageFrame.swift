/// The parts every page shares: the metadata at the top of `<head>` and the footer.
enum PageFrame {
    /// The character set, viewport, colour scheme and stylesheet link.
    static func head(stylesheet: String) -> HTML {
        """
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light">
        <link rel="stylesheet" href="\(stylesheet)">\n
        """
    }

    /// The name of the `<meta>` by which a static page states the ``PageDigest`` of its inputs.
    static let digestName = "wellbeing-page-digest"

    /// The page's digest as a `<meta>` line, so the next static export can keep the page if its inputs
    /// are unchanged; nothing for a served page.
    static func digest(_ digest: PageDigest?) -> HTML {
        guard let digest else { return "" }
        return """
            <meta name="\(digestName)" content="\(digest.text)">\n
            """
    }

    /// What the symbols mean and where the figures came from.
    static func footer(_ provenance: ProvenanceView) -> HTML {
        """
        <footer class="page-footer">
          <p>Figures are from published, disclosure-controlled tables: a cell with too few pupils shows <strong>c</strong> (too few pupils to publish), <strong>x</strong> means not available and <strong>z</strong> not applicable. Percentages and their intervals are to 1 decimal place, means to 2.</p>
          <p>Survey wave \(provenance.waves), published by wellbeing \(provenance.software); catalogue \(provenance.catalogue); suppression policy \(provenance.policy). The returns behind these figures, and when they were published, are listed in the export's provenance.json.</p>
        </footer>\n
        """
    }
}
