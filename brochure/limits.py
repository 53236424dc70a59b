"""Nothing -> the budgets every input is held to (sizes, counts, pixels): one definition, documented in README.md.

A leaflet's real inputs sit far below each limit (the shipped content.yaml is about 8 KB, 600 YAML
values and 8,000 printed characters); the limits are there so that a careless or hostile file ends
with a clear error in well under five seconds and 500 MB, never with a hang or a crash.
"""

from __future__ import annotations

MIB = 1024 * 1024

# YAML files (content, translations, brand kits)
YAML_BYTES = 1 * MIB  # a content or brand file larger than this is refused before it is read
YAML_VALUES = 20_000  # values after aliases are expanded (a billion-laughs file stops here)
YAML_DEPTH = 40  # nesting of mappings and lists
YAML_CHARS = 2 * MIB  # characters of all keys and text after aliases are expanded (without aliases, at most the size)

# Words
TEXT_CHARS = 4_000  # one piece of text (a paragraph, a list item, a title)
PRINTED_CHARS = 60_000  # all the printed text of one content file together
QR_URL_CHARS = 500  # the booking address: a longer one makes QR modules under 0.25 mm in the 26 mm code
LIST_ITEMS = 200  # items in one list (sections, blocks, bullets, cards, references ...)
MARKS_ON_A_LETTER = 5  # combining marks on one letter (Hebrew's shin dot, dagesh, vowel, meteg, accent; Arabic's 2)
CITATION_PROBLEMS = 20  # unknown citations (and marks that only look like one) named one by one; the rest counted

# Pictures (content images and PNG logos)
PICTURE_BYTES = 40 * MIB  # one picture file
PICTURE_PIXELS = 40_000_000  # one picture, width x height (a 48-megapixel phone photo is refused)
BUILD_PIXELS = 60_000_000  # all the pictures of one build together
GOOD_PPI, MOST_PPI = 300, 450  # as a print shop's preset: pictures over 450 ppi where placed are resampled to 300

# Brand assets
SVG_BYTES = 2 * MIB  # an SVG logo file
SVG_ELEMENTS = 5_000  # elements in an SVG logo, each <use> copy counted (a typical logo has a few dozen)
SVG_ATTRIBUTES = 200  # attributes of one element of an SVG logo (a shape has a dozen; svglib reads each element's in
# time that grows with their square: 20,000 on one tag took 6 s)
SVG_NUMBERS = 20_000  # numbers in an SVG logo's path data and point lists (the shipped logos have about 1,500)
FONT_BYTES = 20 * MIB  # one TrueType file
ICC_BYTES = 8 * MIB  # one ICC profile

# Previews
PREVIEW_DPI = (12.0, 600.0)  # the --dpi range
BATCH_JOBS = 64  # the most worker processes `brochure batch --jobs` starts
EDITIONS = 10_000  # editions one editions file may name: each a manifest entry of 2-4 KB, under its 50 MB (a larger
# manifest was not read again, and every edition was built on every run); 200 kits of 40 languages named 64,000
OUTPUT_FOLDERS = 32  # folders an editions file's output pattern may nest its PDFs in
NAME_BYTES = 250  # one file or folder name an output pattern makes, in UTF-8 (file systems take 255; pictures add 4)
INIT_ROUNDS = 5  # rounds of questions `brochure init` asks again before it stops (answers that never build)
SERVE_CONNECTIONS = 64  # requests `brochure serve` answers at once (each holds a thread); more are closed unanswered
SERVE_STREAMS = 16  # live preview pages open at once (each holds an event stream); another is told to close one
PREVIEW_PIXELS = 120_000_000  # the pages of one preview together (large print's ten A4 pages at 600 dpi: 348 M,
# 8 s of PNG writing; the tri-fold's two sides at 600 dpi: 70 M)
PREVIEW_BAND_PIXELS = 2_000_000  # a page is rendered in bands of this many pixels (6 MB), not all at once
MOCKUP_DPI = 150.0  # the folded mock-up is made at most at this dpi (600 would hold ~1 GB of crops)
PREVIEW_PAGES = 999  # page pictures an earlier preview may have left that a new one looks for (page3 ... page999)

# Document control (content.yaml `document:`)
REVIEW_WARN_MONTHS = 3  # a review date this many calendar months away or nearer is a warning; a passed one an error
REVIEW_MOST_YEARS = 5  # a review date further than this after publication is a warning (guidance: 2 to 3 years)
