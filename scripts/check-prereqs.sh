#!/bin/sh
# Stops `make test` early, with one line saying what to install, when a prerequisite is missing
# (without Debian's chromium every browser test would error on its own).
# CHROMIUM overrides the browser's path (tests/browser/helpers.py uses /usr/bin/chromium).
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
	echo "make test needs Debian's chromium at $CHROMIUM for the browser tests: install it with 'sudo apt-get install chromium' (see README, Prerequisites)." >&2
	exit 1
fi
