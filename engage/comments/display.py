"""What a comment block on a page shows, as the key its kept HTML is found by.

`comment_key` names everything a comment's block shows or branches on, the reader's actions on
it included (Change, Delete, Reply, Report: `can()`), so a kept block is never stale: a change to
any of it is a new key (engage/ops/cache.py, FragmentCache). A page's whole list of threads is
kept under the keys of all its comments, so a list seen before is one lookup, not a macro call,
a key and a lookup per comment.
"""

from engage.permissions import can


def comment_key(c, is_reply: bool = False, offer_reply: bool = False) -> tuple:
    """The block's key: the comment's shown values and this reader's actions (the last item)."""
    actions = (
        can("comment.edit", c),
        can("comment.delete", c),
        can("comment.report", c),
        offer_reply and can("comment.reply", c),
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


def thread_keys(threads) -> tuple:
    """The keys of every block in a page's threads: each top-level comment, then its replies."""
    return tuple(
        (comment_key(t.comment, offer_reply=True), *(comment_key(r, True) for r in t.replies))
        for t in threads
    )
