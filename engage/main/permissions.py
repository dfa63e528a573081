"""The information pages are open to everyone; nothing to check."""
