#!/usr/bin/env bash
# Test set-up: installs Debian's `chromium` and `chromium-driver` (headless browser tests of the batch
# contact sheet and the live preview page) and `poppler-utils` (its `pdftotext`: a second viewer's copied text
# of the right-to-left leaflets) with apt-get, when they are missing, and what they depend on, not what they recommend
# (a desktop's printing, sharing and power tools: about 90 packages more; 47 s of `make test` here, now 11 s), but
# `fonts-liberation`, the browser's own recommended fonts, which the contact sheet's pages are measured in.
# Nothing else.
# Without root or apt-get it says so and the tests that need them skip with that reason; the rest of the suite runs.
set -u
if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v pdftotext >/dev/null; then
    exit 0
fi
echo "test set-up: installing Debian packages chromium, chromium-driver, fonts-liberation and poppler-utils (browser and pdftotext tests)"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "test set-up: cannot install them here (needs root and apt-get); the tests that need them will skip"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
for packages in "chromium chromium-driver fonts-liberation" "poppler-utils"; do  # (apart: one that fails leaves the other)
    # shellcheck disable=SC2086
    if ! apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1; then
        apt-get update -q >/dev/null 2>&1 || true
        apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1 \
            || echo "test set-up: apt-get could not install $packages; the tests that need them will skip"
    fi
done
exit 0
