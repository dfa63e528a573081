"""What the API answers, as marshmallow schemas: they shape each response and write the spec.

Each resource dumps the model object itself; `links` holds its own API address and the page on
the site. A list is an envelope (`page_schema`) with the items, the counts and page links.
"""

from datetime import UTC

from flask import request, url_for
from marshmallow import Schema, fields, validate

from engage.urls import MAX_ID


class _Out(Schema):
    """Response schemas: dump only, fields in declaration order."""

    class Meta:
        ordered = True


class UtcDateTime(fields.DateTime):
    """Times are stored as naive UTC: said so on the way out, so each carries its offset."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


def _when(**kwargs):
    return UtcDateTime(**kwargs)


class LinksSchema(_Out):
    self_ = fields.String(data_key="self", required=True, metadata={"format": "uri"})
    html = fields.String(required=True, metadata={"format": "uri"})


class Links(fields.Nested):
    """`links`: this resource's address in the API and its page on the site, made per object."""

    def __init__(self, api, html):
        super().__init__(LinksSchema, required=True)
        self._api, self._html = api, html

    def get_value(self, obj, attr, accessor=None, default=None):
        """The two addresses of `obj` (there is no attribute to read)."""
        return {"self_": _external(self._api(obj)), "html": _external(self._html(obj))}


def _external(path: str) -> str:
    return request.host_url.rstrip("/") + path


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """A page of `item`s: {items, page, per_page, total, pages, links}."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item), required=True),
            "page": fields.Integer(
                allow_none=True, required=True, metadata={"description": "Null on a page by after."}
            ),
            "per_page": fields.Integer(required=True),
            "total": fields.Integer(
                allow_none=True,
                required=True,
                metadata={"description": "Null when over 1,000 match: follow links.next."},
            ),
            "pages": fields.Integer(allow_none=True, required=True),
            "links": fields.Nested(PageLinksSchema, required=True),
        },
        name=name,
    )


class PageLinksSchema(_Out):
    self_ = fields.String(data_key="self", required=True)
    first = fields.String(required=True)
    last = fields.String(allow_none=True, required=True)
    prev = fields.String(allow_none=True, required=True)
    next = fields.String(allow_none=True, required=True)


# Query arguments ----------------------------------------------------------------------------


class PageArgs(Schema):
    page = fields.Integer(
        load_default=1, validate=validate.Range(1, MAX_ID), metadata={"description": "From 1."}
    )
    per_page = fields.Integer(
        load_default=20,
        validate=validate.Range(1, 100),
        metadata={"description": "Items per page, 1 to 100."},
    )


class KeysetArgs(PageArgs):
    after = fields.Integer(
        validate=validate.Range(1, MAX_ID),
        metadata={
            "description": "The id of the last item you have: the page that follows it "
            "(page is then ignored). links.next uses it past the first 1,000 items."
        },
    )


# No shortest length: NUL characters are taken out of every argument (engage/ops/http_safety.py),
# so "%00" arrives empty, and an empty filter or address simply matches nothing.
_SLUG = validate.Length(max=80)


class ProposalArgs(KeysetArgs):
    priority = fields.String(validate=_SLUG, metadata={"description": "A priority's slug."})
    status = fields.String(validate=validate.OneOf(["open", "closed", "decided"]))
    plan = fields.Integer(validate=validate.Range(1, MAX_ID), metadata={"description": "Plan id."})


class CommentArgs(KeysetArgs):
    proposal = fields.Integer(
        validate=validate.Range(1, MAX_ID), metadata={"description": "Only this proposal's."}
    )


class SurveyArgs(KeysetArgs):
    priority = fields.String(validate=_SLUG, metadata={"description": "A priority's slug."})
    status = fields.String(validate=validate.OneOf(["live", "closed"]))
    results = fields.Boolean(metadata={"description": "Only surveys whose results are (not) out."})


# Resources -----------------------------------------------------------------------------------


class PrioritySchema(_Out):
    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    position = fields.Integer(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True)
    youth_description = fields.String(required=True)
    links = Links(
        lambda p: url_for("api_v1.priority", slug=p.slug),
        lambda p: url_for("proposals.priority", slug=p.slug),
    )


class PlanSchema(_Out):
    id = fields.Integer(required=True)
    board_id = fields.Integer(required=True)
    name = fields.String(required=True)


class BoardSchema(_Out):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    description = fields.String(required=True)
    plans = fields.List(fields.Nested(PlanSchema), required=True)


class ChoiceCountsSchema(_Out):
    agree = fields.Integer(required=True)
    disagree = fields.Integer(required=True)
    unsure = fields.Integer(required=True)


class VoteTotalsSchema(_Out):
    """Votes counted as on the proposal page: adults and young people (aged 13 to 24) apart."""

    adults = fields.Nested(ChoiceCountsSchema, required=True)
    young_people = fields.Nested(ChoiceCountsSchema, required=True)
    total = fields.Integer(required=True)


class OutcomeSchema(_Out):
    """ "You said, we did": what people said, what the council decided, and why."""

    you_said = fields.String(required=True)
    we_did = fields.String(required=True)
    why = fields.String(required=True)
    decided_at = _when(allow_none=True, required=True)


class DocumentSchema(_Out):
    title = fields.String(required=True)
    url = fields.String(required=True)


class ProposalSchema(_Out):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True)
    youth_summary = fields.String(required=True)
    body = fields.String(required=True, metadata={"description": "Markdown."})
    status = fields.String(required=True, validate=validate.OneOf(["open", "closed", "decided"]))
    priority = fields.Function(
        lambda p: p.priority.slug, required=True, metadata={"type": "string"}
    )
    plan_id = fields.Integer(allow_none=True, required=True)
    who_decides = fields.String(required=True)
    opens_at = _when(allow_none=True, required=True)
    closes_at = _when(allow_none=True, required=True)
    decision_due = fields.Date(allow_none=True, required=True)
    comment_count = fields.Integer(required=True)
    documents = fields.List(fields.Nested(DocumentSchema), required=True)
    votes = fields.Nested(VoteTotalsSchema, required=True)
    outcome = fields.Nested(OutcomeSchema, allow_none=True, required=True)
    links = Links(
        lambda p: url_for("api_v1.proposal", proposal_id=p.id),
        lambda p: url_for("proposals.proposal", proposal_id=p.id),
    )


class CommentSchema(_Out):
    id = fields.Integer(required=True)
    proposal_id = fields.Integer(required=True)
    parent_id = fields.Integer(allow_none=True, required=True)
    author_key = fields.String(
        required=True,
        metadata={"description": "Pseudonymous: the same for one person, never their identity."},
    )
    body = fields.String(required=True, metadata={"description": "Markdown, as written."})
    language = fields.String(allow_none=True, required=True)
    created_at = _when(required=True)
    edited_at = _when(allow_none=True, required=True)
    links = Links(
        lambda c: url_for("api_v1.comment", comment_id=c.id),
        lambda c: url_for("proposals.proposal", proposal_id=c.proposal_id, _anchor=f"c{c.id}"),
    )


class SurveySchema(_Out):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    introduction = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["live", "closed"]))
    audience = fields.String(required=True)
    priority = fields.Function(
        lambda s: s.priority.slug, required=True, metadata={"type": "string"}
    )
    proposal_id = fields.Integer(allow_none=True, required=True)
    opens_at = _when(allow_none=True, required=True)
    closes_at = _when(allow_none=True, required=True)
    results_due = fields.Date(allow_none=True, required=True)
    results_published = fields.Boolean(required=True)
    links = Links(
        lambda s: url_for("api_v1.survey", survey_id=s.id),
        lambda s: url_for("surveys.survey", survey_id=s.id),
    )


class CountSchema(_Out):
    """A count as the results page shows it: under 5 it is suppressed and `count` is null."""

    count = fields.Integer(allow_none=True, required=True)
    suppressed = fields.Boolean(required=True)


class ResultRowSchema(_Out):
    value = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(allow_none=True, required=True)
    suppressed = fields.Boolean(required=True)
    percent = fields.Integer(allow_none=True, required=True)


class QuestionResultSchema(_Out):
    number = fields.Integer(required=True)
    text = fields.String(required=True)
    kind = fields.String(required=True)
    asked = fields.Nested(CountSchema, required=True)
    answered = fields.Nested(CountSchema, required=True)
    skipped = fields.Nested(CountSchema, required=True)
    prefer_not_to_say = fields.Nested(CountSchema, required=True)
    rows = fields.List(fields.Nested(ResultRowSchema), required=True)
    average = fields.Float(allow_none=True, required=True)
    texts = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "Free-text answers a moderator published."},
    )


class SurveyResultsSchema(_Out):
    survey_id = fields.Integer(required=True)
    responses = fields.Nested(CountSchema, required=True)
    too_few = fields.Boolean(
        required=True, metadata={"description": "Under 5 responses: nothing more is shown."}
    )
    questions = fields.List(fields.Nested(QuestionResultSchema), required=True)
    links = fields.Nested(LinksSchema, required=True)


class OEmbedArgs(Schema):
    url = fields.String(
        required=True,
        validate=validate.Length(max=2000),
        metadata={"description": "A proposal's address on this site."},
    )
    format = fields.String(load_default="json", validate=validate.OneOf(["json"]))
    maxwidth = fields.Integer(validate=validate.Range(100, 4000))
    maxheight = fields.Integer(validate=validate.Range(100, 4000))


class OEmbedSchema(_Out):
    """oEmbed 1.0 "rich": an iframe of the proposal's embeddable view."""

    version = fields.String(required=True)
    type = fields.String(required=True)
    title = fields.String(required=True)
    provider_name = fields.String(required=True)
    provider_url = fields.String(required=True)
    html = fields.String(required=True)
    width = fields.Integer(required=True)
    height = fields.Integer(required=True)
