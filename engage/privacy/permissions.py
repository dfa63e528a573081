"""Privacy has no object rules: subject access is for administrators (engage/permissions.py)."""
