"""A clear "demonstration data" banner on every page with demo data loaded; not in production."""

from engage.demo.seed import load_demo
from engage.extensions import db

BANNER = "Demonstration data:"


def test_the_banner_shows_on_every_page_when_the_demo_is_loaded(client, environment):
    environment("development")
    assert BANNER not in client.get("/").get_data(as_text=True)  # an empty site: no banner
    load_demo()
    db.session.commit()
    environment("development")
    for url in ("/", "/ideas", "/plan", "/account/sign-in", "/no-such-page"):
        assert BANNER in client.get(url).get_data(as_text=True), url
    page = client.get("/?lang=pl").get_data(as_text=True)
    assert BANNER not in page and "Dane demonstracyjne" in page


def test_never_in_production(client, environment):
    load_demo()
    db.session.commit()
    environment("production")
    assert BANNER not in client.get("/").get_data(as_text=True)


def test_demo_content_links_only_to_the_councils_home_page():
    import re

    import sqlalchemy as sa

    from engage.proposals.models import Proposal, ProposalDocument

    load_demo()
    db.session.commit()
    texts = [d.url for d in db.session.scalars(sa.select(ProposalDocument))]
    texts += [p.body for p in db.session.scalars(sa.select(Proposal))]
    deep = [t for t in texts if re.search(r"luton\.gov\.uk/[^)\s]", t)]
    assert texts and deep == []
