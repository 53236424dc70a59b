"""The worst input of each hostile class -> its wall time and memory against the budget (5 s, 500 MB); prints a table.

Run with `make hostile`. Each case runs in a forked child of a warm process (imports done), as in
tests/test_hostile_inputs.py, whose harness it reuses; the figures belong in docs/performance.md.
"""

from __future__ import annotations

import io
import os
import platform
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_hostile_inputs import LAUGHS, PICTURES, Case, lay_down, run_isolated  # noqa: E402

BUDGET_S, BUDGET_MB = 5.0, 500


def _paragraphs(n: int, chars: int) -> Case:
    case = Case()
    words = ("micro-needling helps the skin rebuild collagen under the scar " * (chars // 60 + 1))[:chars]
    case.content["sections"] = [
        {"id": f"s{i}", "heading": f"Section {i}", "blocks": [{"text": words}]} for i in range(n)
    ]
    return case


def _arabic(n: int, chars: int) -> Case:
    """n Arabic paragraphs of `chars` characters in an Arabic leaflet (shaped, ordered by the bidirectional
    algorithm: the costliest words to set), with IBM Plex Sans Arabic as the kit's fallback."""
    case = _paragraphs(n, chars)
    words = ("كلمة عربية طويلة نسبيًا في 3 جلسات " * (chars // 30 + 1))[:chars]
    for section in case.content["sections"]:
        section["heading"] = "قسم"
        section["blocks"] = [{"text": words}]
    case.content["language"] = "ar"
    case.brand["fonts"]["fallbacks"] = ["IBM Plex Sans Arabic"]
    return case


def _bullets(n: int, chars: int) -> Case:
    case = Case()
    item = ("a long list item that goes on " * (chars // 30 + 1))[:chars]
    case.content["sections"][0]["blocks"] = [{"bullets": [item] * n}]
    return case


def _picture(data: bytes) -> Case:
    case = Case(files={"pictures/p.png": data})
    case.content["sections"][0]["blocks"].append({"image": {"src": "pictures/p.png", "alt": "A picture"}})
    return case


def _big_photo() -> bytes:
    buf = io.BytesIO()
    Image.effect_noise((6000, 4000), 60).convert("RGB").save(buf, format="JPEG", quality=85)
    return buf.getvalue()


def _palette_with_transparency() -> bytes:
    """A 40-megapixel palette PNG with a transparent colour (re-encoded at load: its transparency as alpha)."""
    buf = io.BytesIO()
    Image.effect_noise((7000, 5700), 60).convert("P").save(buf, format="PNG", transparency=3)
    return buf.getvalue()


def _two_palettes() -> Case:
    """Two palette PNGs with transparency, 40 and 20 megapixels, in one leaflet (an adversarial tester's: 541 MB)."""
    small = io.BytesIO()
    Image.effect_noise((4470, 4470), 60).convert("P").save(small, format="PNG", transparency=3)
    case = Case(files={"pictures/a.png": _palette_with_transparency(), "pictures/b.png": small.getvalue()})
    for name in ("a", "b"):
        case.content["sections"][0]["blocks"].append({"image": {"src": f"pictures/{name}.png", "alt": "A picture"}})
    return case


def _svg(elements: int) -> bytes:
    rects = b'<rect x="1" y="1" width="2" height="2"/>' * elements
    return b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">' + rects + b"</svg>"


def _alias_chain() -> Case:
    chain = "a0: &a0 [x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 16)
    )
    return Case(content_text=lambda text: (chain + text).encode())


CASES: dict[str, tuple[Case, list[str]]] = {
    "the shipped leaflet (reference)": (Case(), []),
    "the shipped leaflet, press (reference)": (Case(), ["--target", "press"]),
    "billion laughs": (Case(content_text=lambda t: (LAUGHS + t).encode()), []),
    "alias chain, 4^15 values": (_alias_chain(), []),
    "100,000 nested brackets": (Case(content_text=lambda t: ("x: " + "[" * 100_000 + "\n" + t).encode()), []),
    "content file of 50 MB": (Case(content_text=lambda t: (t + "#" * 50_000_000).encode()), []),
    "one 1 MB paragraph": (_paragraphs(1, 1_000_000), []),
    "14 paragraphs at the length cap (overflow)": (_paragraphs(14, 4000), []),
    "200 sections at the length cap": (_paragraphs(200, 4000), []),
    "14 Arabic paragraphs at the length cap, large print (overflow)": (_arabic(14, 4000), ["--layout", "large-print"]),
    "180 bullets of 300 characters (overflow)": (_bullets(180, 300), []),
    "picture: 30,000 px decompression bomb": (_picture(PICTURES["bomb"]()), []),
    "picture: 24-megapixel photo, press": (_picture(_big_photo()), ["--target", "press", "--layout", "large-print"]),
    "picture: 40-megapixel palette PNG with transparency": (_picture(_palette_with_transparency()), []),
    "pictures: 40- and 20-megapixel palette PNGs with transparency, large print": (
        _two_palettes(),
        ["--layout", "large-print"],
    ),
    "large print previewed at 350 dpi (the most its ten pages may have)": (
        Case(command="preview"),
        ["--layout", "large-print", "--dpi", "350", "-o", "out/p"],
    ),
    "logo: 60,000 SVG elements": (Case(files={"kit/logo.svg": _svg(60_000)}), []),
    "logo: 4,900 SVG elements": (Case(files={"kit/logo.svg": _svg(4_900)}), []),
    "preview at 600 dpi": (Case(command="preview"), ["--dpi", "600", "-o", "out/preview"]),
}


def main() -> None:
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"| case | exit | seconds | MB over the warm process | within {BUDGET_S:g} s and {BUDGET_MB} MB |")
    print("|---|---|---|---|---|")
    worst = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, (case, args)) in enumerate(CASES.items()):
            case.args = args
            folder = Path(tmp) / str(i)
            outcome = run_isolated(lay_down(case, folder), folder)
            mb = outcome.memory / 2**20
            ok = outcome.seconds <= BUDGET_S and mb <= BUDGET_MB and outcome.status in (0, 1)
            worst += not ok
            first = next((line for line in outcome.stderr.splitlines() if "error" in line), "")
            print(f"| {name} | {outcome.status} | {outcome.seconds:.2f} | {mb:.0f} | {'yes' if ok else 'NO'} |")
            if first:
                print(f"|  | | | | {first[:110]} |")
    sys.exit(1 if worst else 0)


if __name__ == "__main__":
    main()
