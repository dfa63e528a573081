"""What a comment block on a page shows, as the key its kept HTML is found by.

`comment_key` names everything a comment's block shows or branches on, the reader's actions on
it included (Change, Delete, Reply, Report: `can()`), so a kept block is never stale: a change to
any of it is a new key (engage/ops/cache.py, FragmentCache). A page's whole list of threads is
kept under the keys of all its comments, so a list seen before is one lookup, not a macro call,
a key and a lookup per comment.
"""

from flask import g

from engage.permissions import can, may_ever, reader

_ACTIONS = ("comment.edit", "comment.delete", "comment.report", "comment.reply")


def comment_key(c, is_reply: bool = False, offer_reply: bool = False, granted=None) -> tuple:
    """The block's key: the comment's shown values and this reader's actions (the last item).

    `granted` (from `reader_grants`) says which actions the reader's roles allow at all, so a
    reader who may do none of them (anyone not signed in) is asked nothing per comment.
    """
    edit, delete, report, reply = granted if granted is not None else reader_grants()
    actions = (
        edit and can("comment.edit", c),
        delete and can("comment.delete", c),
        report and can("comment.report", c),
        offer_reply and reply and can("comment.reply", c),
    )
    author = c.author
    return (
        c.id,
        c.status.value,
        c.body,
        c.language,
        c.created_at,
        c.edited_at,
        author.public_name,
        author.is_staff,
        is_reply,
        actions,
    )


def reader_grants() -> tuple[bool, ...]:
    """Whether the reader's roles allow each action on a comment at all (Change, Delete, Report,
    Reply), before any rule about the comment itself."""
    # Worked out once per reader per request: a list rendered afresh asks it for every comment
    # (the macro's comment_key). Kept with whose they are, as a shell's stand-in reader differs.
    user = reader()
    seen = g.get("comment_grants")
    if seen is not None and seen[0] is user:
        return seen[1]
    granted = tuple(may_ever(name, user) for name in _ACTIONS)
    g.comment_grants = (user, granted)
    return granted


def thread_keys(threads) -> tuple:
    """The keys of every block in a page's threads: each top-level comment, then its replies."""
    granted = reader_grants()
    return tuple(
        (
            comment_key(t.comment, offer_reply=True, granted=granted),
            *(comment_key(r, True, granted=granted) for r in t.replies),
        )
        for t in threads
    )
