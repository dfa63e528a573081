"""Failed jobs need no object rules: `jobs.manage` (administrators) covers the page."""
