"""Browser-test helpers: sign in, run axe, measure what WCAG asks of layout and focus."""

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from flask import Flask

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCALES = ("en", "ur", "pl")  # left to right, right to left, and a language with long words

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best-practice rules (of which only
# serious and critical findings fail the suite).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
_WCAG_TAGS = frozenset(AXE_TAGS) - {"best-practice"}
_axe = Axe()

# How many page x locale x state combinations this process checked (see tests/browser/report.py).
checked = {"combinations": 0}


@dataclass(frozen=True)
class LiveServer:
    url: str
    app: Flask

    def origin(self) -> str:
        """scheme://host:port of the server."""
        return self.url


def sign_in(page, user, password: str | None = None) -> None:
    """Sign in through the real form (email for adults, username for young people)."""
    from tests.conftest import PASSWORD

    page.goto("/account/sign-in")
    page.fill("#login", user.email or user.username)
    page.fill("#password", password or PASSWORD)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert "/account/sign-in" not in page.url, "sign-in failed"
    if page.url.endswith("/account/two-factor"):
        # Staff: the second step, with the code their (test) authenticator shows now.
        from tests.conftest import totp_code

        _forget_last_code(user)
        page.fill("#code", totp_code(user.totp_secret))
        with page.expect_navigation():
            page.locator("main button[type=submit]").click()
        assert "/account/two-factor" not in page.url, "second step failed"


def _forget_last_code(user) -> None:
    """Let the same code sign the same person in again (a real phone shows a fresh one)."""
    import sqlalchemy as sa

    from engage.accounts.models import User
    from engage.extensions import db

    db.session.execute(sa.update(User).where(User.id == user.id).values(totp_last_step=None))
    db.session.commit()


AXE_SCRIPT = _axe.axe_script
_AXE_OPTIONS = json.dumps(
    {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
)
_AXE_RUN = f"() => axe.run(document, {_AXE_OPTIONS})"


def axe_violations(page) -> list[str]:
    """Run axe on the page; return one line per WCAG A/AA violation or serious best-practice one.

    Contexts made by the `new_context` fixture load axe into every page before it runs (an init
    script, which the page's CSP does not apply to); elsewhere it is injected here.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    response = page.evaluate(_AXE_RUN)
    problems = []
    for v in response["violations"]:
        wcag = bool(_WCAG_TAGS & set(v["tags"]))
        if not wcag and v["impact"] not in ("serious", "critical"):
            continue
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        problems.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return problems


def foreign_requests(urls, origin: str) -> list[str]:
    """The requested URLs that are not same-origin (data: and about: are in the page itself)."""
    home = urlsplit(origin)
    bad = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "about", "blob"):
            continue
        if (parts.scheme, parts.netloc) != (home.scheme, home.netloc):
            bad.append(url)
    return bad


# JavaScript run through DevTools (not subject to the page's CSP) to measure layout.
HORIZONTAL_OVERFLOW_JS = """() => {
  const root = document.documentElement;
  return {scroll: root.scrollWidth, client: root.clientWidth};
}"""

# Targets smaller than 24 x 24 CSS px fail WCAG 2.5.8 unless they are inline in a sentence or
# a 24 px square centred on them touches no other target (the spacing exception).
SMALL_TARGETS_JS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const targets = [...document.querySelectorAll(selector)].filter(el => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none';
  });
  const rects = targets.map(el => el.getBoundingClientRect());
  const inlineInText = el => {
    if (el.tagName !== 'A') return false;
    const block = el.closest('p, li, td, dd, dt, label, legend, span.govuk-hint, div.govuk-hint');
    if (!block) return false;
    const text = block.textContent.replace(/\\s+/g, ' ').trim();
    return text.length > el.textContent.replace(/\\s+/g, ' ').trim().length;
  };
  const bad = [];
  targets.forEach((el, i) => {
    const r = rects[i];
    if (r.width >= 23.5 && r.height >= 23.5) return;
    if (inlineInText(el)) return;
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const sq = {left: cx - 12, right: cx + 12, top: cy - 12, bottom: cy + 12};
    const clash = rects.some((o, j) => j !== i && !el.contains(targets[j])
      && !targets[j].contains(el)
      && o.left < sq.right && o.right > sq.left && o.top < sq.bottom && o.bottom > sq.top);
    const name = (el.textContent || el.name || '').trim().slice(0, 40);
    const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
    if (clash) bad.push(`${el.tagName.toLowerCase()} "${name}" ${size}`);
  });
  return bad;
}"""

# Text cut off by a box that hides its overflow (visually-hidden helpers are 1 px and skipped).
CLIPPED_TEXT_JS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    const hides = v => v === 'hidden' || v === 'clip';
    if (!hides(s.overflowX) && !hides(s.overflowY)) continue;
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    if (!(el.innerText || '').trim()) continue;
    if ((hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      const where = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      bad.push(`${where} "${(el.innerText || '').trim().slice(0, 40)}"`);
    }
  }
  return bad;
}"""

# The focused element: is its focus indicator drawn, and can it be seen (not covered, on screen)?
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  // A link that wraps onto two lines has a bounding box whose middle can be another element's
  // text: look at the middle of its first line box instead.
  const box = el.getClientRects()[0] || r;
  const cx = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(cx, cy);
  const label = el.id && document.querySelector(`label[for="${el.id}"]`);
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || el.name || '')
      .trim().slice(0, 60),
    id: el.id, name: el.getAttribute('name'), type: el.getAttribute('type'),
    href: el.getAttribute('href'),
    visible: el.matches(':focus-visible') && (outline || shadow),
    onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    uncovered: !!top && (el === top || el.contains(top) || top.contains(el)
      || (label && label.contains(top))),
  };
}"""
