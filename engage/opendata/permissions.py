"""Nothing to check: the download is public, and engage/api/public.py decides what goes in."""
