"""Luton demo data for trying the site and for the browser tests."""
