"""Labels for survey states, kinds, ratings and answers, as people read them."""

from engage.i18n import _, translated
from engage.surveys.models import (
    OTHER,
    AnswerState,
    Audience,
    Question,
    QuestionKind,
    RatingScale,
    Survey,
    SurveyStatus,
)


def status_label(status: SurveyStatus) -> str:
    """How a survey's status reads."""
    return {
        SurveyStatus.DRAFT: _("Draft"),
        SurveyStatus.LIVE: _("Live"),
        SurveyStatus.CLOSED: _("Closed"),
    }[SurveyStatus(status)]


_LOWEST_AGE = {"13-15": 13, "16-17": 16, "18-24": 18, "25-44": 25, "45-64": 45, "65+": 65}
_HIGHEST_AGE = {"under-13": 12, "13-15": 15, "16-17": 17, "18-24": 24, "25-44": 44, "45-64": 64}


def audience_label(survey: Survey) -> str:
    """Who a survey is for, in words."""
    bands = survey.audience_bands()
    if not bands:
        return _("Nobody (check the age range)")
    low = _LOWEST_AGE.get(bands[0].value)
    high = _HIGHEST_AGE.get(bands[-1].value)
    if low is None and high is None:
        return _("Everyone")
    if low is None:
        ages = _("aged %(high)d or under", high=high)
    elif high is None:
        ages = _("aged %(low)d or over", low=low)
    else:
        ages = _("aged %(low)d to %(high)d", low=low, high=high)
    if survey.audience == Audience.YOUNG_PEOPLE:
        return _("Young people %(ages)s", ages=ages)
    return _("People %(ages)s", ages=ages)


def kind_label(kind: QuestionKind) -> str:
    """The name of a question kind, for officers."""
    return {
        QuestionKind.SINGLE: _("Single choice"),
        QuestionKind.MULTIPLE: _("Multiple choice"),
        QuestionKind.RATING: _("Rating scale (1 to 5)"),
        QuestionKind.YES_NO: _("Yes, no or not sure"),
        QuestionKind.SHORT_TEXT: _("Short text"),
        QuestionKind.LONG_TEXT: _("Long text"),
        QuestionKind.RANKING: _("Ranking"),
    }[QuestionKind(kind)]


def rating_word(value: str, scale: RatingScale | str = RatingScale.QUALITY) -> str:
    """The words for a point on a rating scale (faces are never shown without these)."""
    return rating_words(scale)[int(value) - 1]


def rating_words(scale: RatingScale | str) -> list[str]:
    """The five words of a rating scale, from 1 to 5, in the reader's language."""
    return {
        RatingScale.QUALITY: [_("Very bad"), _("Bad"), _("OK"), _("Good"), _("Very good")],
        RatingScale.IMPORTANCE: [
            _("Not at all important"),
            _("Not very important"),
            _("Quite important"),
            _("Important"),
            _("Very important"),
        ],
        RatingScale.AGREEMENT: [
            _("Strongly disagree"),
            _("Disagree"),
            _("Neither agree nor disagree"),
            _("Agree"),
            _("Strongly agree"),
        ],
        RatingScale.SATISFACTION: [
            _("Very dissatisfied"),
            _("Dissatisfied"),
            _("Neither satisfied nor dissatisfied"),
            _("Satisfied"),
            _("Very satisfied"),
        ],
    }[RatingScale(scale or RatingScale.QUALITY)]


def yes_no_label(value: str) -> str:
    """Yes, No or Not sure."""
    return {"yes": _("Yes"), "no": _("No"), "not_sure": _("Not sure")}[value]


def value_label(question: Question, value: str) -> str:
    """How one stored answer value reads."""
    if question.kind == QuestionKind.RATING:
        return _("%(number)s: %(words)s", number=value, words=rating_word(value, question.scale))
    if question.kind == QuestionKind.YES_NO:
        return yes_no_label(value)
    if value == OTHER:
        return _("Other")
    for option in question.options:
        if str(option.id) == value:
            return translated(option, "label")
    return value


def state_label(state: AnswerState) -> str:
    """How an unanswered state reads in exports and on the check page."""
    return {
        AnswerState.ANSWERED: _("answered"),
        AnswerState.SKIPPED: _("skipped"),
        AnswerState.PREFER_NOT: _("prefer not to say"),
        AnswerState.NOT_ASKED: _("not asked"),
    }[AnswerState(state)]
