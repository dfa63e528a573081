"""Nothing to check: an embed shows only what the public pages show (engage/api/public.py)."""
