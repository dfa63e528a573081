"""Accounts need no object rules: every account page acts on the signed-in person only."""
