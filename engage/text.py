"""Turning people's and staff's text into safe HTML."""

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
_URL_SCHEMES = {"http", "https", "mailto"}

# Staff Markdown: raw HTML off, then sanitised anyway (defence in depth).
_staff_md = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable(["linkify", "table"])
# People's comments are plain text: only paragraphs and autolinked URLs.
_plain_md = MarkdownIt("zero", {"linkify": True, "breaks": True}).enable(["linkify", "newline"])


def _clean(html: str) -> Markup:
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
    )
    return Markup(cleaned)  # noqa: S704 - nh3 has just sanitised it  # nosec B704


# A proposal's body is rendered on every view of its page that no cache answers (a reader whose
# own comments are on it, staff, the first after a change): parsing and sanitising it was a
# twentieth of that page. The output depends on the text alone; 512 bodies of a few KB each.
@lru_cache(maxsize=512)
def _staff_html(text: str) -> str:
    return str(_clean(_staff_md.render(text)))


def render_markdown(text: str | None) -> Markup:
    """Staff-written Markdown as sanitised HTML."""
    return Markup(_staff_html(text or ""))  # noqa: S704 - sanitised by _clean  # nosec B704


def _govuk_classes(html: str) -> str:
    return (
        html.replace("<p>", '<p class="govuk-body">')
        .replace("<ul>", '<ul class="govuk-list govuk-list--bullet">')
        .replace("<ol>", '<ol class="govuk-list govuk-list--number">')
        .replace("<a ", '<a class="govuk-link" ')
        .replace("<h2>", '<h2 class="govuk-heading-m">')
        .replace("<h3>", '<h3 class="govuk-heading-s">')
        .replace("<table>", '<table class="govuk-table">')
    )


def render_markdown_govuk(text: str | None) -> Markup:
    """Staff Markdown, sanitised, then given GOV.UK typography classes."""
    return Markup(_govuk_classes(str(render_markdown(text))))  # noqa: S704 - already sanitised  # nosec B704


# A page of comments renders the same texts again and again; parsing, linkifying and sanitising
# them is a fifth of that page's time. The output depends on the text alone, so it is memoised.
@lru_cache(maxsize=8192)
def _plain_html(text: str) -> str:
    # The "zero" preset treats text literally except for paragraphs, line breaks and links.
    # dir="auto": each paragraph of a person's words takes its direction from its own first
    # letters, so English inside an Urdu page keeps its full stop at its end (and vice versa).
    html = _govuk_classes(str(_clean(_plain_md.render(text))))
    return html.replace('<p class="govuk-body">', '<p class="govuk-body" dir="auto">')


def render_plain(text: str | None) -> Markup:
    """A person's plain text: escaped, line breaks kept, links made safe and clickable."""
    return Markup(_plain_html(text or ""))  # noqa: S704 - sanitised by _clean  # nosec B704


# Explicit direction controls: embeddings and overrides (LRE RLE PDF LRO RLO) and isolates
# (LRI RLI FSI PDI). Left unclosed in a name they reverse the text after it, in a title too.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def council_en(value) -> Markup:
    """A council setting (a name, an address) shown as it was written: in English, isolated."""
    return Markup('<bdi lang="en">%s</bdi>') % (value or "")


def isolate(text) -> str:
    """Someone's text made safe to put inside other text: direction controls removed, and the
    whole isolated (FSI ... PDI) so a right-to-left name cannot reorder what follows it."""
    return "\u2068" + _BIDI_CONTROLS.sub("", str(text or "")) + "\u2069"


def init_app(app) -> None:
    """Register the text filters for templates."""
    app.jinja_env.filters["markdown"] = render_markdown_govuk
    app.jinja_env.filters["plain"] = render_plain
    app.jinja_env.filters["isolate"] = isolate
    app.jinja_env.filters["council_en"] = council_en
