"""A headless Chromium for the browser tests (Debian's chromium and chromium-driver, driven by Selenium).

`scripts/install-test-tools.sh` (run by `make test`) installs the two packages; where they are missing the
tests that ask for `browser` skip and say why.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator

import pytest

# As the machine's own probe starts it: no sandbox (root), no GPU, and no background networking (the closed
# network refuses it, many connections at a time).
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


def missing() -> str:
    """Why the browser tests cannot run here ("" when they can)."""
    lacking = [name for name in ("chromium", "chromedriver") if shutil.which(name) is None]
    if lacking:
        return (
            f"{' and '.join(lacking)} not installed: `make test` installs Debian's chromium and "
            "chromium-driver (scripts/install-test-tools.sh); it needs root and apt-get"
        )
    return ""


@pytest.fixture
def browser() -> Iterator[object]:
    """A fresh headless Chromium with an empty profile; closed after the test."""
    reason = missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="brochure-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
