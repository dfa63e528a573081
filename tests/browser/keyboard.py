"""Driving pages with the keyboard alone, checking at every stop that focus can be seen."""

from tests.browser.helpers import FOCUS_JS


class KeyboardTrap(AssertionError):
    """Focus never reached the element, or stopped moving."""


def focused(page) -> dict | None:
    """What has focus now (None for the page itself), with whether the focus can be seen."""
    return page.evaluate(FOCUS_JS)


def check_focus_seen(info: dict, where: str) -> None:
    """Fail unless the focused element shows a focus indicator, on screen and not covered."""
    name = f"{info['tag']} {info['text']!r} ({where})"
    assert info["visible"], f"no visible focus indicator on {name}"
    assert info["onScreen"], f"focused element is off screen: {name}"
    assert info["uncovered"], f"focused element is hidden behind something: {name}"


def tab_to(page, matches, limit: int = 120, backwards: bool = False) -> dict:
    """Press Tab until `matches(info)` is true; every element passed must show its focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        info = focused(page)
        if info is None:
            continue
        if not (info["onScreen"] and info["uncovered"]):
            # Focus scrolled the page: on a loaded machine the scroll may land a frame later.
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            info = focused(page)
        check_focus_seen(info, page.url)
        if matches(info):
            return info
    raise KeyboardTrap(f"never reached the target after {limit} presses of {key} on {page.url}")


def by_id(element_id: str):
    """Matcher: the element with this id."""
    return lambda info: info["id"] == element_id


def by_name(name: str):
    """Matcher: the (first) form control with this name."""
    return lambda info: info["name"] == name


def by_text(text: str, tag: str | None = None):
    """Matcher: a link or button whose text starts with `text`."""
    return lambda info: info["text"].startswith(text) and (tag is None or info["tag"] == tag)


def press_and_wait(page, key: str = "Enter") -> None:
    """Press a key that submits a form or follows a link, and wait for the new page."""
    with page.expect_navigation():
        page.keyboard.press(key)
