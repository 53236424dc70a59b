"""out/index.html, the batch's contact sheet, opened in a real browser (headless Chromium, tests/browser.py): every
picture shows, every page of every edition is there under its clinic and language, a failure is red with its
message, nothing overflows or overlaps, and the page asks the network for nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from browser import requested, screenshot
from conftest import Inputs
from helpers import cli

# Two clinics: the test clinic as a tri-fold and a flyer (cards side by side), with a content file that fails on
# purpose (a long key pasted from a spreadsheet: a message that must wrap); a second clinic in two languages in
# large print (portrait pages, several to a card).
EDITIONS = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
layouts: [trifold, flyer]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages: [content.yaml, broken.yaml]
  - kit: second/brand.yaml
    languages: [content.yaml, us.yaml]
    layouts: [large-print]
"""
PASTED = "patient_information_leaflet_micro_needling_column_header_pasted_from_the_spreadsheet_as_it_was"

# What the page shows, read in the browser: each edition's card with where it sits and what it holds.
READ = """
const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
const html = document.documentElement;
return {
  scrollWidth: html.scrollWidth, clientWidth: html.clientWidth,
  cards: [...document.querySelectorAll('article.edition')].map(a => ({
    clinic: a.closest('section.clinic').dataset.clinic,
    heading: a.closest('section.clinic').querySelector('h2').textContent,
    language: a.closest('section.language').querySelector('h3').textContent,
    title: a.querySelector('h4').textContent,
    link: a.querySelector('h4 a') ? a.querySelector('h4 a').href : '',
    failed: a.classList.contains('failed'),
    color: getComputedStyle(a.querySelector('h4')).color,
    box: box(a),
    images: [...a.querySelectorAll('img')].map(i => ({
      src: i.src, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight, box: box(i)})),
    messages: [...a.querySelectorAll('ul.findings li, details[open] li')].map(li => ({
      text: li.textContent, color: getComputedStyle(li).color, box: box(li),
      overflows: li.scrollWidth > li.clientWidth + 1})),
    warnings: a.querySelector('details.warnings') ? {
      said: a.querySelector('details.warnings summary').textContent,
      color: getComputedStyle(a.querySelector('details.warnings summary')).color,
      items: [...a.querySelectorAll('details.warnings li')].map(li => li.textContent)} : null,
  })),
  kitWarnings: [...document.querySelectorAll('section.clinic > details.warnings')].map(d => ({
    clinic: d.closest('section.clinic').dataset.clinic,
    said: d.querySelector('summary').textContent,
    color: getComputedStyle(d.querySelector('summary')).color,
    box: box(d),
    items: [...d.querySelectorAll('li')].map(li => ({
      text: li.textContent, box: box(li), overflows: li.scrollWidth > li.clientWidth + 1}))})),
  failures: [...document.querySelectorAll('nav a')].map(a => a.textContent),
  images: document.images.length,
  addresses: [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') || e.getAttribute('href')),
  styles: [...document.styleSheets].flatMap(s => {
    try { return [...s.cssRules].map(r => r.cssText); } catch (e) { return ['@import ' + s.href]; } }).join('\\n'),
};
"""


def _batch(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """The batch above in tmp_path; the folder of its outputs, and what it printed on standard error."""
    folder = inputs.content.parent
    text = inputs.content.read_text(encoding="utf-8")
    (folder / "us.yaml").write_text(text.replace("language: en-GB", "language: en-US"), encoding="utf-8")
    (folder / "broken.yaml").write_text(text.replace("language: en-GB", f"language: en-GB\n{PASTED}: x"), "utf-8")
    second = folder / "second"
    second.mkdir()
    (second / "logo.svg").write_bytes((inputs.kit / "logo.svg").read_bytes())
    brand = inputs.brand.read_text(encoding="utf-8").replace("Test Clinic", "Second Clinic")
    (second / "brand.yaml").write_text(brand.replace("#1D5C63", "#6B2D5C"), encoding="utf-8")
    (folder / "editions.yaml").write_text(EDITIONS, encoding="utf-8")
    status, out, err = cli(capsys, "batch", str(folder / "editions.yaml"), "--jobs", "2")
    assert status == 1 and "4 built, 0 unchanged, 2 failed" in out, out + err
    return folder / "out", err


def _red(color: str) -> bool:
    r, g, b = (int(v) for v in re.findall(r"\d+", color)[:3])
    return r >= 150 and g <= 80 and b <= 80


def _inside(inner: list[float], outer: list[float]) -> bool:
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and (inner[3] <= outer[3] + 0.5)
    )


def _overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def _layout_problems(page: dict[str, Any]) -> list[str]:
    """What a reader would see wrong at this window size: a sideways scroll, cards on top of each other, a
    picture or a message sticking out of its card."""
    problems = []
    if page["scrollWidth"] > page["clientWidth"]:
        problems.append(f"the page scrolls sideways: {page['scrollWidth']} > {page['clientWidth']} px")
    cards = page["cards"]
    for i, a in enumerate(cards):
        if a["box"][2] > page["clientWidth"]:
            problems.append(f"{a['title']} ends past the window's right edge")
        problems += [f"{a['title']}: a page sticks out" for im in a["images"] if not _inside(im["box"], a["box"])]
        problems += [f"{a['title']}: a message sticks out" for m in a["messages"] if not _inside(m["box"], a["box"])]
        problems += [f"{a['title']}: a message is cut: {m['text'][:40]}" for m in a["messages"] if m["overflows"]]
        problems += [f"{a['title']} overlaps {b['title']}" for b in cards[i + 1 :] if _overlap(a["box"], b["box"])]
    for w in page["kitWarnings"]:
        problems += [f"{w['clinic']}'s kit warning ends past the window's right edge" for m in w["items"]
                     if m["box"][2] > page["clientWidth"]]  # fmt: skip
        problems += [f"{w['clinic']}'s kit warning is cut: {m['text'][:40]}" for m in w["items"] if m["overflows"]]
        problems += [
            f"{w['clinic']}'s kit warning lies under {a['title']}" for a in cards if _overlap(w["box"], a["box"])
        ]
    return problems


def test_the_contact_sheet_in_a_browser(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], browser: Any, tmp_path: Path
) -> None:
    out, err = _batch(inputs, capsys)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["editions"]
    browser.set_window_size(1280, 900)
    browser.get((out / "index.html").as_uri())
    page = browser.execute_script(READ)
    assert screenshot(browser, tmp_path / "contact-sheet.png").startswith(b"\x89PNG")

    # Every picture loaded, one per page of every built edition, in its card under its clinic and language.
    cards = {c["link"]: c for c in page["cards"] if c["link"]}
    built = [e for e in manifest if e["status"] == "built"]
    assert len(built) == 4 and page["images"] == sum(e["pages"] for e in built) >= 4 * 2
    for e in built:
        card = cards[(out.parent / e["output"]).as_uri()]
        clinic, language, layout, paper, target = e["edition"].split("/")
        assert (card["clinic"], card["language"]) == (clinic, language)
        assert card["title"].startswith(f"{layout} · {paper} · {target}") and not card["failed"]
        assert len(card["images"]) == e["pages"], card["title"]
        for im in card["images"]:
            assert im["complete"] and im["width"] > 0 and im["height"] > 0, im["src"]
            assert (im["width"] > im["height"]) == (layout == "trifold"), "a page the wrong way round"
    assert [(c["clinic"], c["language"]) for c in page["cards"]] == [
        ("test-clinic", "en-gb"), ("test-clinic", "en-gb"),
        ("test-clinic", "en-gb (broken.yaml)"), ("test-clinic", "en-gb (broken.yaml)"),
        ("second-clinic", "en-gb"), ("second-clinic", "en-us"),
    ]  # fmt: skip
    headings = {c["clinic"]: c["heading"] for c in page["cards"]}  # each clinic under its name, beside its id
    assert headings == {"test-clinic": "Test Clinic test-clinic", "second-clinic": "Second Clinic second-clinic"}

    # The failures: red, with their message, under their clinic, and listed at the top of the page.
    failed = [c for c in page["cards"] if c["failed"]]
    assert [c["title"].split(" failed")[0] for c in failed] == ["trifold · a4 · office", "flyer · a4 · office"]
    for card in failed:
        assert card["clinic"] == "test-clinic" and not card["images"] and _red(card["color"])
        assert card["messages"] and all(_red(m["color"]) for m in card["messages"])
        assert any(f"broken.yaml:2:1: error: unknown key '{PASTED}'" in m["text"] for m in card["messages"])
    assert page["failures"] == [
        "test-clinic/en-gb (broken.yaml)/trifold/a4/office",
        "test-clinic/en-gb (broken.yaml)/flyer/a4/office",
    ]
    assert not any(_red(c["color"]) for c in page["cards"] if not c["failed"])

    # Each built edition's warnings under it, as the manifest has them, folded (a translation not yet checked by a
    # clinician was nowhere on the sheet): dark amber, not red; unfolded, laid out inside the card.
    for e in built:
        card = cards[(out.parent / e["output"]).as_uri()]
        said = [f for f in e["findings"] if ": warning: " in f]
        assert (card["warnings"] or {}).get("items", []) == said, card["title"]
        if said:
            n = len(said)
            assert card["warnings"]["said"] == f"{n} warning{'' if n == 1 else 's'}" and not _red(
                card["warnings"]["color"]
            )
    assert any(c["warnings"] for c in page["cards"])  # (the fixture has an edition with warnings)

    # The warnings about a clinic's kit (the second kit gives all of the first clinic's contact lines), under that
    # clinic's name as the batch printed them, folded and coloured as an edition's warnings (they were only in the
    # summary line's count and the --json report).
    printed = [line for line in err.splitlines() if ": warning: Second Clinic (" in line]
    assert len(printed) == 1 and "gives the same address" in printed[0], err
    assert [(w["clinic"], w["said"]) for w in page["kitWarnings"]] == [("second-clinic", "1 warning about the kit")]
    assert page["kitWarnings"][0]["color"] == next(c["warnings"]["color"] for c in page["cards"] if c["warnings"])
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert [m["text"] for m in browser.execute_script(READ)["kitWarnings"][0]["items"]] == printed
    assert _layout_problems(browser.execute_script(READ)) == []

    # Laid out at a normal window size, and when the window is narrowed.
    assert _layout_problems(page) == []
    browser.set_window_size(760, 900)
    assert _layout_problems(browser.execute_script(READ)) == []
    screenshot(browser, tmp_path / "contact-sheet-narrow.png")

    # Offline: everything it asked for is a file beside it; it names no address on the network.
    asked = requested(browser, (out / "index.html").as_uri())
    assert len(asked) >= 1 + page["images"] and all(a.startswith("file://") for a in asked), asked
    assert not [a for a in page["addresses"] if re.match(r"(?i)([a-z][a-z0-9+.-]*:|//)", a)], page["addresses"]
    assert "url(" not in page["styles"] and "@import" not in page["styles"]
