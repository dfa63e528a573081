"""Officers' raw exports of the workspace: the responses with their themes, and the codebook.

A file holds only what the workspace page already shows beside each response (date, adult or
young person, age group, connection, postcode district, language, vote, the words, an English
reading, the themes): never a name, an email, a username or a user id. The rows come from the
workspace's own queries, so held, hidden and safeguarded words never reach a file either.

Small groups are suppressed as in the survey export: a group of fewer than five people (adult or
young, age group, connection, postcode district) is not named in any row, nor the next smallest
group of that column, so a file that leaves the council cannot single anyone out.

Responses are read and written a batch at a time: the CSV is streamed as it is made, and the
workbook is built in openpyxl's write-only mode in a temporary file, so memory stays flat at
town scale.
"""

import csv
import io
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import IO

from sqlalchemy import func, select

from engage.accounts.forms import CONNECTION_LABELS, age_band_label
from engage.accounts.models import AgeBand, Connection, User
from engage.analysis import responses, service
from engage.analysis.models import Subject, Theme
from engage.comments.models import Comment
from engage.downloads import safe_cell
from engage.extensions import db
from engage.i18n import _, language_name
from engage.surveys.export import shown_groups
from engage.surveys.models import SurveyResponse
from engage.votes.forms import CHOICE_LABELS

BATCH = 500


def response_header(subject: Subject) -> list[str]:
    """The column names of a responses file (proposals also have reply, language and vote)."""
    header = [_("Response"), _("Date")]
    if subject is Subject.PROPOSAL:
        header.append(_("Comment or reply"))
    header += [
        _("Young people or adults"),
        _("Age group"),
        _("Connection to Luton"),
        _("Postcode district"),
    ]
    if subject is Subject.PROPOSAL:
        header += [_("Language"), _("How they voted")]
    header += [_("Response text"), _("In English"), _("Themes")]
    return [safe_cell(h) for h in header]


class _Labels:
    """Words for the cells, looked up once per file, not once per row (files run to 100,000s)."""

    def __init__(self):
        self.ages = {band: str(age_band_label(band)) for band in AgeBand}
        self.connections = {c: str(label) for c, label in CONNECTION_LABELS.items()}
        self.votes = {c: str(label) for c, label in CHOICE_LABELS.items()}
        self.kinds = {True: _("Reply"), False: _("Comment")}
        self.people = {True: _("Young person"), False: _("Adult")}
        self.small = _("Not shown: fewer than 5 in this group")
        self._languages: dict[str, str] = {}

    def language(self, code: str | None) -> str:
        """A language's name in the officer's language."""
        if not code:
            return ""
        if code not in self._languages:
            self._languages[code] = language_name(code)
        return self._languages[code]


def _people_by(query, column, person) -> Counter:
    """How many different people of the matching responses fall in each group of `column`."""
    inner = query.with_only_columns(column.label("g"), person.label("p")).distinct().subquery()
    # .all(): a Result has keys(), so dict() would take it for a mapping.
    rows = db.session.execute(select(inner.c.g, func.count()).group_by(inner.c.g)).all()
    return Counter(dict(rows))


def _as(cls, counts: Counter) -> Counter:
    """The same counts keyed as the items are (an enum, not its stored text)."""
    return Counter({(cls(k) if k is not None else None): n for k, n in counts.items()})


def shown(subject: Subject, target_id: int, filters: responses.Filters) -> dict[str, set]:
    """Per column, the groups a file may name: by the survey export's suppression."""
    query = responses.response_query(subject, target_id, filters).order_by(None)
    if subject is Subject.PROPOSAL:
        person = Comment.author_id
        ages = _as(AgeBand, _people_by(query, User.age_band, person))
        young = Counter(
            {bool(k): n for k, n in _people_by(query, Comment.by_young_person, person).items()}
        )
    else:
        person = SurveyResponse.id  # an answer's response is one person, signed in or not
        ages = _as(AgeBand, _people_by(query, SurveyResponse.age_band, person))
        young = Counter()
        for band, n in ages.items():
            young[band.is_child] += n
    return {
        "young": shown_groups(young),
        "age": shown_groups(ages),
        "connection": shown_groups(_as(Connection, _people_by(query, User.connection, person))),
        "district": shown_groups(_people_by(query, User.postcode_district, person)),
    }


def _row(subject: Subject, item: responses.Item, labels: _Labels, ok: dict[str, set]) -> list:
    def group(key, value, label):
        return label if value in ok[key] else labels.small

    row = [item.id, item.created.isoformat()]
    if subject is Subject.PROPOSAL:
        row.append(labels.kinds[item.is_reply])
    row += [
        group("young", item.young, labels.people[item.young]),
        group("age", item.age_band, labels.ages[item.age_band] if item.age_band else ""),
        group(
            "connection",
            item.connection,
            labels.connections[item.connection] if item.connection else "",
        ),
        group("district", item.district, item.district or ""),
    ]
    if subject is Subject.PROPOSAL:
        row.append(labels.language(item.language))
        row.append(labels.votes[item.vote] if item.vote else "")
    row += [item.text, item.english or "", "; ".join(t.name for t in item.themes)]
    return [safe_cell(v) for v in row]


def response_rows(subject: Subject, target_id: int, filters: responses.Filters) -> Iterator:
    """One row per response matching the filters, oldest first, read a batch at a time."""
    # Holding the codebook keeps each theme in the session, so tags find it without a query.
    codebook = _codebook_for(subject, target_id)
    labels = _Labels()
    ok = shown(subject, target_id, filters)
    query = responses.response_query(subject, target_id, filters)
    result = db.session.execute(query.execution_options(yield_per=BATCH))
    for batch in result.partitions(BATCH):
        for item in responses.load_items(subject, batch):
            yield _row(subject, item, labels, ok)
    del codebook


def _codebook_for(subject: Subject, target_id: int) -> list[Theme]:
    from engage.surveys.models import Question

    if subject is Subject.PROPOSAL:
        return service.codebook(subject, target_id)
    question = db.session.get(Question, target_id)
    return service.codebook(subject, question.survey_id) if question else []


def codebook_header() -> list[str]:
    """The column names of the codebook."""
    return [safe_cell(h) for h in (_("Theme"), _("Description"), _("Responses tagged"))]


def codebook_rows(subject: Subject, subject_id: int) -> list[list[str]]:
    """One row per theme: its name, description and how many published responses carry it."""
    counts = service.theme_counts(subject, subject_id)
    return [
        [safe_cell(t.name), safe_cell(t.description), str(counts.get(t.id, 0))]
        for t in service.codebook(subject, subject_id)
    ]


def csv_chunks(header: list[str], rows) -> Iterator[str]:
    """CSV text, a chunk of rows at a time (the caller streams it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for n, row in enumerate(rows, start=1):
        writer.writerow(row)
        if n % BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _xlsx_cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters are not allowed in a workbook's XML: drop them, not the export.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def responses_xlsx(subject: Subject, subject_id: int, target_id: int, filters) -> IO[bytes]:
    """A workbook of the responses and the codebook, in a temporary file (rewound, for sending)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Responses")[:31])
    sheet.append([_xlsx_cell(v) for v in response_header(subject)])
    for row in response_rows(subject, target_id, filters):
        sheet.append([_xlsx_cell(v) for v in row])
    themes = book.create_sheet(title=_("Codebook")[:31])
    themes.append([_xlsx_cell(v) for v in codebook_header()])
    for row in codebook_rows(subject, subject_id):
        themes.append([_xlsx_cell(v) for v in row])
    # A temporary file, not bytes in memory: deleted when the response closes it.
    out = tempfile.TemporaryFile()  # noqa: SIM115 (send_file closes it, after the response)
    book.save(out)
    out.seek(0)
    return out
