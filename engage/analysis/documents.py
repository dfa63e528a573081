"""The report as files: PDF printed from the page's own HTML, and Word for committee papers."""

import io

from engage.i18n import _


def _no_fetching(url: str, *args, **kwargs):
    # The print HTML carries its styles inline; nothing is fetched (no third-party requests).
    raise ValueError(f"not fetched: {url}")


def to_pdf(html: str, base_url: str) -> bytes:
    """A tagged PDF (PDF/UA: headings and language for screen readers) from the print HTML."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=_no_fetching).write_pdf(
        pdf_variant="pdf/ua-1"
    )


def _table(doc, rows: list[tuple[str, ...]], headers: tuple[str, ...]) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _breakdown(doc, breakdown) -> None:
    """A participation table, with Luton's shares and their source where there are figures."""
    doc.add_heading(breakdown.title, level=2)
    cmp = breakdown.comparison
    if cmp is None or not cmp.has_figures:
        _table(doc, [(r.label, r.cell.display) for r in breakdown.rows], (_("Group"), _("People")))
        if cmp is not None:
            doc.add_paragraph(
                _("There are no figures for Luton's population to compare this with.")
            )
        return
    _table(
        doc,
        [
            (r.label, r.cell.display, c.took_part or "–", c.population or "–")
            for r, c in zip(breakdown.rows, cmp.rows, strict=True)
        ],
        (
            _("Group"),
            _("People"),
            _("Share of people who took part"),
            _("Share of Luton's population"),
        ),
    )
    doc.add_paragraph(
        _(
            "Shares are worked out only from the numbers shown. Groups whose number is hidden, "
            "and groups with no figure for Luton, are left out of both shares (shown as –), and "
            "Luton's shares are rescaled to the same groups, so no share gives away a hidden "
            "number."
        )
    )
    source = cmp.source
    label = _("Source of Luton's figures:")
    doc.add_paragraph(f"{label} {source.publisher}, {source.title} ({source.year}), {source.url}")


def to_docx(view) -> bytes:
    """The report as a Word document with real headings and tables."""
    from docx import Document

    from engage.i18n import current_locale

    doc = Document()
    doc.core_properties.title = view.title
    doc.core_properties.language = current_locale().code
    doc.add_heading(_("Consultation report: %(title)s", title=view.title), level=0)
    report = view.report
    doc.add_heading(_("What we asked"), level=1)
    doc.add_paragraph(report.what_asked)
    doc.add_heading(_("How and when we asked"), level=1)
    doc.add_paragraph(report.how_when)
    doc.add_heading(_("Who took part"), level=1)
    doc.add_paragraph(_("People who took part: %(count)s", count=view.participation.total.display))
    for breakdown in view.participation.breakdowns:
        _breakdown(doc, breakdown)
    doc.add_heading(_("What people told us"), level=1)
    if not view.themes:
        doc.add_paragraph(_("No themes have been recorded."))
    for section in view.themes:
        doc.add_heading(section.theme.name, level=2)
        doc.add_paragraph(_("Responses: %(count)s", count=section.count.display))
        if section.young is not None:
            doc.add_paragraph(_("From young people: %(count)s", count=section.young.display))
        if section.theme.description:
            doc.add_paragraph(section.theme.description)
        for quote in section.quotes:
            doc.add_paragraph(quote, style="Intense Quote")
        if section.sentiment:
            _table(
                doc,
                [(r.label, r.cell.display) for r in section.sentiment],
                (_("How they voted"), _("People")),
            )
        if section.theme.response:
            doc.add_heading(_("What we did"), level=3)
            doc.add_paragraph(section.theme.response)
    if report.young_views:
        doc.add_heading(_("What young people told us"), level=1)
        doc.add_paragraph(report.young_views)
    if view.decision:
        doc.add_heading(_("The decision"), level=1)
        doc.add_paragraph(view.decision["we_did"])
        if view.decision["why"]:
            doc.add_paragraph(view.decision["why"])
    doc.add_heading(_("What happens next"), level=1)
    doc.add_paragraph(report.what_next)
    doc.add_paragraph(view.link)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
