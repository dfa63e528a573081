"""The areas an idea may name are Luton's wards, as the council writes them, and LU1 to LU4."""

import json

from engage.ideas.service import WARDS, areas
from engage.moderation.places import PLACES_PATH


def test_the_wards_are_the_councils_list_in_its_own_spelling():
    listed = json.loads(PLACES_PATH.read_text(encoding="utf-8"))["wards"]
    assert list(WARDS) == listed
    assert areas()[:4] == ["LU1", "LU2", "LU3", "LU4"] and "High Town" in areas()


def test_the_idea_page_isolates_the_area_name(client):
    from tests.ideas.helpers import make_idea

    idea = make_idea(area="High Town")
    assert "<bdi>High Town</bdi>" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
