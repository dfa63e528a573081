"""The survey question page from its audience's shell and a kept answer form (shells.py, plans.py):
each respondent sees only their own answers, CSRF token and problems, the composed page is the
page rendered for them alone, and a change by staff shows at once."""

import re

import pytest
from flask import url_for

from engage.permissions import Role
from engage.surveys.models import Audience
from tests.conftest import CSRF_RE, Client, login
from tests.factories import make_user
from tests.scale.test_shells import _normalised, cached_app
from tests.surveys.helpers import make_survey, option_value, q_url, question

CHECKED = re.compile(r'value="([^"]+)"\s+checked')


def _checked(page: str) -> set[str]:
    return set(CHECKED.findall(page))


def _alone(app, client: Client, url: str) -> str:
    """The page for the same session, rendered by an app that keeps nothing."""
    other = app.test_client()
    cookie = client.get_cookie(app.config.get("SESSION_COOKIE_NAME", "session"))
    other.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)
    response = other.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.fixture
def takers():
    """Two young people and a resident, signed in, and two people who are not, and a survey for
    everyone (anonymous: no account needed)."""
    survey = make_survey(audience=Audience.EVERYONE)
    people = {
        "yan": (make_user(Role.YOUNG_PERSON), "13-15"),
        "zoe": (make_user(Role.YOUNG_PERSON), "16-17"),
        "rita": (make_user(), "25-44"),
        "sam": (None, "25-44"),
        "tia": (None, "25-44"),
    }
    return survey, people


def _start(cached, people, survey) -> dict[str, Client]:
    clients = {}
    for name, (person, age) in people.items():
        client = cached.test_client()
        if person is not None:
            login(client, person)
        started = client.submit(url_for("surveys.age", survey_id=survey.id), {"age": age})
        assert started.status_code == 302
        clients[name] = client
    return clients


def test_each_respondent_sees_only_their_own_answers_and_token(app, takers):
    survey, people = takers
    q3 = question(survey, 3)
    parks = {"yan": "yes", "zoe": "yes", "rita": "no", "sam": "no", "tia": "no"}
    safe = {"yan": "4", "zoe": "2", "rita": "5", "sam": "1", "tia": "3"}
    better = {
        "yan": ["Toilets"],
        "zoe": ["Toilets"],  # the same answer as Yan: they share a kept form
        "rita": ["Lights", "Shelter"],
        "sam": ["Shelter"],
        "tia": ["Lights", "Shelter"],
    }
    words = {"yan": "Yan's own words", "zoe": None, "rita": "Rita's own words", "sam": None}
    words["tia"] = "Tia's own words"
    with cached_app(app) as cached:
        clients = _start(cached, people, survey)
        for name, client in clients.items():
            assert client.submit(q_url(survey, 1), {"answer": parks[name]}).status_code == 302
            chosen = [option_value(q3, label) for label in better[name]]
            assert client.submit(q_url(survey, 3), {"answer": chosen}).status_code == 302
            assert client.submit(q_url(survey, 4), {"answer": safe[name]}).status_code == 302
            if words[name]:
                sent = client.submit(q_url(survey, 6), {"answer": words[name]})
                assert sent.status_code == 302
        seen = {name: {} for name in clients}
        # Twice round, so later respondents are served shells and forms others made.
        for _round in range(2):
            for name, client in clients.items():
                for number in (1, 3, 4, 6):
                    response = client.get(q_url(survey, number))
                    assert response.status_code == 200
                    seen[name].setdefault(number, []).append(response)
        pages = {
            name: {n: [r.get_data(as_text=True) for r in rs] for n, rs in by.items()}
            for name, by in seen.items()
        }
        tokens = {
            name: {CSRF_RE.search(p).group(1) for ps in by.values() for p in ps}
            for name, by in pages.items()
        }
        for name, by in pages.items():
            for page in by[1]:
                assert _checked(page) == {parks[name]}
            for page in by[3]:
                assert _checked(page) == {option_value(q3, label) for label in better[name]}
            for page in by[4]:
                assert _checked(page) == {safe[name]}
            for page in by[6]:
                for other, text in words.items():
                    if text:
                        assert (text.replace("'", "&#39;") in page) == (other == name)
            for other, own in tokens.items():
                if other != name:
                    assert not own & {
                        t for ps in by.values() for p in ps for t in CSRF_RE.findall(p)
                    }
        # Later respondents of an audience were served its shell, and forms made for others.
        assert seen["zoe"][1][0].headers["X-Shell-Cache"] == "hit"  # made for Yan
        assert seen["zoe"][4][0].headers["X-Shell-Cache"] == "hit"
        assert seen["yan"][3][1].headers["X-Shell-Cache"] == "hit"
        assert seen["rita"][1][0].headers["X-Shell-Cache"] == "miss"  # not the young people's
        assert seen["tia"][1][0].headers["X-Shell-Cache"] == "hit"  # made for Sam
        assert seen["tia"][4][1].headers["X-Shell-Cache"] == "hit"
        # The composed pages are the pages rendered for each respondent alone.
        for name, client in clients.items():
            for number in (1, 3, 4, 6):
                alone = _alone(app, client, q_url(survey, number))
                assert _normalised(pages[name][number][1]) == _normalised(alone), (name, number)
        # Each page's token is the respondent's own: their answer goes through with it.
        token = CSRF_RE.search(pages["zoe"][1][1]).group(1)
        changed = clients["zoe"].post(q_url(survey, 1), data={"answer": "yes", "csrf_token": token})
        assert changed.status_code == 302
        assert _checked(clients["zoe"].get(q_url(survey, 1)).get_data(as_text=True)) == {"yes"}
        assert _checked(clients["yan"].get(q_url(survey, 1)).get_data(as_text=True)) == {"yes"}
        assert _checked(clients["rita"].get(q_url(survey, 3)).get_data(as_text=True)) == {
            option_value(q3, label) for label in better["rita"]
        }


def test_a_problem_is_shown_to_its_respondent_alone(app, takers):
    survey, people = takers
    with cached_app(app) as cached:
        clients = _start(cached, people, survey)
        for client in clients.values():
            client.submit(q_url(survey, 1), {"answer": "yes"})
        too_long = "Mine " * 300
        problem = clients["yan"].submit(q_url(survey, 6), {"answer": too_long})
        assert problem.status_code == 400
        assert "There is a problem" in problem.get_data(as_text=True)
        assert too_long.strip() in problem.get_data(as_text=True)
        for name in ("zoe", "yan"):
            page = clients[name].get(q_url(survey, 6)).get_data(as_text=True)
            assert "There is a problem" not in page
            assert "Mine Mine" not in page


def test_the_page_follows_each_respondents_path_through_the_survey(app, takers):
    # Question 2 is asked only after "yes" to question 1, so question 3 is the 3rd page for one
    # respondent and the 2nd for another, with Back going to different pages.
    survey, people = takers
    with cached_app(app) as cached:
        clients = _start(cached, people, survey)
        clients["yan"].submit(q_url(survey, 1), {"answer": "yes"})
        park = option_value(question(survey, 2), "Stockwood")
        clients["yan"].submit(q_url(survey, 2), {"answer": park})
        clients["zoe"].submit(q_url(survey, 1), {"answer": "no"})
        yan = clients["yan"].get(q_url(survey, 3)).get_data(as_text=True)
        zoe = clients["zoe"].get(q_url(survey, 3))
        assert zoe.headers["X-Shell-Cache"] == "miss"
        zoe = zoe.get_data(as_text=True)
        assert "Question 4 of 9" in yan and f'href="{q_url(survey, 2)}"' in yan
        assert "Question 3 of 8" in zoe and f'href="{q_url(survey, 1)}"' in zoe
        assert f'href="{q_url(survey, 2)}"' not in zoe
        # Hidden for Zoe: she is sent on, not shown the question.
        assert clients["zoe"].get(q_url(survey, 2)).status_code == 302
        # An under-13 is told who reads their words; the others are not.
        young = cached.test_client()
        young.submit(url_for("surveys.age", survey_id=survey.id), {"age": "under-13"})
        young.submit(q_url(survey, 1), {"answer": "no"})
        told = "A council worker who keeps young people safe reads everything you write first."
        assert told in young.get(q_url(survey, 6)).get_data(as_text=True)
        assert told not in clients["zoe"].get(q_url(survey, 6)).get_data(as_text=True)


def test_a_question_edited_by_staff_shows_at_once(app, takers):
    survey, people = takers
    first = question(survey, 1)
    with cached_app(app) as cached:
        clients = _start(cached, people, survey)
        before = clients["yan"].get(q_url(survey, 1))
        assert "Do you go to a park?" in before.get_data(as_text=True)
        assert clients["zoe"].get(q_url(survey, 1)).headers["X-Shell-Cache"] == "hit"
        officer = login(cached.test_client(), make_user(Role.OFFICER))
        edited = officer.submit(
            url_for("surveys.manage_question_edit", survey_id=survey.id, question_id=first.id),
            {"kind": "yes_no", "text": "Do you ever go to a park?", "required": "no"},
        )
        assert edited.status_code == 302
        after = clients["zoe"].get(q_url(survey, 1))
        page = after.get_data(as_text=True)
        assert after.headers["X-Shell-Cache"] == "miss"
        assert "Do you ever go to a park?" in page
        assert "Skip this question" in page  # the form, kept too, changed with it
        # A question removed: the plan of the survey kept for the page goes with it.
        assert "Question 2 of 8" in clients["rita"].get(q_url(survey, 1)).get_data(as_text=True)
        removed = officer.submit(
            url_for(
                "surveys.manage_question_delete",
                survey_id=survey.id,
                question_id=question(survey, 7).id,
            )
        )
        assert removed.status_code == 302
        assert "Question 2 of 7" in clients["rita"].get(q_url(survey, 1)).get_data(as_text=True)
        assert clients["rita"].get(q_url(survey, 8)).status_code == 404


def test_pages_in_another_language_compose_to_the_page_rendered_alone(app, takers):
    # The question's words are not translated: the notice saying so is in the shell, although
    # the words themselves are in the form filled per respondent.
    survey, people = takers
    with cached_app(app) as cached:
        clients = _start(cached, people, survey)
        for client in clients.values():
            client.get(q_url(survey, 1, lang="pl"))
            client.submit(q_url(survey, 1), {"answer": "yes"})
        pages = [c.get(q_url(survey, 3)) for c in clients.values()]
        assert pages[1].headers["X-Shell-Cache"] == "hit"
        page = pages[1].get_data(as_text=True)
        assert 'lang="pl"' in page and 'lang="en"' in page
        assert "engage-translation-notice" in page
        alone = _alone(app, clients["zoe"], q_url(survey, 3))
        assert _normalised(page) == _normalised(alone)


def test_staff_previews_are_never_kept(app):
    survey = make_survey()
    with cached_app(app) as cached:
        officer = login(cached.test_client(), make_user(Role.OFFICER))
        officer.submit(url_for("surveys.manage_survey_preview", survey_id=survey.id))
        officer.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
        page = officer.get(q_url(survey, 1))
        assert page.status_code == 200
        assert "X-Shell-Cache" not in page.headers
        assert "Preview: nothing you answer is saved." in page.get_data(as_text=True)


def test_answers_so_far_leave_kept_pages_kept(app, takers):
    # A draft saved with each answer is nobody else's business: it starts no new generation, so
    # pages kept before it (this one, and every proposal's) are still served.
    survey, people = takers
    with cached_app(app) as cached:
        clients = _start(cached, people, survey)
        assert clients["sam"].get(q_url(survey, 1)).headers["X-Shell-Cache"] == "miss"
        for client in clients.values():
            assert client.submit(q_url(survey, 1), {"answer": "no"}).status_code == 302
        again = clients["sam"].get(q_url(survey, 1))
        assert again.headers["X-Shell-Cache"] == "hit"
        assert _checked(again.get_data(as_text=True)) == {"no"}


def test_a_kept_question_page_reads_only_the_respondents_draft(app, takers):
    """One statement, the draft's, outside a transaction: on PostgreSQL one round trip, not a
    BEGIN, the read and a ROLLBACK."""
    from tests.sql import watching_transactions

    survey, people = takers
    with cached_app(app) as cached:
        sam = _start(cached, {"sam": people["sam"]}, survey)["sam"]
        assert sam.get(q_url(survey, 1)).headers["X-Shell-Cache"] == "miss"
        with cached.app_context(), watching_transactions() as (statements, begun):
            kept = sam.get(q_url(survey, 1))
        assert kept.headers["X-Shell-Cache"] == "hit"
        assert len(statements) == 1 and "FROM survey_draft" in statements[0][0], statements
        assert statements[0][1] is False and begun == [], (statements, begun)
