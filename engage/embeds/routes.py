"""/embed/...: a proposal or a priority in a few kilobytes, framed only by allowed origins.

Framing is refused everywhere else on the site (frame-ancestors 'none'). These two views use
Talisman's per-view options: no X-Frame-Options, and a frame-ancestors list read from
EMBED_ALLOWED_ORIGINS on each request. No script, no form: a link takes people to the site.
"""

import re

from cachetools import LRUCache
from flask import abort, current_app, render_template, request, url_for
from flask_talisman import Talisman

from engage import CSP
from engage.api import public
from engage.embeds import bp
from engage.extensions import db
from engage.proposals.models import Proposal, ProposalStatus
from engage.votes.service import vote_totals_for

_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
OPEN_PROPOSALS_SHOWN = 5


class _AllowedOrigins:
    """frame-ancestors as Talisman joins it, worked out per request from the setting."""

    def __iter__(self):
        # Only well-formed origins: a stray ';' in the setting must not rewrite the policy.
        origins = [o for o in current_app.config["EMBED_ALLOWED_ORIGINS"] if _ORIGIN.match(o)]
        return iter(origins or ["'none'"])


# Talisman reads per-view options from the view; the instance is only the decorator's maker.
embeddable = Talisman()(
    frame_options=None,
    content_security_policy={**CSP, "frame-ancestors": _AllowedOrigins()},
)


@bp.record_once
def _discovery(state) -> None:
    # The header depends only on the address asked for: building it (two URLs) cost a tenth of
    # a cached page, so each address's is kept.
    state.app.extensions["engage_oembed_links"] = LRUCache(maxsize=4096)
    state.app.after_request(_oembed_link)


def _oembed_link(response):
    """oEmbed discovery on proposal pages, as an HTTP Link header (the page itself is unchanged)."""
    if request.endpoint == "proposals.proposal" and response.status_code == 200:
        links = current_app.extensions["engage_oembed_links"]
        where = (request.host, request.scheme, request.script_root, request.path)
        link = links.get(where)
        if link is None:
            page = request.host_url.rstrip("/") + request.path
            href = url_for("api_v1.oembed", url=page, format="json", _external=True)
            link = links[where] = f'<{href}>; rel="alternate"; type="application/json+oembed"'
        response.headers.add("Link", link)
    return response


@bp.route("/embed/proposals/<int:proposal_id>")
@embeddable
def proposal(proposal_id):
    """A proposal's summary, stage, vote totals and a link to take part."""
    item = public.proposal(proposal_id) or abort(404)
    totals = vote_totals_for([item.id])[item.id]
    return render_template("embeds/proposal.html", proposal=item, totals=totals)


@bp.route("/embed/priorities/<slug>")
@embeddable
def priority(slug):
    """A priority with its proposals open now and their vote totals."""
    item = public.priority_by_slug(slug) or abort(404)
    query = public.proposals(priority=slug, status=ProposalStatus.OPEN.value)
    query = query.order_by(None).order_by(Proposal.closes_at, Proposal.id)
    proposals = list(db.session.scalars(query.limit(OPEN_PROPOSALS_SHOWN)))
    totals = vote_totals_for([p.id for p in proposals])
    return render_template(
        "embeds/priority.html", priority=item, proposals=proposals, totals=totals
    )
