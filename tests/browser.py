"""A headless Chromium for the browser tests (Debian's chromium and chromium-driver, driven by Selenium).

`scripts/install-test-tools.sh` (run by `make test`) installs the two packages; where they are missing the
tests that ask for `browser` skip and say why.
"""

from __future__ import annotations

import base64
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})  # the page's requests: see requested()
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested(driver: Any, page: str) -> list[str]:
    """Every address the page at `page` asked for (itself, pictures, styles, scripts, fonts, fetches), from the
    browser's DevTools network log: a check that a page stays offline sees even what failed or was blocked. The
    browser's own start page is left out."""
    out = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent" and params.get("documentURL") == page:
            out.append(str(params["request"]["url"]))
    return out


def screenshot(driver: Any, path: Path) -> bytes:
    """The whole page as PNG, below the window's bottom too, at the window's width; written to path."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    png = base64.b64decode(shot["data"])
    path.write_bytes(png)
    return png
