"""Nothing to check: the API is read-only and public, and public.py decides what it may show."""
