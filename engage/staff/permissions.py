"""Staff management needs no object rules: `user.manage` (admins) covers every page."""
