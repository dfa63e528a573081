"""Turning staff Markdown and people's plain text into safe HTML."""

import re

import pytest

from engage.text import render_markdown_govuk, render_plain

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    '<iframe src="https://evil.example/"></iframe>',
]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("render", [render_markdown_govuk, render_plain])
def test_no_script_or_dangerous_link_survives(render, attack):
    html = str(render(attack)).lower()

    # Raw HTML may show as escaped text; no element made from it may survive.
    assert "<script" not in html
    assert "<img" not in html and "<iframe" not in html
    assert not re.search(r'<a [^>]*href="(javascript|data):', html)


def test_staff_markdown_keeps_formatting_with_govuk_classes():
    html = str(render_markdown_govuk("## Costs\n\n**£2m** over *two* years\n\n1. First\n2. Second"))

    assert '<h2 class="govuk-heading-m">Costs</h2>' in html
    assert "<strong>£2m</strong>" in html and "<em>two</em>" in html
    assert '<ol class="govuk-list govuk-list--number">' in html


def test_links_in_staff_markdown_are_nofollow():
    html = str(render_markdown_govuk("[Report](https://www.luton.gov.uk/report)"))

    assert 'href="https://www.luton.gov.uk/report"' in html
    assert 'rel="nofollow noopener noreferrer ugc"' in html


def test_plain_text_escapes_html_and_links_urls_safely():
    html = str(render_plain("<b>hi</b> & see https://example.org/x\nnext line"))

    assert "&lt;b&gt;hi&lt;/b&gt; &amp; see" in html
    assert (
        '<a class="govuk-link" href="https://example.org/x" rel="nofollow noopener noreferrer ugc">'
        in html
    )
    assert "<br" in html


def test_plain_text_ignores_markdown():
    html = str(render_plain("# Not a heading\n\n**not bold** [a](https://example.org)"))

    assert "<h1" not in html and "<strong>" not in html
    assert "# Not a heading" in html
    assert "**not bold**" in html


def test_empty_text_renders_nothing():
    assert str(render_plain(None)) == ""
    assert str(render_markdown_govuk("")) == ""
