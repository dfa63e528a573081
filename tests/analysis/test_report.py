"""The consultation report: drafted, edited, published (with a signal), the same in PDF and Word."""

import io

from engage import events
from engage.analysis import service
from engage.analysis.models import Report
from engage.comments.models import CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.analysis.helpers import comment_by, make_theme, safeguard
from tests.factories import make_proposal, make_user

REPORT_FIELDS = {
    "what_asked": "Should the youth centres open later?",
    "how_when": "Online, for six weeks.",
    "young_views": "Young people wanted Fridays most.",
    "what_next": "The Executive decides in March.",
}


def _consultation():
    proposal = make_proposal(ProposalStatus.DECIDED, title="Later youth centres")
    proposal.outcome_we_did = "We will open until 9pm."
    db.session.commit()
    officer = make_user(Role.OFFICER)
    comments = [
        comment_by(proposal, body=f"Open later on Fridays {n}", vote="agree") for n in range(6)
    ]
    theme = make_theme(proposal.id, "Opening hours")
    theme.response = "We open until 9pm from April."
    service.tag_items(officer, theme, [c.id for c in comments])
    db.session.commit()
    return proposal, officer, theme, comments


def _publish(client, proposal, theme, quote_ids):
    base = f"/manage/analysis/proposal/{proposal.id}"
    assert client.get(f"{base}/report").status_code == 200
    assert client.submit(f"{base}/report", REPORT_FIELDS).status_code == 302
    client.submit(f"{base}/themes/{theme.id}", {"action": "quotes", "quote": quote_ids})
    return client.submit(f"{base}/report/publish", {"publish": "1"})


def test_publishing_puts_the_report_on_a_public_page_and_tells_listeners(login_as, client):
    proposal, officer, theme, comments = _consultation()
    officer_client = login_as(officer)
    url = f"/consultations/proposal/{proposal.id}/report"
    assert client.get(url).status_code == 404  # not published yet
    received = []

    def listener(sender, **kwargs):
        received.append(sender)

    events.report_published.connect(listener)
    try:
        response = _publish(officer_client, proposal, theme, [comments[0].id])
    finally:
        events.report_published.disconnect(listener)
    assert response.status_code == 302
    assert len(received) == 1 and isinstance(received[0], Report)
    page = client.get(url)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    for words in (
        "Later youth centres",
        REPORT_FIELDS["what_asked"],
        REPORT_FIELDS["young_views"],
        REPORT_FIELDS["what_next"],
        "Opening hours",
        "We open until 9pm from April.",
        "We will open until 9pm.",
        comments[0].body,
    ):
        assert words in text, words
    assert comments[1].body not in text  # tagged but not chosen as a quote


def test_a_quote_hidden_or_safeguarded_later_leaves_the_report(login_as, client):
    proposal, officer, theme, comments = _consultation()
    _publish(login_as(officer), proposal, theme, [comments[0].id, comments[1].id])
    comments[0].status = CommentStatus.HIDDEN
    db.session.commit()
    safeguard("comment", comments[1].id)
    text = client.get(f"/consultations/proposal/{proposal.id}/report").get_data(as_text=True)
    assert comments[0].body not in text and comments[1].body not in text


def test_the_pdf_and_word_files_hold_what_the_page_shows(login_as, client):
    from docx import Document
    from pypdf import PdfReader

    proposal, officer, theme, comments = _consultation()
    _publish(login_as(officer), proposal, theme, [comments[0].id])
    base = f"/consultations/proposal/{proposal.id}/report"
    pdf = client.get(f"{base}.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.data))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    docx = client.get(f"{base}.docx")
    assert docx.status_code == 200
    document = Document(io.BytesIO(docx.data))
    docx_text = "\n".join(p.text for p in document.paragraphs)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for words in (
        REPORT_FIELDS["what_asked"],
        REPORT_FIELDS["what_next"],
        "Opening hours",
        comments[0].body,
        "We open until 9pm from April.",
    ):
        assert words in pdf_text, words
        assert words in docx_text, words
    assert "What we asked" in headings and "Opening hours" in headings
    # Tagged PDF with the page's language, for screen readers.
    root = reader.trailer["/Root"]
    assert root.get("/Lang") == "en" and "/StructTreeRoot" in root


def test_a_draft_report_is_for_officers_only(login_as, client):
    proposal, officer, theme, comments = _consultation()
    login_as(officer).get(f"/manage/analysis/proposal/{proposal.id}/report")
    url = f"/consultations/proposal/{proposal.id}/report"
    assert client.get(url).status_code == 404
    assert client.get(f"{url}.pdf").status_code == 404
    assert login_as(make_user(Role.MODERATOR)).get(url).status_code == 404
    assert login_as(officer).get(url).status_code == 200


def test_publishing_needs_what_was_asked_and_what_happens_next(login_as):
    proposal, officer, theme, comments = _consultation()
    client = login_as(officer)
    base = f"/manage/analysis/proposal/{proposal.id}"
    client.get(f"{base}/report")
    fields = dict(REPORT_FIELDS, what_next="")
    response = client.submit(f"{base}/report", fields)
    assert response.status_code == 400
    assert "Say what happens next" in response.get_data(as_text=True)
    assert REPORT_FIELDS["young_views"] in response.get_data(as_text=True)


def test_the_proposal_page_links_to_the_published_report_only(login_as, client):
    proposal, officer, theme, comments = _consultation()
    link = f"/consultations/proposal/{proposal.id}/report"
    officer_client = login_as(officer)
    officer_client.get(f"/manage/analysis/proposal/{proposal.id}/report")
    assert link not in client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    _publish(officer_client, proposal, theme, [])
    assert link in login_as(make_user()).get(f"/proposals/{proposal.id}").get_data(as_text=True)
