"""The /api/v1 resources: read-only, public, described by the OpenAPI document they generate.

To add a resource (ideas, say): a schema in its feature or in schemas.py, a query in public.py
that applies the resource's own visibility rule, and two views here, each a `@read(...)`:

    @blp.route("/ideas")
    @read(page_schema(IdeaSchema, "IdeaPage"), IdeaArgs)
    def ideas(args):
        return service.page_of(public.ideas(**filters(args)), args, "api_v1.ideas")
"""

from urllib.parse import urlsplit

from flask import current_app, request, url_for
from flask_smorest import Blueprint, abort
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from engage.api import public, service
from engage.api.schemas import (
    BoardSchema,
    CommentArgs,
    CommentSchema,
    KeysetArgs,
    OEmbedArgs,
    OEmbedSchema,
    PageArgs,
    PrioritySchema,
    ProposalArgs,
    ProposalSchema,
    SurveyArgs,
    SurveyResultsSchema,
    SurveySchema,
    VoteTotalsSchema,
    page_schema,
)
from engage.comments.models import Comment
from engage.i18n import in_locale
from engage.proposals.models import Proposal
from engage.surveys.models import Survey

blp = Blueprint(
    "api_v1",
    __name__,
    url_prefix="/api/v1",
    description="The public record of Engage Luton: read-only, no sign-in.",
)


def read(schema, args=None):
    """Decorate a view as a read operation: its arguments, its answer, 304, 404 and 429."""

    def decorator(view):
        view = blp.alt_response(429, description="Too many requests from this address.")(view)
        view = blp.alt_response(304, description="Not modified (If-None-Match matched).")(view)
        view = blp.response(200, schema)(view)
        if args is not None:
            view = blp.arguments(args, location="query", as_kwargs=False)(view)
        return view

    return decorator


def filters(args: dict) -> dict:
    """The query arguments other than paging, as keyword arguments for a public.* query."""
    return {k: v for k, v in args.items() if k not in {"page", "per_page", "after"}}


def _not_found():
    abort(404, message="Not found.")


# Priorities, boards and plans ---------------------------------------------------------------


@blp.route("/priorities")
@read(page_schema(PrioritySchema, "PriorityPage"), PageArgs)
def priorities(args):
    """The council's priorities, in the order the council sets."""
    return service.page_of(public.priorities(), args, "api_v1.priorities")


@blp.route("/priorities/<string(minlength=1, maxlength=80):slug>")
@read(PrioritySchema)
@blp.alt_response(404, description="No such priority.")
def priority(slug):
    """One priority."""
    return public.priority_by_slug(slug) or _not_found()


@blp.route("/boards")
@read(page_schema(BoardSchema, "BoardPage"), PageArgs)
def boards(args):
    """The partnership boards that deliver the priorities, each with its plans."""
    return service.page_of(public.boards(), args, "api_v1.boards")


# Proposals and votes ---------------------------------------------------------------------------


@blp.route("/proposals")
@read(page_schema(ProposalSchema, "ProposalPage"), ProposalArgs)
def proposals(args):
    """Proposals put to the town (newest first), with vote totals and any outcome."""
    query = public.proposals(**filters(args))
    return service.page_of(
        query, args, "api_v1.proposals", wrap=service.with_votes, key=(Proposal.id, True)
    )


@blp.route("/proposals/<int:proposal_id>")
@read(ProposalSchema)
@blp.alt_response(404, description="No such proposal.")
def proposal(proposal_id):
    """One proposal, with vote totals and "You said, we did" once decided."""
    item = public.proposal(proposal_id) or _not_found()
    return service.with_votes([item])[0]


@blp.route("/proposals/<int:proposal_id>/votes")
@read(VoteTotalsSchema)
@blp.alt_response(404, description="No such proposal.")
def proposal_votes(proposal_id):
    """A proposal's vote totals: adults and young people apart, as on its page."""
    item = public.proposal(proposal_id) or _not_found()
    return service.totals_dict(public.votes_for([item])[item.id])


@blp.route("/proposals/<int:proposal_id>/comments")
@read(page_schema(CommentSchema, "ProposalCommentPage"), KeysetArgs)
@blp.alt_response(404, description="No such proposal.")
def proposal_comments(args, proposal_id):
    """A proposal's published comments and replies, oldest first."""
    public.proposal(proposal_id) or _not_found()
    query = public.comments(proposal_id=proposal_id)
    return service.page_of(
        query,
        args,
        "api_v1.proposal_comments",
        wrap=_comments,
        key=(Comment.id, False),
        proposal_id=proposal_id,
    )


# Comments --------------------------------------------------------------------------------------


class _CommentOut:
    def __init__(self, comment):
        self._comment = comment
        self.author_key = public.author_key(comment.author_id)

    def __getattr__(self, name):
        return getattr(self._comment, name)


def _comments(items):
    return [_CommentOut(c) for c in items]


@blp.route("/comments")
@read(page_schema(CommentSchema, "CommentPage"), CommentArgs)
def comments(args):
    """Every published comment, oldest first; held, rejected or hidden ones never appear."""
    query = public.comments(proposal_id=args.get("proposal"))
    return service.page_of(query, args, "api_v1.comments", wrap=_comments, key=(Comment.id, False))


@blp.route("/comments/<int:comment_id>")
@read(CommentSchema)
@blp.alt_response(404, description="No such published comment.")
def comment(comment_id):
    """One published comment."""
    return _CommentOut(public.comment(comment_id) or _not_found())


# Surveys ---------------------------------------------------------------------------------------


@blp.route("/surveys")
@read(page_schema(SurveySchema, "SurveyPage"), SurveyArgs)
def surveys(args):
    """Surveys running or closed (newest first), and whether their results are out."""
    query = public.surveys(**filters(args))
    return service.page_of(query, args, "api_v1.surveys", key=(Survey.id, True))


@blp.route("/surveys/<int:survey_id>")
@read(SurveySchema)
@blp.alt_response(404, description="No such survey.")
def survey(survey_id):
    """One survey."""
    return public.survey(survey_id) or _not_found()


@blp.route("/surveys/<int:survey_id>/results")
@read(SurveyResultsSchema)
@blp.alt_response(404, description="No such survey, or its results are not published.")
def survey_results(survey_id):
    """Published results, with every count under 5 suppressed as on the results page."""
    item = public.survey(survey_id) or _not_found()
    with in_locale("en"):
        results = public.survey_results(item) or _not_found()
        return service.results_dict(item, results)


# oEmbed ----------------------------------------------------------------------------------------

EMBED_SIZE = (480, 420)


@blp.route("/oembed")
@read(OEmbedSchema, OEmbedArgs)
@blp.alt_response(404, description="Not the address of a public proposal.")
def oembed(args):
    """oEmbed for a proposal's address: content systems turn a pasted link into its embed.

    The iframe loads only on sites listed in EMBED_ALLOWED_ORIGINS.
    """
    try:
        endpoint, values = current_app.url_map.bind("").match(urlsplit(args["url"]).path)
    except (HTTPException, ValueError):
        _not_found()
    if endpoint != "proposals.proposal":
        _not_found()
    item = public.proposal(values["proposal_id"]) or _not_found()
    width = min(args.get("maxwidth") or EMBED_SIZE[0], EMBED_SIZE[0])
    height = min(args.get("maxheight") or EMBED_SIZE[1], EMBED_SIZE[1])
    src = request.host_url.rstrip("/") + url_for("embeds.proposal", proposal_id=item.id)
    html = (
        f'<iframe src="{escape(src)}" width="{width}" height="{height}" '
        f'title="{escape(item.title)}" loading="lazy"></iframe>'
    )
    return {
        "version": "1.0",
        "type": "rich",
        "title": item.title,
        "provider_name": "Engage Luton",
        "provider_url": request.host_url,
        "html": html,
        "width": width,
        "height": height,
    }
