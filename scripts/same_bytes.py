"""Every layout x target x brand x shipped translation built by the `brochure` on PYTHONPATH -> one line each:
the PDF's SHA-256 and a digest of its frames. Run it from two trees and diff the outputs to see that a change
prints the same bytes and lays out the same frames.

    PYTHONPATH=/tmp/base python scripts/same_bytes.py > base.txt
    PYTHONPATH=$PWD python scripts/same_bytes.py > this.txt && diff base.txt this.txt
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from brochure import api
from brochure.vocabulary import LAYOUTS, TARGETS

ROOT = Path(__file__).resolve().parent.parent
BRANDS = ("assets/brand.yaml", "assets/brands/maple-main/brand.yaml")


def main() -> None:
    os.environ["SOURCE_DATE_EPOCH"] = "1764547200"  # 2025-12-01: the same stamp in both trees
    contents = [ROOT / "content.yaml", *sorted((ROOT / "translations").glob("*.yaml"))]
    for brand in BRANDS:
        for content in contents:
            src, diags = api.load(content, ROOT / brand)
            if src is None:
                print(brand, content.name, "not loaded", [d.message for d in diags if d.is_error])
                continue
            for layout in LAYOUTS:
                for target in TARGETS:
                    r = api.build(src, api.Options(layout=layout, target=target))
                    pdf = hashlib.sha256(r.pdf).hexdigest()[:16] if r.pdf else "no pdf"
                    frames = hashlib.sha256(repr(r.layout).encode()).hexdigest()[:16] if r.layout else "no layout"
                    print(brand, content.name, layout, target, pdf, frames, flush=True)
    print("done", file=sys.stderr)


if __name__ == "__main__":
    main()
