"""What happened, announced to whoever listens: notifications, the search index, open data.

A feature's service sends one of these after it has flushed the change; listeners are connected
by the features that care, at app set-up, so the sender never imports them. Listeners run inside
the sender's transaction: they may add rows (a notification, an index entry) and must never
commit. Each signal's sender is the object itself (or its id, as said); keyword arguments as noted.
"""

from blinker import Namespace

_events = Namespace()

# A comment or reply became visible to everyone (on posting, on approval, on an undo); new=True
# when it was just posted (never published before).
comment_published = _events.signal("comment-published")
# A proposal went from draft to open or was changed; sender: the proposal.
proposal_published = _events.signal("proposal-published")
proposal_changed = _events.signal("proposal-changed")
# "You said, we did" was published or corrected; sender: the proposal.
outcome_published = _events.signal("outcome-published")
# A survey's results were published; sender: the survey.
survey_results_published = _events.signal("survey-results-published")
# Moderation moved an item (source name, item, state: ItemState, author_id) after a decision.
item_decided = _events.signal("item-decided")
# A safeguarding case was opened or escalated; sender: the case.
safeguarding_raised = _events.signal("safeguarding-raised")
# An item's words were erased (source name as sender, item_id=...): indexes must drop them.
item_erased = _events.signal("item-erased")
# Many items' words were erased at once (source name as sender, ids=a SELECT of their ids):
# indexes drop them in one statement, not one per item.
items_erased = _events.signal("items-erased")
# A person's contributions or whole account were erased; sender: the user id.
person_erased = _events.signal("person-erased")
# An idea became public (on posting or approval); sender: the idea. Search and open data index it.
idea_published = _events.signal("idea-published")
# Officers answered an idea; sender: the idea; answer=IdeaAnswer, backer_ids=[user ids to tell].
idea_answered = _events.signal("idea-answered")
# A consultation report was published (or published again after an edit); sender: the report.
report_published = _events.signal("report-published")
# A comment's words or state changed other than by publishing (edited, held by a check, taken
# down); sender: the comment. Indexes look at its state again.
comment_changed = _events.signal("comment-changed")
# A proposal was created or saved in any state, drafts included; sender: the proposal.
proposal_saved = _events.signal("proposal-saved")
# A survey was created, saved or copied in any state, drafts included; sender: the survey.
survey_saved = _events.signal("survey-saved")
# Staff saved translations of council content; sender: the translated item (a proposal, a
# survey...), locale=... Indexes re-read the item in every language.
content_translated = _events.signal("content-translated")
# Comments' words were erased in bulk (a person's, the retention job's); comments=a SELECT of
# their ids. Sent before the rows themselves may go.
comments_erased = _events.signal("comments-erased")
