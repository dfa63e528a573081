"""Suggested themes: groups of similar responses and their key phrases, computed in-process.

TF-IDF on word n-grams (what people say) and character n-grams (spelling, inflection and scripts
other than English's, so it works in every language without a dictionary), then NMF: each group
is one component, its key phrases the component's strongest word n-grams. Deterministic: the
same responses always give the same groups. Nothing here tags anything; officers decide.

scikit-learn and SciPy are imported when an officer asks for suggestions, not with the app:
they cost each web worker about 100 MB (docs/production.md, "Memory per worker").
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

MIN_RESPONSES = 10  # fewer than this and an officer reads them faster than any grouping
MIN_GROUP = 3
MAX_GROUPS = 10
# NMF is fitted on at most this many responses (a fixed sample) and then applied to all:
# the groups of a town-sized consultation do not change with more of the same.
FIT_SAMPLE = 20_000
PHRASES = 5


@dataclass
class Group:
    """A suggested theme: a label, its key phrases and the responses in it."""

    label: str
    phrases: list[str]
    item_ids: list[int]


def _vectorizers(n: int) -> tuple["TfidfVectorizer", "TfidfVectorizer"]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    min_df = 2 if n < 1000 else 3
    word = TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        min_df=min_df,
        max_df=0.6,
        max_features=20_000,
        stop_words="english",
        sublinear_tf=True,
        dtype=np.float32,
    )
    char = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        min_df=min_df,
        max_df=0.5,
        max_features=20_000,
        sublinear_tf=True,
        dtype=np.float32,
    )
    return word, char


def group_count(n: int) -> int:
    """How many groups to look for among n responses."""
    return int(min(MAX_GROUPS, max(2, round((n / 10) ** 0.5))))


def _phrases(weights, names, limit: int = PHRASES) -> list[str]:
    """The strongest word n-grams, leaving out words already inside a chosen phrase."""
    chosen: list[str] = []
    for index in np.argsort(-weights):
        if weights[index] <= 0 or len(chosen) >= limit:
            break
        phrase = names[index]
        if any(phrase in c or c in phrase for c in chosen):
            continue
        chosen.append(phrase)
    return chosen


def suggest(items: list[tuple[int, str]], groups: int | None = None) -> list[Group]:
    """Groups of similar responses among (id, text) pairs, biggest first."""
    from scipy.sparse import hstack
    from sklearn.decomposition import NMF
    from sklearn.preprocessing import normalize

    items = sorted((i, t) for i, t in items if t and t.strip())
    if len(items) < MIN_RESPONSES:
        return []
    texts = [t for _i, t in items]
    k = groups or group_count(len(texts))
    rng = np.random.default_rng(0)
    fit_rows = (
        np.sort(rng.choice(len(texts), FIT_SAMPLE, replace=False))
        if len(texts) > FIT_SAMPLE
        else np.arange(len(texts))
    )
    word, char = _vectorizers(len(fit_rows))
    fit_texts = [texts[i] for i in fit_rows]
    try:
        word.fit(fit_texts)
    except ValueError:  # no word appears often enough (all stop words, say)
        return []
    char.fit(fit_texts)
    n_word = len(word.vocabulary_)

    def features(chunk: list[str]):
        return normalize(hstack([word.transform(chunk), char.transform(chunk)]).tocsr())

    model = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=300)
    model.fit(features(fit_texts))
    names = word.get_feature_names_out()
    members: list[list[int]] = [[] for _ in range(k)]
    for start in range(0, len(texts), 20_000):
        weights = model.transform(features(texts[start : start + 20_000]))
        best = weights.argmax(axis=1)
        strong = weights.max(axis=1) > 0
        for offset, (g, ok) in enumerate(zip(best, strong, strict=True)):
            if ok:
                members[g].append(items[start + offset][0])
    result = []
    for g in range(k):
        if len(members[g]) < MIN_GROUP:
            continue
        phrases = _phrases(model.components_[g][:n_word], names)
        if not phrases:
            continue
        label = " / ".join(phrases[:2])[:120]
        result.append(Group(label, phrases, members[g]))
    result.sort(key=lambda grp: (-len(grp.item_ids), grp.label))
    return result


def refresh_suggestions(subject, item) -> int:
    """Replace a consultation's undecided suggestions with fresh ones; returns how many."""
    from sqlalchemy import delete

    from engage.analysis.models import Subject, Suggestion, SuggestionState
    from engage.analysis.responses import Filters, answer_query, comment_query, text_questions
    from engage.comments.models import Comment
    from engage.extensions import db
    from engage.surveys.models import Answer

    if subject is Subject.PROPOSAL:
        query = comment_query(item.id, Filters()).with_only_columns(Comment.id, Comment.body)
    else:
        ids = [q.id for q in text_questions(item)]
        query = answer_query(ids, Filters()).with_only_columns(Answer.id, Answer.text)
    rows = [(r[0], r[1]) for r in db.session.execute(query.order_by(None))]
    groups = suggest(rows)
    db.session.execute(
        delete(Suggestion).where(
            Suggestion.subject == subject,
            Suggestion.subject_id == item.id,
            Suggestion.state == SuggestionState.OPEN,
        )
    )
    db.session.add_all(
        Suggestion(
            subject=subject,
            subject_id=item.id,
            label=g.label,
            phrases=g.phrases,
            item_ids=g.item_ids,
            state=SuggestionState.OPEN,
        )
        for g in groups
    )
    db.session.flush()
    return len(groups)
