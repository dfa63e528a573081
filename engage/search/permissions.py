"""Search has no object rules: each feature's indexer decides what a person may find."""
