"""Templates and slot fillers for the moderation checks' training corpus (see build.py)."""
