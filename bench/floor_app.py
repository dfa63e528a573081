"""The app `make bench` serves: Engage Luton as `wsgi:app` builds it, plus `/_floor`, a route
that only asks who is reading (bench.harness.add_floor_route), for the "route returning ok" rows:
what any request costs before a page does anything. Nothing else differs from production."""

from bench.harness import add_floor_route
from wsgi import app

add_floor_route(app)
