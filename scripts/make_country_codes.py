"""Debian's iso-codes (ISO 3166-1, ISO 639-2) -> brochure/data/country-codes.json and language-codes.json.

`brochure` asks for a clinic's country as the two-letter code phone numbers know (`country: GB`); one written with
three letters (GBR, AUS, IRL) is refused with the two-letter code it stands for (country-codes.json: 249 codes), and
one written by its name (United Kingdom, South Korea, Wales) with the code meant (country-names.json).
A language tag's language is ISO 639's: two letters where ISO 639-1 has them (BCP 47 writes `en`, never `eng`), else
three (language-codes.json: the 184 two-letter codes, the three-letter codes that have one, and every other
three-letter code ISO 639-2, 639-3 and 639-5 give, so that `esp` is told it is no language: `es`?).

    python scripts/make_country_codes.py [/usr/share/iso-codes/json]

(Debian package `iso-codes`; a maintainer's step, not a build's.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SOURCE = Path("/usr/share/iso-codes/json")
DATA = Path(__file__).resolve().parent.parent / "brochure" / "data"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    countries = json.loads((source / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    codes = {c["alpha_3"]: c["alpha_2"] for c in countries}
    out = DATA / "country-codes.json"
    out.write_text(json.dumps(dict(sorted(codes.items())), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(codes)} codes)")
    names = {  # a country written by its name ('United Kingdom', 'South Korea', 'Wales'): the code meant
        name.casefold(): c["alpha_2"]
        for c in countries
        for key in ("name", "common_name", "official_name")
        if (name := c.get(key))
    }
    parts = json.loads((source / "iso_3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    names |= {  # the United Kingdom's nations, named as their people name their country
        x["name"].split(" [")[0].casefold(): x["code"][:2]
        for x in parts
        if x["type"] in ("Country", "Nation") or x["code"] == "GB-NIR"
    }
    names |= {"great britain": "GB", "britain": "GB", "america": "US"}
    out = DATA / "country-names.json"
    out.write_text(json.dumps(dict(sorted(names.items())), ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {out} ({len(names)} names)")
    languages = json.loads((source / "iso_639-2.json").read_text(encoding="utf-8"))["639-2"]
    two = sorted(x["alpha_2"] for x in languages if "alpha_2" in x)
    three = {k: x["alpha_2"] for x in languages if "alpha_2" in x for k in (x["alpha_3"], x.get("bibliographic"))}
    out = DATA / "language-codes.json"
    others = {x["alpha_3"] for x in languages} - three.keys()  # (ISO 639-2's with no two letters)
    for part in ("3", "5"):  # individual languages, macrolanguages; collections (sla, the Slavic languages)
        others |= {
            x["alpha_3"]
            for x in json.loads((source / f"iso_639-{part}.json").read_text(encoding="utf-8"))[f"639-{part}"]
        }
    others -= three.keys()
    data = {
        "two": two,
        "three": dict(sorted((k, v) for k, v in three.items() if k)),
        "others": " ".join(sorted(others)),  # (one string: 8,000 codes read only where a tag has three letters)
    }
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(two)} two-letter codes)")


if __name__ == "__main__":
    main()
