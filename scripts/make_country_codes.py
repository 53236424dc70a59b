"""Debian's iso-codes (ISO 3166-1) -> brochure/data/country-codes.json: each country's three-letter code -> its two.

`brochure` asks for a clinic's country as the two-letter code phone numbers know (`country: GB`); one written with
three letters (GBR, AUS, IRL) is refused with the two-letter code it stands for. The file maps them: 249 codes.

    python scripts/make_country_codes.py [/usr/share/iso-codes/json/iso_3166-1.json]

(Debian package `iso-codes`; a maintainer's step, not a build's.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SOURCE = Path("/usr/share/iso-codes/json/iso_3166-1.json")
OUT = Path(__file__).resolve().parent.parent / "brochure" / "data" / "country-codes.json"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    countries = json.loads(source.read_text(encoding="utf-8"))["3166-1"]
    codes = {c["alpha_3"]: c["alpha_2"] for c in countries}
    OUT.write_text(json.dumps(dict(sorted(codes.items())), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(codes)} codes)")


if __name__ == "__main__":
    main()
