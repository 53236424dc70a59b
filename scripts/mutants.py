"""Named mutations of the core modules -> killed or survived for each, and the score; exit 1 if any survives.

Run with `make mutants` (see docs/mutation.md). Each mutant replaces one exact snippet of one file of
brochure/ (which must occur exactly once: the list fails loudly when the code moves on) in a temporary
copy of the package, never in the working tree, and runs the few tests chosen for it with `pytest -x -q`
against that copy (PYTHONPATH, and `python -P` so the working tree's own brochure/ is never imported).
A mutant is killed when those tests fail (or run out of time); it survives when they pass. Before the
mutants, the chosen tests run once against an unmutated copy and must pass, so a kill means something.

    scripts/mutants.py                 every mutant, two at a time
    scripts/mutants.py NAME ...        only these
    scripts/mutants.py --list          the names, files and tests
    scripts/mutants.py --whole NAME    the whole suite against one mutant: which tests kill it (finding tests)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from queue import Queue
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "brochure"
T = TypeVar("T")
TIMEOUT = 120.0  # s per mutant: a mutant that makes its tests hang is killed (the budgets are what it broke)


@dataclass(frozen=True)
class Mutant:
    """One named mistake: in brochure/`file`, the one occurrence of `old` becomes `new`; `tests` should notice."""

    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]  # pytest node ids or test files
    k: str = ""  # a pytest -k expression narrowing them, if any


def m(name: str, file: str, old: str, new: str, *tests: str, k: str = "") -> Mutant:
    return Mutant(name, file, old, new, tests, k)


MUTANTS: tuple[Mutant, ...] = (
    # --- press colour ----------------------------------------------------------------------------------
    m(
        "press-body-text-rich-black",
        "theme/cmyk.py",
        '        if key == "text":\n            return CMYKColor(0, 0, 0, 1)  # a new colour per palette: colours are '
        "mutable\n",
        "",
        "tests/test_mutants_press.py::test_press_body_text_is_pure_black_without_an_override",
    ),
    m(
        "crop-marks-inward-across",
        "geometry/marks.py",
        "for x, dx in ((t.x, -1), (t.right, 1)):",
        "for x, dx in ((t.x, 1), (t.right, -1)):",
        "tests/test_mutants_press.py::test_crop_and_fold_marks_lie_outside_the_bleed",
    ),
    m(
        "crop-marks-inward-down",
        "geometry/marks.py",
        "for y, dy in ((t.y, -1), (t.top, 1)):",
        "for y, dy in ((t.y, 1), (t.top, -1)):",
        "tests/test_mutants_press.py::test_crop_and_fold_marks_lie_outside_the_bleed",
    ),
    m(
        "fold-marks-dropped",
        "geometry/marks.py",
        "    for fold in side.folds:\n",
        "    for fold in ():\n",
        "tests/test_mutants_press.py::test_crop_and_fold_marks_lie_outside_the_bleed",
    ),
    m(
        "cmyk-picture-ink-unmeasured",
        "preflight/pdf.py",
        "                worst[n] = max(worst.get(n, 0.0), peak)\n",
        "                pass\n",
        "tests/test_mutants_press.py::test_a_cmyk_picture_with_too_much_ink_is_an_error",
    ),
    m(
        "stroke-ink-unmeasured",
        "preflight/pdf.py",
        'if name in ("k", "K", "rg", "RG"):',
        'if name in ("k", "rg", "RG"):',
        "tests/test_mutants_press.py::test_a_stroke_with_too_much_ink_is_an_error",
    ),
    # --- contrast: text against what is printed beneath it ------------------------------------------------
    m(
        "contrast-ground-ignored",
        "preflight/contrast.py",
        "ground = max(under, key=lambda s: s.z).fill if under else None",
        "ground = None",
        "tests/test_mutants_design.py::test_each_tinted_box_has_its_own_contrast_check",
    ),
    m(
        "contrast-lowest-ground",
        "preflight/contrast.py",
        "ground = max(under, key=lambda s: s.z).fill if under else None",
        "ground = min(under, key=lambda s: s.z).fill if under else None",
        "tests/test_mutants_design.py::test_text_is_judged_against_the_topmost_shape_beneath_it",
    ),
    m(
        "contrast-all-text-large",
        "preflight/contrast.py",
        "need = LARGE if large else TEXT",
        "need = LARGE",
        "tests/test_mutants_design.py::test_each_tinted_box_has_its_own_contrast_check",
    ),
    m(
        "contrast-cmyk-without-the-profile",
        "preflight/contrast.py",
        "            if self.profile is not None:\n",
        "            if False:\n",
        "tests/test_preflight.py::test_press_text_is_judged_as_it_prints_through_the_profile",
    ),
    m(
        "frames-ignore-the-matrix",
        "layout/operators.py",
        "        self.state.ctm = then((n[0], n[1], n[2], n[3], n[4], n[5]), self.state.ctm)\n",
        "        pass\n",
        "tests/test_frames.py::test_every_text_line_is_printed_where_its_frame_says",
    ),
    m(
        "render-drops-the-clips",
        "render/pdf.py",
        "                for c in clip:\n                    _clip(canvas, c)\n",
        "                pass\n",
        "tests/test_golden.py",
    ),
    m(
        "contrast-press-inks-unread",
        "preflight/contrast.py",
        "ratios.setdefault(pair, contrast(colours, *pair))",
        "ratios.setdefault(pair, 21.0)",
        "tests/test_preflight.py::test_a_near_white_press_primary_is_an_error_at_its_cmyk_key",
    ),
    # --- pictures ------------------------------------------------------------------------------------------
    m(
        "pictures-keep-size-when-type-tightens",
        "theme/styles.py",
        "pictures = self.pictures * min(1.0, max(0.8, 1.0 - (self.body - body) / self.apparent * 0.4))",
        "pictures = self.pictures",
        "tests/test_mutants_layout.py::test_pictures_and_drawings_shrink_when_the_type_tightens",
    ),
    m(
        "photo-ignores-tightening",
        "layout/blocks.py",
        "max_h = self.width * 0.75 * self.t.scale.pictures",
        "max_h = self.width * 0.75",
        "tests/test_mutants_layout.py::test_pictures_and_drawings_shrink_when_the_type_tightens",
    ),
    m(
        "drawing-ignores-tightening",
        "layout/blocks.py",
        "h = min(self.width * 0.72, 62 * MM) * self.t.scale.pictures",
        "h = min(self.width * 0.72, 62 * MM)",
        "tests/test_mutants_layout.py::test_pictures_and_drawings_shrink_when_the_type_tightens",
    ),
    m(
        "picture-wider-than-its-column",
        "layout/images.py",
        "s = min(max_w / w, max_h / h)",
        "s = max_h / h",
        "tests/test_mutants_layout.py::test_a_picture_is_drawn_within_its_column",
    ),
    m(
        "picture-taller-than-its-room",
        "layout/images.py",
        "s = min(max_w / w, max_h / h)",
        "s = max_w / w",
        "tests/test_mutants_layout.py::test_a_picture_is_drawn_within_its_column",
    ),
    m(
        "flyer-cover-field-without-bleed",
        "layout/flyer.py",
        "cover=CoverArea(header_trim, header_content, True, True, 46 * MM,",
        "cover=CoverArea(header_trim, header_content, False, False, 46 * MM,",
        "tests/test_mutants_press.py::test_the_flyer_cover_field_runs_into_the_bleed_on_both_sides",
    ),
    m(
        "cover-field-stops-at-the-left-trim",
        "layout/cover.py",
        "left, round_left = _field_edge(area.bleed_left, sheet)",
        "left, round_left = _field_edge(False, sheet)",
        "tests/test_mutants_press.py::test_the_flyer_cover_field_runs_into_the_bleed_on_both_sides",
    ),
    m(
        "cover-field-stops-at-the-right-trim",
        "layout/cover.py",
        "right, round_right = _field_edge(area.bleed_right, sheet)",
        "right, round_right = _field_edge(False, sheet)",
        "tests/test_press.py::test_the_cover_colour_field_really_extends_into_the_bleed",
    ),
    m(
        "office-field-to-the-paper-edge",
        "layout/cover.py",
        "return -(OFFICE_EDGE if sheet_edge else FOLD_CLEAR), FIELD_CORNER",
        "return (0.0 if sheet_edge else -FOLD_CLEAR), FIELD_CORNER",
        "tests/test_edges.py::test_nothing_is_inked_in_the_office_edge",
    ),
    m(
        "cover-field-on-the-fold",
        "layout/cover.py",
        "return -(OFFICE_EDGE if sheet_edge else FOLD_CLEAR), FIELD_CORNER",
        "return -(OFFICE_EDGE if sheet_edge else 0.0), FIELD_CORNER",
        "tests/test_edges.py::test_nothing_is_inked_within_3mm_of_a_fold",
        k="trifold-a4 and office",
    ),
    m(
        "portrait-flyer-flips-on-its-short-edge",
        "render/pdf.py",
        'return "DuplexFlipLongEdge" if media.h > media.w else "DuplexFlipShortEdge"',
        'return "DuplexFlipShortEdge"',
        "tests/test_edges.py",
        k="flyer_turns",
    ),
    m(
        "broken-address-unseen",
        "preflight/design.py",
        "                    if bad:\n",
        "                    if False:\n",
        "tests/test_edges.py::test_an_address_broken_inside_a_name_is_an_error",
    ),
    m(
        "address-break-before-a-slash-refused",
        "preflight/design.py",
        'token[e - start] != "/"]',
        "True]",
        "tests/test_edges.py::test_a_long_booking_path_breaks_before_its_slashes",
    ),
    m(
        "tel-link-without-its-country",
        "inputs/links.py",
        'link = "tel:" + phonenumbers.format_number(number, PhoneNumberFormat.E164)',
        'link = "tel:" + phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL).replace(" ", "")',
        "tests/test_messages_hostile.py::test_a_phone_number_in_brackets_makes_a_tel_link_with_its_country",
    ),
    m(
        "letter-kit-prints-for-a-european-press",
        "theme/cmyk.py",
        'name: Condition = brand.condition or ("gracol" if brand.paper == "letter" else "fogra39")',
        'name: Condition = brand.condition or "fogra39"',
        "tests/test_press.py::test_a_letter_kit_prints_for_a_us_press_and_an_a4_kit_for_a_european_one",
    ),
    m(
        "black-text-knocks-out",
        "render/pdf.py",
        "    if not (press and overprint):\n",
        "    if True:\n",
        "tests/test_press.py::test_black_text_overprints_and_coloured_text_knocks_out",
    ),
    m(
        "fold-marks-solid",
        "layout/paint.py",
        'dash=FOLD_DASH if kind == "fold" else ((), 0.0),',
        "dash=((), 0.0),",
        "tests/test_press.py::test_fold_marks_are_dashed_and_crop_marks_solid",
    ),
    m(
        "tints-of-1-to-4-percent",
        "theme/colors.py",
        "    if 0 < v < LEAST_DOT:\n",
        "    if False:\n",
        "tests/test_press.py::test_no_tint_asks_a_plate_for_1_to_4_percent",
    ),
    m(
        "every-edition-one-file-id",
        "render/pdf.py",
        "    return _own_id(buf.getvalue())\n",
        "    return buf.getvalue()\n",
        "tests/test_press.py::test_each_edition_has_its_own_file_identifier",
    ),
    m(
        "pdf-dated-2000",
        "preflight/dates.py",
        "    return int(datetime(published.year, published.month, published.day, tzinfo=UTC).timestamp())\n",
        "    return 946684800\n",
        "tests/test_press.py::test_the_creation_date_is_the_leaflets_own_without_source_date_epoch",
    ),
    m(
        "panels-not-balanced",
        "layout/compose.py",
        "        res = balance(items, frames, keep, res, spread)\n",
        "        pass\n",
        "tests/test_balance.py::test_the_panels_of_the_main_flow_end_within_12mm_of_each_other",
    ),
    m(
        "balanced-flow-not-rewrapped",
        "layout/compose.py",
        "        rewrap(res)\n",
        "        pass\n",
        "tests/test_balance.py::test_a_paragraph_balanced_into_the_narrow_panel_and_back_is_set_at_the_width_it_prints_at",
    ),
    m(
        "parse-remembered-without-the-style",
        "layout/parsed.py",
        "    found: tuple[object, ...] = (tuple(d.items()), tuple(map(type, d.values())))\n",
        "    found: tuple[object, ...] = (style.name,)\n",
        "tests/test_remembered.py",
    ),
    m(
        "style-values-remembered-for-another-style-of-the-same-address",
        "layout/parsed.py",
        "    if seen is not None and seen[0]() is style:\n",
        "    if seen is not None:\n",
        "tests/test_remembered.py::test_a_style_made_where_a_freed_one_was_sets_its_own_size",
    ),
    m(
        "drawing-paths-remembered-without-their-zeros-signs",
        "art/fixed.py",
        "    if 0 in values:  # (equal to 0, 0.0 and -0.0 alike)\n",
        "    if False:\n",
        "tests/test_remembered.py::test_a_drawings_shapes_remembered_where_placed_print_as_worked_out_anew",
        "tests/test_remembered.py::test_fixed_geometry_placed_at_signed_zeros_prints_as_worked_out_anew",
    ),
    m(
        "back-overset-named-at-the-longest-source-not-the-widest-word",
        "layout/back.py",
        "widest = [*_bottom_keys(inp, width),",
        "widest = [*_bottom_keys(inp),",
        "tests/test_messages_hostile.py::test_a_word_too_long_for_the_backs_sources_is_named_at_the_source_it_is_in",
    ),
    m(
        "large-print-page-count-found-one-page-too-many",
        "layout/engine.py",
        'if len(plan.flows["main"]) >= used)',
        'if len(plan.flows["main"]) > used)',
        "tests/test_fit.py::test_large_print_takes_the_pages_that_trying_every_page_count_takes",
    ),
    m(
        "right-to-left-data-raised-glyphs-set-on-the-baseline",
        "layout/rtl.py",
        '("Ts", (fx(piece.rise + p.rise),))',
        '("Ts", (fx(p.rise),))',
        "tests/test_setting.py::test_a_right_to_left_paragraph_set_as_data_reads_as_drawing_it",
    ),
    m(
        "fallback-faces-registered-while-their-registry-entry-is-still-waiting",
        "theme/fonts.py",
        "    waiting = _waiting.get(name)\n",
        "    waiting = _waiting.pop(name, None)\n",
        "tests/test_startup.py::test_a_fallback_family_is_read_when_a_word_first_needs_it",
    ),
    m(
        "a-subheading-last-in-its-section-tied-to-the-next-sections-heading",
        "layout/blocks.py",
        "            items[-1] = replace(items[-1], keep_with_next=False)\n",
        "            pass\n",
        "tests/test_hints.py::test_a_section_kept_together_that_ends_in_a_subheading_starts_the_next_panel_whole",
    ),
    m(
        "flyer-front-evened-with-its-back-over-the-page",
        "layout/balancing.py",
        "    return [i for i in side if frames[i].seen == end.seen]\n",
        "    return list(range(len(frames)))\n",
        "tests/test_balance.py::test_a_two_sided_flyer_fills_its_front_before_its_words_go_over_the_page",
    ),
    m(
        "flyer-short-section-split-over-the-page",
        "layout/flow.py",
        "(over_page and after is not None and frames[index + 1].page != frame.page)\n",
        "False\n",
        "tests/test_balance.py::test_a_two_sided_flyer_fills_its_front_before_its_words_go_over_the_page",
    ),
    m(
        "batch-settles-an-edition-whose-page-pictures-are-gone",
        "batch/plan.py",
        "if _same(base / was.output, was.size, was.sha256) and all(_same(base / t, -1, h) for t, h in pictures):",
        "if _same(base / was.output, was.size, was.sha256):",
        "tests/test_adversarial_batch.py::test_an_edition_whose_page_pictures_were_removed_is_built_again",
    ),
    m(
        "batch-stamps-a-kit-by-its-file-names-alone",
        "batch/records.py",
        '        parts.append(name.encode() + b"\\0" + data)\n',
        "        parts.append(name.encode())\n",
        "tests/test_adversarial_batch.py::test_a_changed_kit_is_built_again_whatever_folder_the_outputs_go_to",
    ),
    m(
        "kit-files-leave-out-the-fallback-fonts",
        "inputs/brand.py",
        '    roles += [(f"fallbacks[{i}]", spec) for i, spec in enumerate(brand.fallbacks)]\n',
        "",
        "tests/test_outputs_hostile.py::test_an_output_never_replaces_an_input",
        k="fallback",
    ),
    m(
        "batch-forgets-the-last-pdf-of-an-edition-that-failed",
        "batch/manifest.py",
        '            held[output] = {"edition": name, "output": output, "inputs": inputs}\n',
        "",
        "tests/test_adversarial_batch.py::test_the_last_pdf_of_an_edition_that_failed_is_listed_once_it_is_no_longer_"
        "an_edition",
    ),
    m(
        "batch-shares-its-folder-with-another-editions-file",
        "batch/manifest.py",
        "    if not other.is_file() or same_file(other, editions.path):\n",
        "    if True:\n",
        "tests/test_adversarial_batch.py::test_two_editions_files_writing_to_one_folder_are_an_error_before_anything_"
        "is_built",
    ),
    m(
        "kits-whose-brand-files-link-to-one-are-one-kit",
        "inputs/brand.py",
        "    return path.parent.resolve() / path.name\n",
        "    return path.resolve()\n",
        "tests/test_adversarial_batch.py::test_a_kit_whose_brand_file_is_a_link_to_another_kits_is_stamped_with_its_"
        "own_logo",
        "tests/test_live.py::test_a_kit_whose_brand_file_is_a_link_to_another_kits_is_offered_as_its_own",
    ),
    m(
        "rtl-sources-run-on",
        "layout/citations.py",
        '    joint = "<br/>" if theme.direction == "rtl" and not run_on else " "\n',
        '    joint = " "\n',
        "tests/test_bidi_references.py::test_no_line_holds_the_end_of_one_reference_and_the_start_of_the_next",
    ),
    m(
        "font-subsets-keep-reportlabs-tag",
        "output/subsets.py",
        "        obj.BaseFont = name\n        descriptor.FontName = name\n",
        "",
        "tests/test_pdf.py::test_every_font_subset_has_a_tag_of_its_own_also_across_editions",
    ),
    m(
        "characters-that-print-nothing-kept",
        "layout/flowables.py",
        '            self.__dict__["frags"] = [_visible(f) for f in frags]\n',
        "            pass\n",
        "tests/test_edges.py::test_a_character_that_prints_nothing_leaves_no_gap_in_a_word",
    ),
    m(
        "translation-citations-not-compared",
        "inputs/translation.py",
        "    if set(theirs) == set(ours):\n",
        "    if True:\n",
        "tests/test_translations.py::test_a_citation_changed_or_added_in_a_translation_is_an_error",
    ),
    m(
        "language-direction-against-its-words-not-checked",
        "inputs/content.py",
        '    _check_script(r, language, r.at(top["language"], "language"))\n',
        "",
        "tests/test_validation.py::test_a_language_written_the_other_way_from_its_words_is_a_warning_at_language",
    ),
    m(
        "inline-link-area-runs-over-the-space-after-its-words",
        "layout/setting.py",
        "            end_x -= stringWidth(trailing.group(), *tx.font) if trailing else 0\n",
        "            end_x -= 0\n",
        "tests/test_setting.py::test_a_link_inside_a_styled_paragraph_reads_as_reportlab_drawing_it",
    ),
    m(
        "broken-lines-handed-out-not-copied",
        "layout/parsed.py",
        "    out = _clone(lines)\n",
        "    return lines\n    out = _clone(lines)\n",
        "tests/test_remembered.py::test_remembered_lines_and_words_are_handed_out_as_copies",
    ),
    m(
        "paragraph-words-handed-out-not-copied",
        "layout/parsed.py",
        "    out = []\n    for w in words:\n",
        "    return words\n    out = []\n    for w in words:\n",
        "tests/test_remembered.py::test_remembered_lines_and_words_are_handed_out_as_copies",
    ),
    m(
        "paragraph-moves-not-merged-as-reportlab-merges-them",
        "layout/setting.py",
        "            dx += last[0]\n",
        "            dx += 0\n",
        "tests/test_setting.py",
    ),
    m(
        "text-line-opacity-not-set",
        "render/pdf.py",
        '                doc.ensureMinPdfVersion("transparency")\n'
        '                canvas._extgstate.set(out, "ca", alpha)\n',
        "                pass\n",
        "tests/test_setting.py",
    ),
    m(
        "shape-opacity-kept-after-the-shape",
        "render/pdf.py",
        "    canvas._extgstate = saved.pushCopy()\n",
        "    pass\n",
        "tests/test_setting.py",
    ),
    m(
        "reportlab-settings-read-from-the-environment",
        "__init__.py",
        '            hidden = {key: os.environ.pop(key) for key in [k for k in os.environ if k.startswith("RL_")]}\n',
        "            hidden: dict[str, str] = {}\n",
        "tests/test_startup.py",
        k="environment",
    ),
    m(
        "remembered-pieces-keep-the-first-styles-colours",
        "layout/parsed.py",
        "    return None if kept & swap.keys() else swap\n",
        "    return {}\n",
        "tests/test_remembered.py",
        k="colour or press",
    ),
    m(
        "contact-line-link-box-off-its-words",
        "layout/setting.py",
        "            y = top - i * style.leading - bl.fontSize / 8.0\n",
        "            y = top - i * style.leading\n",
        "tests/test_setting.py",
        k="one_link",
    ),
    m(
        "first-breaking-kept-without-its-words",
        "layout/flowables.py",
        '        if words is not None:\n            d["frags"] = words\n',
        "        pass\n",
        "tests/test_remembered.py::test_a_paragraph_split_a_second_time_splits_as_the_first",
    ),
    m(
        "font-subset-remembered-by-its-size",
        "theme/fonts.py",
        "        key = (self.registered, tuple(subset))\n",
        "        key = (self.registered, len(subset))\n",
        "tests/test_remembered.py::test_each_build_prints_as_in_a_fresh_process",
    ),
    m(
        "section-gaps-grow-without-bound",
        "layout/flow.py",
        "    per_start = min(GAP_GROWTH, take / starts) if starts else 0.0\n",
        "    per_start = take / starts if starts else 0.0\n",
        "tests/test_balance.py::test_section_gaps_vary_by_no_more_than_3mm",
        "tests/test_layouts.py::test_a_panel_evens_up_through_its_gaps_section_gaps_first",
    ),
    m(
        "rtl-sheet-not-mirrored",
        "geometry/sheet.py",
        'return mirrored(sheet) if direction == "rtl" else sheet',
        "return sheet",
        "tests/test_mirrored.py::test_the_mirrored_trifold_reads_cover_back_flap_and_folds_in_from_the_left",
    ),
    m(
        "rtl-bullet-dot-left",
        "layout/flowables.py",
        "c.circle(self.width - dot_x if self.rtl else dot_x, y",
        "c.circle(dot_x, y",
        "tests/test_mirrored.py::test_lines_end_at_their_columns_right_and_marks_stand_right_of_their_words",
    ),
    m(
        "display-hyphen-left-wide",
        "layout/paint.py",
        "    out = refine(out)\n",
        "",
        "tests/test_frames.py::test_a_display_hyphen_is_at_most_half_an_em_and_still_a_hyphen",
    ),
    # --- glyph check: one mutant per face or kind of text skipped ------------------------------------------
    m(
        "glyphs-not-checked-in-bold",
        "preflight/glyphs.py",
        '("bold", fonts.bold), ',
        "",
        "tests/test_mutants_glyphs.py::test_a_glyph_missing_from_one_face_is_named_with_that_face",
        k="bold",
    ),
    m(
        "glyphs-not-checked-in-italic",
        "preflight/glyphs.py",
        ', ("italic", fonts.italic))',
        ")",
        "tests/test_mutants_glyphs.py::test_a_glyph_missing_from_one_face_is_named_with_that_face",
        k="italic",
    ),
    m(
        "glyphs-not-checked-in-brand-texts",
        "preflight/glyphs.py",
        "*brand.printed(), ",
        "",
        "tests/test_messages_hostile.py::test_a_glyph_missing_from_a_brand_string_is_named_at_its_line",
    ),
    # --- output files ----------------------------------------------------------------------------------------
    m(
        "plain-overwrite-instead-of-atomic",
        "output/files.py",
        "    write_all([(path, kind, fill)])\n",
        '    path.parent.mkdir(parents=True, exist_ok=True)\n    with open(path, "wb") as out:\n        fill(out)\n',
        "tests/test_outputs_hostile.py::test_a_failed_write_leaves_no_temporary_file_and_the_old_bytes",
    ),
    m(
        "output-over-a-file-of-another-kind",
        "output/files.py",
        "    if not start.startswith(kind.magic):\n",
        "    if False:\n",
        "tests/test_outputs_hostile.py::test_a_file_of_another_kind_is_not_replaced_but_an_empty_one_is",
    ),
    m(
        "hard-link-not-seen-as-the-same-file",
        "output/files.py",
        "        return os.path.samefile(a, b)\n",
        "        return False\n",
        "tests/test_mutants_outputs.py::test_a_preview_page_that_is_a_hard_link_to_a_picture_of_the_content_is_refused",
    ),
    # --- geometry ----------------------------------------------------------------------------------------------
    m(
        "trifold-panels-equal",
        "geometry/sheet.py",
        '"a4": (100 * MM, 100 * MM, 97 * MM),',
        '"a4": (99 * MM, 99 * MM, 99 * MM),',
        "tests/test_geometry.py::test_panel_widths_match_the_print_shop_table",
    ),
    m(
        "trifold-outside-not-mirrored",
        "geometry/sheet.py",
        "outside_w = tuple(reversed(inside_w))",
        "outside_w = inside_w",
        "tests/test_geometry.py::test_panel_widths_match_the_print_shop_table",
    ),
    m(
        "folds-at-the-content-edge",
        "geometry/sheet.py",
        "folds = tuple(p.trim.right for p in panels[:-1])",
        "folds = tuple(p.content.right for p in panels[:-1])",
        "tests/test_geometry.py::test_folds_sit_at_the_panel_boundaries",
    ),
    m(
        "bifold-off-centre",
        "geometry/sheet.py",
        "half = (trim.w / 2, trim.w / 2)",
        "half = (trim.w * 0.52, trim.w * 0.48)",
        "tests/test_layouts.py::test_bifold_is_a_landscape_sheet_folded_in_half",
    ),
    m(
        "office-safe-zone-as-press",
        "geometry/sheet.py",
        'clear = OFFICE_EDGE if self.target == "office" else TRIM_CLEAR',
        "clear = TRIM_CLEAR",
        "tests/test_geometry.py::test_safe_zone_inside_trim_inside_media",
    ),
    m(
        "office-edition-with-bleed",
        "geometry/sheet.py",
        'bleed = paper.bleed if target == "press" else 0.0',
        "bleed = paper.bleed",
        "tests/test_geometry.py::test_media_is_the_trim_plus_bleed_on_every_edge",
    ),
    m(
        "fold-clearance-ignored",
        "preflight/placement.py",
        "folds = [(fold + FOLD_CLEAR - 0.01, fold - FOLD_CLEAR + 0.01) for fold in page.side.folds]",
        "folds = [(fold, fold) for fold in page.side.folds]",
        "tests/test_mutants_design.py::test_text_near_a_fold_but_not_over_it_is_an_error",
    ),
    # --- links --------------------------------------------------------------------------------------------------
    m(
        "any-link-scheme-allowed",
        "inputs/links.py",
        "if not colon or scheme not in SCHEMES:",
        "if not colon:",
        "tests/test_messages_hostile.py::test_a_contact_field_that_makes_no_safe_link_is_an_error_at_its_key",
        "tests/test_inline.py::test_bad_link_targets_are_reported",
    ),
    m(
        "user-name-before-the-domain-allowed",
        "inputs/links.py",
        '    if "@" in parts.netloc:\n',
        "    if False:\n",
        "tests/test_messages_hostile.py::test_a_contact_field_that_makes_no_safe_link_is_an_error_at_its_key",
        "tests/test_inline.py::test_bad_link_targets_are_reported",
    ),
    m(
        "website-may-be-a-mail-address",
        "inputs/links.py",
        '    if not url.lower().startswith(("https://", "http://")):\n',
        "    if False:\n",
        "tests/test_validation.py::test_brand_mistake",
        "tests/test_messages_hostile.py::test_a_contact_field_that_makes_no_safe_link_is_an_error_at_its_key",
    ),
    # --- YAML budgets -------------------------------------------------------------------------------------------
    m(
        "alias-expansion-not-counted",
        "inputs/yamltree.py",
        "self._count(event, anchor.values, anchor.chars, name)",
        "self._count(event, 1, 0, name)",
        "tests/test_yaml_hostile.py::test_hostile_yaml_is_one_clear_error",
    ),
    m(
        "value-budget-unchecked",
        "inputs/yamltree.py",
        "if self.values <= limits.YAML_VALUES and self.chars <= limits.YAML_CHARS:",
        "if self.chars <= limits.YAML_CHARS:",
        "tests/test_yaml_hostile.py::test_hostile_yaml_is_one_clear_error",
    ),
    m(
        "nesting-depth-unchecked",
        "inputs/yamltree.py",
        "        if len(self.stack) >= limits.YAML_DEPTH:\n",
        "        if False:\n",
        "tests/test_yaml_hostile.py::test_hostile_yaml_is_one_clear_error",
    ),
    m(
        "alias-depth-unchecked",
        "inputs/yamltree.py",
        "        if len(self.stack) + anchor.height > limits.YAML_DEPTH:\n",
        "        if False:\n",
        "tests/test_yaml_hostile.py::test_hostile_yaml_is_one_clear_error",
    ),
    # --- QR code ------------------------------------------------------------------------------------------------
    m(
        "qr-any-decoded-text-passes",
        "preflight/qr.py",
        "elif read != [qr.url]:",
        "elif not read:",
        "tests/test_preflight.py::test_a_qr_code_that_reads_something_else_is_an_error",
    ),
    m(
        "qr-turned-code-passes",
        "preflight/qr.py",
        "elif grid != module_rows(qr.url):",
        "elif False:",
        "tests/test_preflight.py::test_a_qr_code_drawn_upside_down_or_with_modules_lost_is_an_error",
    ),
    m(
        "qr-painted-over-unchecked",
        "preflight/qr.py",
        "if item.z <= dark.z or item is light:",
        "if True:",
        "tests/test_preflight.py::test_a_qr_code_whose_modules_do_not_print_as_drawn_is_an_error",
        k="covered",
    ),
    m(
        "qr-light-square-over-modules-unchecked",
        "preflight/qr.py",
        "if light is not None and light.z > dark.z:",
        "if False:",
        "tests/test_preflight.py::test_a_qr_code_whose_modules_do_not_print_as_drawn_is_an_error",
        k="raised",
    ),
    m(
        "qr-too-dense-passes",
        "preflight/design.py",
        "if unit < LEAST_MODULE:",
        "if False:",
        "tests/test_preflight.py::test_qr_modules_under_a_quarter_millimetre_are_an_error",
    ),
    m(
        "back-shrinks-a-dense-qr-code-below-its-least",
        "layout/back.py",
        "            if last is not None and qr_mm * MM < least:\n",
        "            if False:\n",
        "tests/test_preflight.py::test_the_longest_booking_address_keeps_modules_a_phone_tells_apart",
    ),
    m(
        "qr-size-floor-halved",
        "preflight/design.py",
        "if size < MIN_QR - 0.01:",
        "if size < MIN_QR / 2:",
        "tests/test_preflight.py::test_a_small_qr_code_is_an_error",
    ),
    m(
        "qr-quiet-zone-unmeasured",
        "preflight/design.py",
        "        gap = min(gap, apart)\n",
        "        pass\n",
        "tests/test_preflight.py::test_a_qr_code_crowded_by_text_has_too_small_a_quiet_zone",
    ),
    m(
        "overlap-unchecked",
        "preflight/placement.py",
        "        diags += _overlaps(n, page, content)\n",
        "",
        "tests/test_preflight.py::test_a_picture_drawn_across_the_folds_is_seen_where_it_lands",
    ),
    m(
        "frames-miss-superscript-rise",
        "layout/operators.py",
        "                s.rise * scale,\n",
        "                0.0,\n",
        "tests/test_frames.py::test_citation_numbers_are_set_above_the_baseline",
    ),
    # --- citations ----------------------------------------------------------------------------------------------
    m(
        "citations-numbered-from-zero",
        "layout/citations.py",
        "enumerate(self.references, 1) if ref.id == key), 0)",
        "enumerate(self.references) if ref.id == key), 0)",
        "tests/test_citations.py::test_a_group_of_citations_prints_one_label",
    ),
    m(
        "citation-pairs-printed-as-ranges",
        "layout/citations.py",
        'f"{r[0]}-{r[-1]}" if len(r) >= 3',
        'f"{r[0]}-{r[-1]}" if len(r) >= 2',
        "tests/test_citations.py::test_a_group_of_citations_prints_one_label",
    ),
    m(
        "citations-numbered-in-list-order",
        "layout/citations.py",
        "return Citations(tuple(by_id[key] for key in order))",
        "return Citations(tuple(ref for ref in content.references if ref.id in order))",
        "tests/test_citations.py::test_each_layout_numbers_in_order_of_first_citation_among_what_it_prints",
    ),
    # --- review dates -------------------------------------------------------------------------------------------
    m(
        "expired-on-the-review-day",
        "preflight/dates.py",
        "    if doc.review < today:\n",
        "    if doc.review <= today:\n",
        "tests/test_document.py::test_expiry_windows_by_calendar_month",
    ),
    m(
        "review-warning-window-one-month",
        "preflight/dates.py",
        "months_after(today, limits.REVIEW_WARN_MONTHS)",
        "months_after(today, 1)",
        "tests/test_document.py::test_expiry_windows_by_calendar_month",
    ),
    m(
        "month-end-not-clamped",
        "preflight/dates.py",
        "min(day.day, calendar.monthrange(year, month)[1])",
        "day.day",
        "tests/test_document.py::test_expiry_windows_by_calendar_month",
    ),
    # --- press details, large print, languages -------------------------------------------------------------
    m(
        "registration-counts-one-plate-less",
        "preflight/press.py",
        "MANY_PLATES = 3",
        "MANY_PLATES = 4",
        "tests/test_press.py::test_small_text_in_a_brand_colour_of_three_plates_is_named_a_guard",
    ),
    m(
        "large-print-splits-short-sections",
        "layout/largeprint.py",
        "keep_sections=True,",
        "keep_sections=False,",
        "tests/test_large_print.py::test_lists_and_cards_are_one_column_and_short_sections_are_never_split",
    ),
    m(
        "large-print-short-sources",
        "layout/largeprint.py",
        "full_sources=True,",
        "full_sources=False,",
        "tests/test_large_print.py::test_the_references_print_in_full_with_their_dois_numbered_as_cited",
    ),
    m(
        "translation-numbers-unchecked",
        "inputs/translation.py",
        "    lost = expected - ours\n",
        "    lost = Counter[str]()\n",
        "tests/test_translations.py::test_a_changed_duration_is_an_error_naming_the_source",
    ),
    m(
        "words-placeholders-unchecked",
        "inputs/content.py",
        "        if have != need:\n",
        "        if False:\n",
        "tests/test_document.py::test_a_mistake_in_the_words_is_an_error_where_it_is_written",
    ),
    # --- batches ---------------------------------------------------------------------------------------------
    m(
        "batch-never-skips",
        "batch/plan.py",
        "        return digest(path.read_bytes()) == sha\n",
        "        return False\n",
        "tests/test_batch.py::test_only_what_changed_is_built_again",
    ),
    m(
        "batch-stamp-ignores-content",
        "batch/plan.py",
        "words = files_digest(inputs)",
        'words = digest(b"")',
        "tests/test_batch.py::test_only_what_changed_is_built_again",
    ),
    m(
        "batch-collisions-unchecked",
        "batch/plan.py",
        "            clash = next((o for o in outputs if seen.get(o, who) != who), None)\n",
        "            clash = None\n",
        "tests/test_batch.py::test_two_editions_for_one_file_are_refused_before_anything_is_built",
    ),
    # --- the tagged office edition (PDF/UA-1) --------------------------------------------------------------
    m(
        "structure-in-page-order",
        "render/structure.py",
        "keyed.sort(key=lambda k: k[:3])",
        "keyed.sort(key=lambda k: k[1:3])",
        "tests/test_tagged.py::test_the_structure_is_in_the_folded_reading_order",
    ),
    m(
        "step-titles-tagged-as-headings",
        "render/structure.py",
        'if line.role in ("title", "heading") and line.entry is None:',
        'if line.role in ("title", "heading"):',
        "tests/test_tagged.py::test_lists_steps_and_contact_lines_are_lists",
    ),
    m(
        "links-words-left-in-the-paragraph",
        "render/structure.py",
        "    if not links or not run.text:\n        return None\n",
        "    return None\n",
        "tests/test_tagged.py::test_every_link_is_tagged_with_its_words",
    ),
    m(
        "page-numbers-read",
        "render/structure.py",
        'DECORATION = ("artifact", "folio", "mark")',
        'DECORATION = ("artifact", "mark")',
        "tests/test_tagged.py::test_page_numbers_are_not_read",
    ),
    m(
        "split-paragraph-two-paragraphs",
        "layout/flowables.py",
        "            p.element, p.fixed_role, p.may_part = self.element, self.fixed_role, self.may_part\n",
        "            p.fixed_role, p.may_part = self.fixed_role, self.may_part\n",
        "tests/test_tagged.py::test_a_paragraph_run_on_into_another_page_is_one_paragraph",
    ),
    m(
        "figure-alt-dropped",
        "output/pdfua.py",
        '        if element.alt:\n            fields["/Alt"] = element.alt\n',
        "",
        "tests/test_tagged.py::test_every_figure_has_a_text_alternative_in_the_leaflets_language",
    ),
    m(
        "link-annotations-unparented",
        "output/pdfua.py",
        "                annot.StructParent = key\n",
        "",
        "tests/test_tagged.py::test_every_link_is_tagged_with_its_words",
    ),
    m(
        "to-unicode-zeros-kept",
        "theme/fonts.py",
        "            cmap.content = named(mended(cmap.content), self)",
        "            cmap.content = named(cmap.content, self)",
        "tests/test_tagged.py::test_every_glyph_maps_to_unicode_and_the_document_says_what_it_is",
        "tests/test_press.py::test_every_font_maps_its_codes_to_characters_and_none_to_nothing",
    ),
    m(
        "decoration-unmarked",
        "render/pdf.py",
        '            canvas.addLiteral(f"/{ARTIFACT} BMC")\n            artifact = True\n',
        "            artifact = False\n",
        "tests/test_tagged.py::test_every_word_printed_is_in_exactly_one_element_or_an_artifact",
        k="trifold",
    ),
    m(
        "text-marked-content-left-open",
        "render/pdf.py",
        '        after = ["EMC"] if i + 1 in ends else []\n',
        "        after: list[str] = []\n",
        "tests/test_tagged.py::test_every_word_printed_is_in_exactly_one_element_or_an_artifact",
        k="trifold",
    ),
    m(
        "batch-epoch-not-sent",
        "batch/worker.py",
        'result = api.build(src, options, {"SOURCE_DATE_EPOCH": task.epoch})',
        "result = api.build(src, options)",
        "tests/test_cluster.py::test_a_cluster_builds_the_same_bytes_as_this_machine",
    ),
    m(
        "batch-paths-from-the-workers-folder",
        "batch/plan.py",
        '    root = "" if editions.path.is_absolute() else str(Path.cwd())\n',
        '    root = ""\n',
        "tests/test_cluster.py::test_a_cluster_builds_the_same_bytes_as_this_machine",
    ),
    m(
        "contact-sheet-messages-unwrapped",
        "output/contact_sheet.py",
        "overflow-wrap:anywhere",
        "overflow-wrap:normal",
        "tests/test_contact_sheet.py::test_the_contact_sheet_in_a_browser",
    ),
    # --- kit controls and layout hints --------------------------------------------------------------------
    m(
        "logo-height-ignored",
        "layout/cover.py",
        "room = LOGO_HEIGHT * t.scale.zoom if asked is None else asked * MM",
        "room = LOGO_HEIGHT * t.scale.zoom",
        "tests/test_kit_controls.py::test_the_kit_sets_the_logo_height_in_every_layout",
    ),
    m(
        "svg-logo-padding-kept",
        "inputs/svg.py",
        "    return _trim_drawing(drawing), None\n",
        "    return drawing, None\n",
        "tests/test_kit_controls.py::test_an_svg_logos_padding_is_trimmed_so_the_mark_is_as_tall_as_asked",
    ),
    m(
        "svg-logo-strokes-cut",
        "inputs/svg.py",
        "    reach = float(width) * abs(ma * md - mb * mc) ** 0.5 if stroked else 0.0\n",
        "    reach = 0.0\n",
        "tests/test_kit_controls.py::test_an_svg_logos_strokes_are_kept_whole_when_trimming",
    ),
    m(
        "png-logo-padding-kept",
        "inputs/logo.py",
        "        trimmed = _trim_picture(pic)\n",
        "        trimmed = pic\n",
        "tests/test_kit_controls.py::test_a_png_logos_transparent_border_is_trimmed",
    ),
    m(
        "body-size-by-x-height-ignored",
        "theme/styles.py",
        "height = x_height(fonts.regular) if spec.auto else None",
        "height = None",
        "tests/test_kit_controls.py::test_auto_sets_a_small_x_height_family_at_the_designs_apparent_size",
    ),
    m(
        "body-floor-not-scaled",
        "theme/styles.py",
        "max(BODY_PT[0], round(self.floor * factor, 2))",
        "BODY_PT[0]",
        "tests/test_kit_controls.py::test_a_larger_body_tightens_from_there_when_the_words_need_it",
    ),
    m(
        "keep-together-ignored",
        "layout/flow.py",
        "if after is None or not (item.whole or keep_sections):",
        "if after is None or not keep_sections:",
        "tests/test_hints.py::test_the_flow_moves_a_section_kept_whole_to_the_top_of_the_next_frame",
    ),
    m(
        "break-before-ignored",
        "layout/flow.py",
        "    if item.fresh:\n        return True\n",
        "",
        "tests/test_hints.py::test_the_flow_starts_a_section_that_breaks_before_at_the_top_of_the_next_frame",
    ),
    m(
        "balancing-moves-a-break",
        "layout/balancing.py",
        "        if not hints.as_held(items, res, candidate):\n",
        "        if False:\n",
        "tests/test_hints.py::test_a_section_that_breaks_before_starts_a_panel_of_its_own",
    ),
    m(
        "pdf-title-keeps-line-breaks",
        "api.py",
        "    return one_line(plain(text))",
        "    return plain(text)",
        "tests/test_hints.py::test_the_pdfs_title_and_outline_carry_no_line_break",
    ),
    m(
        "pdf-title-keeps-marks",
        "api.py",
        "    return one_line(plain(text))",
        "    return one_line(text)",
        "tests/test_hints.py::test_the_pdfs_title_keywords_and_xmp_print_a_titles_words_not_its_marks",
    ),
    m(
        "emergency-number-of-any-country-passes",
        "preflight/checks.py",
        "            if number in EMERGENCY and not _dialled(number, country):\n",
        "            if False:\n",
        "tests/test_emergency.py",
    ),
    m(
        "emergency-country-ignores-the-phone",
        "inputs/brand.py",
        '        return (region if len(region) == 2 and region.isalpha() else ""), self.where("contact.phone")\n',
        '        return "", self.where("contact.phone")\n',
        "tests/test_emergency.py::test_the_clinics_country_is_its_phone_numbers_when_the_kit_does_not_say",
    ),
    m(
        "emergency-grouped-digits-split",
        "preflight/checks.py",
        '_NUMBER = re.compile(rf"\\d+(?:[{DIGIT_SPACES}.,\\u066b\\u066c]\\d+)*")',
        '_NUMBER = re.compile(r"\\d+")',
        "tests/test_emergency.py::test_only_whole_numbers_that_are_emergency_numbers_elsewhere_are_found",
    ),
    m(
        "emergency-number-inside-a-price-or-code-counts",
        "preflight/checks.py",
        "        and _alone(text, m.start(), m.end())\n",
        "        and True\n",
        "tests/test_emergency.py::test_only_whole_numbers_that_are_emergency_numbers_elsewhere_are_found",
    ),
    m(
        "emergency-number-named-at-its-first-text-only",
        "preflight/checks.py",
        "                found.setdefault((number, at), ",
        "                found.update({} if any(n == number for n, _ in found) else {(number, at): number})\n"
        "                (number, at, ",
        "tests/test_emergency.py::test_every_text_that_gives_the_number_is_named_not_only_the_first",
    ),
    m(
        "emergency-clinics-address-read",
        "preflight/checks.py",
        "    kit = [(text, at) for text, at in brand.printed() if not as_written(at.key)]",
        "    kit = brand.printed()",
        "tests/test_emergency.py::test_the_sources_document_block_and_clinics_own_details_are_not_read",
    ),
    m(
        "served-to-the-network-any-host-answered",
        "live/server.py",
        "        return bool(host) and host in _own_names()\n",
        "        return True\n",
        "tests/test_live.py::test_served_to_the_network_it_answers_addresses_and_its_own_name_and_caps_what_it_holds",
    ),
    m(
        "event-streams-uncapped",
        "live/server.py",
        "        if not self.streams.acquire(timeout=STREAM_WAIT_S):",
        "        if not self.streams.acquire(timeout=STREAM_WAIT_S) and False:",
        "tests/test_live.py::test_served_to_the_network_it_answers_addresses_and_its_own_name_and_caps_what_it_holds",
    ),
    m(
        "producer-group-not-recognised",
        "preflight/checks.py",
        "named(brand.group or brand.name))",
        "named(brand.name))",
        "tests/test_document.py::test_a_clinic_of_the_group_that_produced_the_words_is_not_warned",
    ),
    m(
        "backslash-escapes-ignored",
        "inputs/inline.py",
        'return _ESCAPE.sub(lambda m: _HIDDEN[m.group()], text) if "\\\\" in text else text',
        "return text",
        "tests/test_inline.py::test_a_backslash_prints_a_marks_character_as_written",
    ),
    m(
        "source-language-not-tagged",
        "output/pdfua.py",
        '            fields["/Lang"] = element.language\n',
        "            pass\n",
        "tests/test_tagged.py::test_english_sources_in_a_translated_large_print_say_they_are_english",
    ),
    m(
        "card-group-taller-than-a-page-never-splits",
        "layout/flow.py",
        "parts = item.flowable.split_rows(box.w, avail)  # taller than a whole frame",
        "parts = []  # taller than a whole frame",
        "tests/test_adversarial_layout.py::test_a_card_group_taller_than_a_page_breaks_between_its_cards",
    ),
    m(
        "translation-list-of-another-length-paired-by-place",
        "inputs/translation.py",
        "        if len(a[path]) != len(b[path]) and not any(_under(path, [f]) for f in found):",
        "        if False:",
        "tests/test_translations.py::test_a_missing_list_item_is_one_error_at_the_list_not_a_cascade",
    ),
    m(
        "translation-thousands-read-as-two-numbers",
        "inputs/translation.py",
        "    if grouped is not None and (grouped.group(4) is None or grouped.group(4)[0] != grouped.group(3)):",
        "    if False:",
        "tests/test_translations.py::test_the_same_number_written_the_languages_way_is_no_error",
    ),
    m(
        "overflow-measured-as-what-is-left-over",
        "layout/compose.py",
        "    if items is not None and not inp.trial:",
        "    if False:",
        "tests/test_fit.py::test_the_room_the_words_lack_grows_with_them_and_cutting_what_it_says_nearly_fits",
    ),
    m(
        "translation-block-layouts-not-compared",
        "inputs/translation.py",
        "            if set(a) != set(b) and j < len(now.blocks):",
        "            if False:",
        "tests/test_translations.py::test_a_block_moved_to_other_layouts_is_an_error_at_the_block",
    ),
    m(
        "translation-added-number-passes",
        "inputs/translation.py",
        "        if not added:\n            return []",
        "        if True:\n            return []",
        "tests/test_translations.py::test_a_number_the_source_does_not_give_is_a_warning",
    ),
    m(
        "bare-inside-panels-not-warned",
        "layout/engine.py",
        "    if not bare or len(regions) < 2 or 2 * (len(regions) - len(bare)) > len(regions):",
        "    if True:",
        "tests/test_layouts.py::test_a_leaflet_of_one_sentence_is_warned_that_its_inside_panels_are_empty",
    ),
    m(
        "language-in-three-letters-accepted",
        "vocabulary.py",
        "    if base in three:",
        "    if False:",
        "tests/test_vocabulary.py::test_a_language_tag_names_a_language_as_bcp_47_writes_it",
    ),
    m(
        "recorder-rectangle-given-wrong-way-round",
        "layout/recorder.py",
        '("re", _at(x, y, width, height))',
        '("re", _at(x, y, height, width))',
        "tests/test_setting.py",
        k="recorders_shapes",
    ),
    m(
        "recorder-shapes-not-rounded-as-reportlab-writes-them",
        "layout/recorder.py",
        "    out = tuple(fx(v) for v in values)\n",
        "    out = tuple(values)\n",
        "tests/test_setting.py",
        k="recorders_shapes",
    ),
    m(
        "path-answers-kept-by-id-alone",
        "remembered.py",
        "            if entry is not None and entry[0] is value:\n"
        "                return entry[1]\n"
        "            answer = f(value)\n"
        "            with lock:\n"
        "                kept[id(value)] = (value, answer)\n",
        "            if entry is not None:\n"
        "                return entry[1]\n"
        "            answer = f(value)\n"
        "            with lock:\n"
        "                kept[id(value)] = (None, answer)  # type: ignore[assignment]\n",
        "tests/test_remembered.py",
        k="paths_made_and_freed",
    ),
    m(
        "path-answers-kept-without-bound",
        "remembered.py",
        "                while len(kept) > size:\n",
        "                while len(kept) > size * 1000:\n",
        "tests/test_remembered.py",
        k="kept_for_the_last",
    ),
    m(
        "recorder-shape-at-nan-set-into-frames",
        "layout/recorder.py",
        "    if not all(math.isfinite(v) for v in out):\n",
        "    if False:\n",
        "tests/test_setting.py",
        k="not_numbers",
    ),
    m(
        "batch-loads-the-pdf-libraries-for-nothing",
        "batch/records.py",
        "from brochure import __version__, limits\n",
        "from brochure import __version__, api, limits  # noqa: F401\n",
        "tests/test_startup.py",
        k="nothing_to_build",
    ),
    m(
        "head-of-a-full-event-stream-answers-ok",
        "live/server.py",
        "            if not self.streams.acquire(blocking=False):  # (a GET would be refused: say so)\n",
        "            if not (self.streams.acquire(blocking=False) or True):\n",
        "tests/test_live.py",
        k="served_to_the_network",
    ),
    m(
        "spaced-emergency-digits-not-read",
        "preflight/checks.py",
        " or SPELLED_DIGITS.fullmatch(m.group()))\n",
        ")\n",
        "tests/test_emergency.py",
    ),
    m(
        "three-characters-with-a-decimal-point-read-as-a-number",
        "preflight/checks.py",
        "(len(m.group()) == 3 and m.group().isdecimal())",
        "len(m.group()) == 3",
        "tests/test_emergency.py",
    ),
    m(
        "foreign-sources-not-marked-in-a-folded-leaflet",
        "layout/citations.py",
        "                linked = f'<a href=\"{LANGUAGE_LINK}{escape_text(other)}\">{linked}</a>'\n",
        "                pass\n",
        "tests/test_tagged.py::test_english_sources_in_a_translated_folded_leaflet_say_they_are_english",
    ),
    m(
        "language-of-a-links-words-dropped",
        "render/structure.py",
        "                    self.link_languages[owner] = language\n",
        "                    pass\n",
        "tests/test_tagged.py::test_english_sources_in_a_translated_folded_leaflet_say_they_are_english",
    ),
    m(
        "right-to-left-words-language-dropped",
        "layout/rtl.py",
        "            language = url[len(LANGUAGE_LINK) :]\n",
        "            link = url\n",
        "tests/test_tagged.py::test_english_sources_in_a_translated_folded_leaflet_say_they_are_english",
    ),
    m(
        "translation-drops-a-minus-sign-unseen",
        "inputs/translation.py",
        '_SIGN = r"(?:[-\\u2212\\u2012\\u2013](?=\\d))?"',
        '_SIGN = r""',
        "tests/test_translations.py",
    ),
    m(
        "translation-reads-a-range-as-a-minus-sign",
        "inputs/translation.py",
        "        if number[0] in _DASHES and not _signed(text, m.start()):\n",
        "        if False:\n",
        "tests/test_translations.py",
    ),
    m(
        "translation-reads-spaced-digits-as-three-numbers",
        "inputs/translation.py",
        "    if SPELLED_DIGITS.fullmatch(number):\n        number = number[::2]\n",
        "",
        "tests/test_translations.py",
    ),
    m(
        "pieces-one-above-the-other-taken-as-overlapping",
        "preflight/placement.py",
        " and min(a[3], b[3]) - max(a[1], b[1]) > OVERLAP",
        "",
        "tests/test_preflight.py",
    ),
    m(
        "link-quick-look-misses-white-space",
        "inputs/links.py",
        '_REFUSED = re.compile(r"[\\s\\x00-',
        '_REFUSED = re.compile(r"[\\x00-',
        "tests/test_citations.py",
    ),
    m(
        "split-looks-up-codes-past-the-first-subset",
        "render/pdf.py",
        "        except (KeyError, ValueError):  # a character",
        "        except KeyError:  # a character",
        "tests/test_pdf.py",
        k="coded_in_its_fonts_subsets",
    ),
    m(
        "glyphs-texts-taken-as-clear-unread",
        "preflight/glyphs.py",
        "    clear = not any(lacking.values())",
        "    clear = True",
        "tests/test_mutants_glyphs.py::test_a_glyph_missing_from_one_face_is_named_with_that_face",
    ),
    m(
        "brand-name-read-as-markup",
        "inputs/brand.py",
        'name = r.text(top.get("name"), "name", literal=True)',
        'name = r.text(top.get("name"), "name")',
        "tests/test_messages_hostile.py::test_a_brand_name_or_address_that_looks_like_a_link_prints_as_written",
    ),
    m(
        "glyphs-unshaped-kicker-said-twice",
        "preflight/glyphs.py",
        "            if (d.message, at) not in said:\n",
        "            if True:\n",
        "tests/test_shaping.py::test_each_script_brochure_cannot_set_is_said_once_also_in_the_kicker",
    ),
    m(
        "glyphs-of-a-name-read-as-markup",
        "preflight/glyphs.py",
        "(text if as_written(at.key) else plain(text), at)",
        "(plain(text), at)",
        "tests/test_messages_hostile.py::test_a_character_the_fonts_lack_in_what_looks_like_a_links_address_in_a_name_is_found",
    ),
    m(
        "unshaped-letters-name-the-first-face-only",
        "preflight/glyphs.py",
        'return ch, "|".join(lacking), "letters"',
        'return ch, lacking[0], "letters"',
        "tests/test_shaping.py::test_arabic_letters_a_text_lacks_name_only_the_faces_without_them",
    ),
    m(
        "batch-keep-writes-each-file-alone",
        "batch/__init__.py",
        "        write_all([(at, kind, partial(_fill, data)) for at, kind, data in files])",
        "        for at, kind, data in files:\n            write_all([(at, kind, partial(_fill, data))])",
        "tests/test_batch.py::test_a_picture_is_not_replaced_when_its_pdf_cannot_be_written",
    ),
    m(
        "batch-reads-an-outputs-place-whatever-its-size",
        "batch/plan.py",
        "(st.st_size != size if size >= 0 else st.st_size > PICTURE_BYTES)",
        "(size >= 0 and False)",
        "tests/test_adversarial_batch.py::test_a_large_file_in_an_outputs_place_is_not_read",
    ),
    m(
        "batch-words-hash-joins-files-without-their-lengths",
        "batch/records.py",
        'b"%d\\0%d\\0" % (i, len(data)) + data',
        "data",
        "tests/test_adversarial_batch.py::test_bytes_moved_from_one_picture_file_to_the_next_build_again",
    ),
    m(
        "batch-trusts-a-manifests-findings",
        "batch/manifest.py",
        "if len(shas) != len(thumbs) or any(_CONTROL.search(f) for f in findings):",
        "if len(shas) != len(thumbs):",
        "tests/test_adversarial_batch.py::test_a_hand_edited_manifest_entry_is_not_trusted",
    ),
    m(
        "batch-reads-pictures-anywhere",
        "batch/plan.py",
        "        if not all(_could_be_picture(t, folder) for t in was.thumbs):",
        "        if False:",
        "tests/test_adversarial_batch.py::test_a_manifest_naming_a_copy_of_a_picture_elsewhere_is_not_trusted",
    ),
    m(
        "batch-two-at-once",
        "output/files.py",
        "free = key not in _held and _locked(fd) and _same_inode(fd, path)",
        "free = True",
        "tests/test_adversarial_batch.py::test_a_second_batch_writing_to_the_same_folder_is_an_error_while_the_first_runs",
    ),
    m(
        "editions-output-any-depth",
        "inputs/editions.py",
        "    elif len(Path(value).parts) > OUTPUT_FOLDERS + 1:",
        "    elif False:",
        "tests/test_adversarial_batch.py::test_an_output_pattern_nested_too_deep_is_an_error_where_it_is_written",
    ),
    m(
        "scheduler-handshake-unbounded",
        "cluster.py",
        "        await asyncio.wait_for(answered(), SCHEDULER_SECONDS)",
        "        await answered()",
        "tests/test_cluster.py::test_a_port_that_takes_the_connection_and_says_nothing_is_no_scheduler_within_the_time",
    ),
    m(
        "init-answer-may-break-its-line",
        "kit.py",
        "    found = _BREAK.search(value)\n",
        "    found = None\n",
        "tests/test_init.py::test_a_name_with_a_line_break_is_refused_at_its_option_and_nothing_written",
    ),
    m(
        "init-non-latin-names-share-an-id",
        "inputs/names.py",
        'return "clinic-" + hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:8]',
        'return "clinic"',
        "tests/test_init.py::test_clinics_named_without_latin_letters_get_ids_of_their_own",
    ),
    m(
        "init-any-background",
        "kit.py",
        "    if ratio < 10:",
        "    if False:",
        "tests/test_init.py::test_each_wrong_answer_is_named_with_its_option_and_nothing_is_written",
    ),
    m(
        "init-any-accent",
        "kit.py",
        "    if ratio < 1.5:\n",
        "    if False:\n",
        "tests/test_init.py::test_each_wrong_answer_is_named_with_its_option_and_nothing_is_written",
    ),
    m(
        "init-trial-ignores-the-words-letters",
        "commands/init.py",
        "            elif _LACKING.search(d.message):  # (letters",
        "            elif False:  # (letters",
        "tests/test_init.py::test_words_in_a_script_the_fonts_lack_are_refused_at_the_fallbacks_and_nothing_written",
    ),
    m(
        "init-asks-for-ever",
        "commands/init.py",
        "        if interactive and rounds > INIT_ROUNDS:",
        "        if False:",
        "tests/test_init.py::test_on_a_terminal_answers_that_never_make_a_kit_that_builds_stop_after_some_rounds",
    ),
    m(
        "fonts-index-opens-any-address",
        "theme/fontindex.py",
        'if urllib.parse.urlsplit(url).scheme not in ("https", "http"):',
        "if False:",
        "tests/test_fonts_search.py::test_an_index_that_answers_what_no_fontpkg_family_is_gets_a_note_never_a_bug",
        k="file-address",
    ),
    m(
        "fonts-index-prints-any-name",
        "theme/fontindex.py",
        "if not all(text.isprintable() and len(text) <= 100 for text in (name, version, *kinds)):",
        "if False:",
        "tests/test_fonts_search.py::test_an_index_that_answers_what_no_fontpkg_family_is_gets_a_note_never_a_bug",
        k="name-escapes",
    ),
    m(
        "fonts-damaged-regular-listed-usable",
        "theme/catalog.py",
        "    if not problem and regular is not None and covered is None:",
        "    if False:",
        "tests/test_fonts_catalog.py::test_a_damaged_installed_family_is_listed_as_unusable_not_a_crash",
    ),
    m(
        "fonts-read-a-huge-file-whole",
        "theme/catalog.py",
        "if not stat.S_ISREG(st.st_mode) or st.st_size > FONT_BYTES:",
        "if not stat.S_ISREG(st.st_mode):",
        "tests/test_fonts_catalog.py::test_a_damaged_installed_family_is_listed_as_unusable_not_a_crash",
        k="too-large",
    ),
    m(
        "serve-pictures-numbered-from-one",
        "live/session.py",
        "    return 1 + int.from_bytes(os.urandom(5)) % 10**11",
        "    return 1",
        "tests/test_live.py::test_a_session_started_again_never_serves_the_picture_numbers_of_an_earlier_one",
    ),
    m(
        "watch-any-content-is-a-translation",
        "live/choices.py",
        "        return self.source if any(same_file(content, named) for named in self.named) else None",
        "        return self.source",
        "tests/test_live.py::test_only_a_content_file_editions_yaml_names_is_checked_as_a_translation_of_its_source",
    ),
    m(
        "preview-leaves-stale-pages",
        "cli.py",
        "    for path in remove_stale_pages(folder, stem, pages, inputs):",
        "    for path in []:",
        "tests/test_cli.py::test_a_preview_with_fewer_pages_removes_the_pages_an_earlier_one_left",
    ),
    m(
        "preview-removes-what-is-not-a-picture",
        "output/preview.py",
        "                if f.read(len(_PNG_SIGNATURE)) != _PNG_SIGNATURE:",
        "                if False:",
        "tests/test_cli.py::test_a_preview_with_fewer_pages_removes_the_pages_an_earlier_one_left",
    ),
    m(
        "stdout-full-is-a-bug",
        "cli.py",
        "            if stream is sys.stdout:\n",
        "            if False:\n",
        "tests/test_outputs_hostile.py::test_a_full_standard_output_is_an_error_not_a_bug",
    ),
    m(
        "watch-never-watches-a-folder-made-again",
        "live/watcher.py",
        "                    if not changes and _folder_ids(self._wanted().folders()) != ids:",
        "                    if False:",
        "tests/test_live.py::test_a_watched_folder_removed_and_made_again_is_watched_again",
    ),
    m(
        "watch-counts-any-file-in-the-kits-folder",
        "live/watcher.py",
        'kit_file = name.lower().endswith(_KIT_SUFFIXES) and not name.startswith(".")',
        'kit_file = not name.startswith(".")',
        "tests/test_live.py::test_only_files_a_kit_is_read_from_count_in_its_folder",
    ),
    m(
        "watch-follows-links-only",
        "live/watcher.py",
        "    named = {f.absolute() for f in files}  # (as named too: content.yaml a link to the words elsewhere)",
        "    named: set[Path] = set()",
        "tests/test_live.py::test_a_content_file_that_is_a_link_is_watched_as_named_too",
    ),
    m(
        "serve-holds-a-closed-pages-stream",
        "live/server.py",
        "                elif self.live.stopping or self._closed():",
        "                elif self.live.stopping:",
        "tests/test_live.py::test_served_to_the_network_it_answers_addresses_and_its_own_name_and_caps_what_it_holds",
    ),
    m(
        "init-says-nothing-of-the-press-edition",
        "commands/init.py",
        '    others = [("the print shop\'s edition (--target press)", api.Options(target="press", allow_expired='
        "sample))]",
        "    others: list[tuple[str, api.Options]] = []",
        "tests/test_init.py::test_a_kit_whose_print_shop_edition_does_not_build_says_so",
    ),
    m(
        "logo-svg-entities-dropped",
        "inputs/svg.py",
        "if named or entity is not None or (dtd is not None and next(dtd.iterentities(), None) is not None):",
        "if named:",
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
        k="entity",
    ),
    m(
        "logo-svg-any-doctype-refused",
        "inputs/svg.py",
        "if named or entity is not None or (dtd is not None and next(dtd.iterentities(), None) is not None):",
        "if named or entity is not None or dtd is not None:",
        "tests/test_assets_hostile.py::test_an_svg_logo_with_the_doctype_exports_write_builds",
    ),
    m(
        "fonts-search-drops-accented-letters",
        "theme/fontindex.py",
        '    return slug(re.sub(r"^\\s*fontpkg[-_ ]", "", word, flags=re.IGNORECASE))',
        '    return "-".join(re.findall(r"[a-z0-9]+", re.sub(r"^\\s*fontpkg[-_ ]", "", word.lower())))',
        "tests/test_fonts_search.py::test_a_search_word_is_read_as_package_names_are_written",
    ),
    m(
        "fonts-search-asks-of-no-package",
        "commands/fonts.py",
        "    if not package_for(word):",
        "    if False:",
        "tests/test_fonts_search.py::test_a_search_word_without_latin_letters_or_digits_is_a_usage_error",
    ),
    m(
        "init-logo-in-quotes-not-found",
        "kit.py",
        """    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\\"":""",
        "    if False:",
        "tests/test_init.py::test_answers_are_read_as_people_give_them_and_their_faults_named_as_they_are",
    ),
    m(
        "init-hints-name-brand-yaml-keys",
        "kit.py",
        """    return re.sub(r"\\bcolors\\.(primary|secondary|accent|text|background)\\b", r"--\\1", hint)""",
        "    return hint",
        "tests/test_init.py::test_on_a_terminal_an_answer_the_build_refuses_is_asked_again",
    ),
    m(
        "batch-lock-shared-with-its-workers",
        "output/files.py",
        "            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)",
        "            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)",
        "tests/test_adversarial_batch.py::test_a_batch_killed_outright_leaves_its_folder_free_and_its_workers_end",
    ),
    m(
        "fonts-index-follows-any-redirect",
        "theme/fontindex.py",
        '        if urllib.parse.urlsplit(newurl).scheme not in ("https", "http"):',
        "        if False:",
        "tests/test_fonts_search.py::test_an_index_that_answers_what_no_fontpkg_family_is_gets_a_note_never_a_bug",
        k="redirect",
    ),
    m(
        "logo-svg-entity-in-an-attribute-dropped",
        "inputs/svg.py",
        "    named = _ENTITY.search(data)",
        "    named = None",
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
        k="attribute",
    ),
    m(
        "preview-removes-an-input",
        "output/preview.py",
        "            if not stat.S_ISREG(path.lstat().st_mode) or any(same_file(path, i) for i in inputs):",
        "            if not stat.S_ISREG(path.lstat().st_mode):",
        "tests/test_cli.py::test_a_preview_never_removes_a_picture_the_words_show",
    ),
    m(
        "batch-workers-outlive-their-batch",
        "batch/worker.py",
        "    while os.getppid() == parent if forked else _alive(parent):",
        "    while True:",
        "tests/test_adversarial_batch.py::test_a_batch_killed_outright_leaves_its_folder_free_and_its_workers_end",
    ),
    m(
        "signal-in-a-finaliser-prints-a-traceback",
        "cli.py",
        "    sys.unraisablehook = unraisable\n",
        "",
        "tests/test_outputs_hostile.py",
        k="finaliser",
    ),
    m(
        "serve-one-machine-may-take-every-connection",
        "live/server.py",
        "if mine >= SERVE_CONNECTIONS // 2 or",
        "if",
        "tests/test_live.py",
        k="many_connections",
    ),
    m(
        "alt-of-invisible-characters-taken",
        "inputs/reader.py",
        "        if not any(_visible(ch) for ch in (value if literal or not printed else inline.plain(value))):",
        "        if printed and not any(_visible(ch) for ch in (value if literal else inline.plain(value))):",
        "tests/test_validation.py",
        k="invisible",
    ),
    m(
        "blank-link-label-taken",
        "inputs/inline.py",
        "        elif not any(visible(ch) for ch in label.translate(_SHOWN)):",
        "        elif False:",
        "tests/test_validation.py",
        k="link",
    ),
    m(
        "link-inside-a-link-taken",
        "inputs/inline.py",
        '        if "[" in label:',
        "        if False:",
        "tests/test_validation.py",
        k="link",
    ),
    m(
        "notdef-counts-as-a-glyph",
        "theme/fonts.py",
        "            _forget_notdef(font.face)\n",
        "",
        "tests/test_font_files.py",
        k="glyph_0",
    ),
    m(
        "font-licence-unread",
        "theme/fonts.py",
        "    return licence_problem(parser)",
        '    return ""',
        "tests/test_font_files.py",
        k="licence",
    ),
    m(
        "icc-way-back-unproved",
        "inputs/brand.py",
        '        back = ImageCms.buildTransform(profile, sRGB, "CMYK", "RGB", renderingIntent=intent)\n'
        '        ImageCms.applyTransform(Image.new("CMYK", (1, 1), (217, 89, 102, 64)), back)\n',
        "        pass\n",
        "tests/test_assets_hostile.py",
        k="icc",
    ),
    m(
        "icc-class-unread",
        "inputs/brand.py",
        '    if kind != "prtr":',
        "    if False:",
        "tests/test_assets_hostile.py",
        k="icc",
    ),
    m(
        "svg-gradient-paint-taken",
        "inputs/svg.py",
        '        if value.lower().startswith("url("):',
        "        if False:",
        "tests/test_assets_hostile.py",
        k="svg",
    ),
    m(
        "svg-mask-taken",
        "inputs/svg.py",
        '        if value and value.lower() != "none":',
        "        if False:",
        "tests/test_assets_hostile.py",
        k="svg",
    ),
    m(
        "fonts-one-per-postscript-name",
        "theme/fonts.py",
        "    _register_font(font, digest)\n",
        "    pdfmetrics.registerFont(font)\n",
        "tests/test_font_files.py",
        k="postscript",
    ),
    m(
        "qr-prints-in-the-text-colour",
        "layout/back.py",
        "qr_size, pal.code, pal.white)",
        "qr_size, pal.text, pal.white)",
        "tests/test_press.py",
        k="qr_code_prints",
    ),
    m(
        "press-black-converted-to-rich-black",
        "theme/cmyk.py",
        "    if not isinstance(color, CMYKColor) and color.red == color.green == color.blue == 0:\n",
        "    if False:\n",
        "tests/test_press.py",
        k="logos_black",
    ),
    m(
        "logo-stroke-spills-past-its-box",
        "inputs/svg.py",
        "    left, bottom, right, top = min(left, x0), min(bottom, y0), max(right, x1), max(top, y1)\n",
        "",
        "tests/test_kit_controls.py",
        k="stroke",
    ),
    m(
        "picture-re-encoded-at-its-full-size",
        "inputs/pictures.py",
        "    if max(w, h) <= SHEET_PIXELS:\n",
        "    if True:\n",
        "tests/test_assets_hostile.py",
        k="sheet_takes",
    ),
    m(
        "shaped-glyphs-read-as-glyphs",
        "render/structure.py",
        "            if words and any(r.actual is not None for r in runs):",
        "            if False:",
        "tests/test_bidi.py",
        "tests/test_shaping.py",
        k="screen_reader",
    ),
    m(
        "marks-piled-without-limit",
        "inputs/reader.py",
        "_lone_mark(value), _piled_marks(value), _loose_accent(value)):",
        "_lone_mark(value), _loose_accent(value)):",
        "tests/test_validation.py",
        k="piled",
    ),
    m(
        "translation-reference-targets-unread",
        "inputs/translation.py",
        "    diags = _structure(source, translation) + _reference_targets(source, translation)",
        "    diags = _structure(source, translation)",
        "tests/test_translations.py",
        k="doi_or_address",
    ),
    m(
        "failed-edition-takes-another-editions-name",
        "batch/__init__.py",
        '    if o.status == "failed" and count[o.edition] > 1 and o.inputs and o.edition.count("/") >= 2:',
        "    if False:",
        "tests/test_batch.py",
        k="never_takes",
    ),
    m(
        "batch-stopped-records-nothing",
        "batch/__init__.py",
        "            left = record_stopped(editions, every)\n",
        "            left = []\n",
        "tests/test_batch.py",
        k="stopped_midway",
    ),
    m(
        "manifest-lists-no-kit-files",
        "batch/records.py",
        "    files = (task.content, task.kit, *((task.source,) if task.source else ()), *task.others)",
        "    files = (task.content, task.kit, *((task.source,) if task.source else ()))",
        "tests/test_batch.py",
        k="every_edition_is_built",
    ),
    m(
        "translation-marked-in-the-sources-language-unsaid",
        "inputs/translation.py",
        "    if len(paired) < 10 or changed <= ADAPTED_SHARE * len(paired):",
        "    if True:",
        "tests/test_translations.py",
        k="sources_language",
    ),
    m(
        "press-line-too-thin-unsaid",
        "preflight/press.py",
        "    return not stroke.spot and shape.line_width < THINNEST - 0.005",
        "    return False",
        "tests/test_press.py",
        k="too_thin_for_a_press",
    ),
    m(
        "batch-stopped-forgets-the-others",
        "batch/manifest.py",
        "    entries = [o.report() for o in done] + [e for n, e in last.items() if n not in names]\n",
        "    entries = [o.report() for o in done]\n",
        "tests/test_batch.py",
        k="stopped_midway",
    ),
    m(
        "batch-stopped-loses-moved-outputs",
        "batch/manifest.py",
        '    kept = held + [e for e in _entries_of(previous, gone) if e["output"] not in left_there]',
        "    kept = held",
        "tests/test_batch.py",
        k="stopped_midway",
    ),
    m(
        "catalog-licence-unread",
        "theme/catalog.py",
        "    elif not problem and (licence or bold_licence):",
        "    elif False:",
        "tests/test_fonts_catalog.py",
        k="licence",
    ),
    m(
        "init-fallback-needs-a-bold",
        "theme/catalog.py",
        "    if fallback and problem == NO_BOLD:",
        "    if False:",
        "tests/test_init.py::test_a_clinic_named_in_hebrew_gets_its_kit_with_varela_round_a_fallback_of_one_weight",
    ),
    m(
        "output-replaced-loses-its-permissions",
        "output/files.py",
        "            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))\n",
        "            os.chmod(tmp, 0o644)\n",
        "tests/test_outputs_hostile.py",
        k="umask",
    ),
    m(
        "options-that-would-be-dropped-taken",
        "cli.py",
        "    conflict = _conflict(args, words)\n",
        '    conflict = ""\n',
        "tests/test_cli_manners.py",
        k="dropped",
    ),
    m(
        "escaped-separators-and-tags-taken-as-text",
        "inputs/reader.py",
        "    found = _UNPRINTABLE.search(value) or (",
        "    found = None or (",
        "tests/test_validation.py",
        k="as-an-escape",
    ),
    m(
        "a-letter-mark-taken-for-an-arabic-letter",
        "preflight/glyphs.py",
        "        if INVISIBLE.match(ch):\n            continue",
        "        if False:\n            continue",
        "tests/test_edges.py",
        k="letter_mark",
    ),
    m(
        "labels-keep-what-prints-nothing",
        "layout/lettering.py",
        'parts = pieces(INVISIBLE.sub("", text), font, fallbacks)',
        "parts = pieces(text, font, fallbacks)",
        "tests/test_edges.py",
        k="drawing_label",
    ),
    m(
        "a-translation-of-another-version-passes",
        "inputs/translation.py",
        "    elif now.version != was.version:\n",
        "    elif False:\n",
        "tests/test_translations.py",
        k="other_words",
    ),
    m(
        "progress-lines-name-a-failed-edition-by-its-shared-name",
        "batch/__init__.py",
        "    progress = lambda o: told(_distinct_one(o, count))  # noqa: E731\n",
        "    progress = told\n",
        "tests/test_batch.py",
        k="never_takes",
    ),
    m(
        "a-languages-own-layouts-ignored",
        "inputs/editions.py",
        'return None if file is None else (file, r.at(m["content"], f"{path}.content"), matrix)',
        'return None if file is None else (file, r.at(m["content"], f"{path}.content"), given)',
        "tests/test_batch.py",
        k="narrows",
    ),
    m(
        "a-content-file-named-again-for-other-layouts-refused",
        "batch/plan.py",
        "            again = sorted(before & jobs)",
        "            again = sorted(before)",
        "tests/test_batch.py",
        k="narrows",
    ),
    m(
        "a-worker-takes-its-parent-after-the-fork",
        "batch/worker.py",
        "    forked = os.getppid() == parent\n",
        "    parent, forked = os.getppid(), True\n",
        "tests/test_adversarial_batch.py",
        k="died_before",
    ),
    m(
        "a-folder-copied-back-at-once-passes-for-the-one-watched",
        "live/watcher.py",
        "                    if any(Path(p) in self._watching for _, p in changes):",
        "                    if False:",
        "tests/test_live.py",
        k="replaced_at_once",
    ),
    m(
        "bifold-pages-balanced-as-one",
        "layout/bifold.py",
        "    page = panel.name  # (the two are columns of one page",
        "    page = ''  # (the two are columns of one page",
        "tests/test_balance.py",
        k="short_section_over or inside_spread_ends_level",
    ),
    m(
        "an-invisible-logo-passes",
        "preflight/seen.py",
        "        if _seen(logo, ground, colours):\n",
        "        if True:\n",
        "tests/test_preflight.py",
        k="white_logo",
    ),
    m(
        "a-booking-host-squeezed-beside-the-code",
        "layout/back.py",
        "        split = 0.0  # the booking address would not fit beside the code",
        "        pass  # the booking address would not fit beside the code",
        "tests/test_edges.py",
        k="too_wide_beside",
    ),
    m(
        "a-name-the-fonts-lack-asked-again-for-ever",
        "commands/init.py",
        "            elif _LACKING.search(d.message):  # (letters",
        "            elif d.location.file != str(brand) and _LACKING.search(d.message):  # (letters",
        "tests/test_init.py::test_on_a_terminal_a_name_the_fonts_lack_asks_for_the_fallbacks_again",
    ),
    m(
        "init-proves-the-trifold-alone",
        "commands/init.py",
        '    others += [\n        (f"the {label}',
        '    others += [] and [\n        (f"the {label}',
        "tests/test_init.py::test_an_edition_the_new_kit_does_not_build_yet_is_said",
    ),
    m(
        "an-unbreakable-run-named-by-its-longest-word",
        "preflight/design.py",
        "                word = max(_UNBROKEN.split(t.text), key=len, default=t.text)",
        "                word = max(t.text.split(), key=len, default=t.text)",
        "tests/test_preflight.py",
        k="cannot_be_broken",
    ),
    m(
        "a-long-web-address-called-a-word",
        "preflight/design.py",
        "    if _ADDRESS.search(word):",
        "    if False:",
        "tests/test_preflight.py",
        k="cannot_be_broken",
    ),
    m(
        "the-lines-to-cut-miscounted",
        "layout/compose.py",
        "    lines = max(1, min(words, round(over / inp.theme.scale.leading)))",
        "    lines = max(1, min(words, round(over / inp.theme.scale.leading / 2)))",
        "tests/test_fit.py",
        k="short_list_items",
    ),
    m(
        "an-error-for-each-letter-a-text-lacks",
        "preflight/glyphs.py",
        "            groups.setdefault((missing, _script(ch), empty), []).append(ch)",
        "            groups.setdefault((missing, ch, empty), []).append(ch)",
        "tests/test_fallbacks.py",
        k="greek_word_the_family_lacks",
    ),
    m(
        "a-quote-left-open-not-named",
        "inputs/yamltree.py",
        "        opened = _unclosed_quote(text, line)\n",
        "        opened = None\n",
        "tests/test_validation.py",
        k="quote_left_open",
    ),
    m(
        "a-kit-chosen-with-a-content-file-drops-it",
        "live/session.py",
        '            content = fields.get("content")  # (with a kit',
        '            content = None if kit_key else fields.get("content")  # (with a kit',
        "tests/test_live.py",
        k="kit_and_content_file_together",
    ),
    m(
        "a-gold-logo-taken-for-invisible",
        "preflight/seen.py",
        "SEEN = 10.0  #",
        "SEEN = 90.0  #",
        "tests/test_preflight.py",
        k="white_logo",
    ),
    m(
        "headers-that-trickle-in-are-waited-for",
        "live/server.py",
        "        self._deadline.start()\n",
        "",
        "tests/test_live.py",
        k="trickle",
    ),
    m(
        "a-fork-servers-worker-takes-its-parent-for-the-batch",
        "batch/worker.py",
        "    while os.getppid() == parent if forked else _alive(parent):",
        "    while os.getppid() == parent:",
        "tests/test_adversarial_batch.py",
        k="started_every_way",
    ),
    m(
        "a-content-file-named-again-with-editions-in-common-taken",
        "batch/plan.py",
        "            again = sorted(before & jobs)",
        "            again = sorted(before & jobs) if before == jobs else []",
        "tests/test_batch.py",
        k="narrows",
    ),
    m(
        "a-see-through-speck-counts-as-a-seen-logo",
        "preflight/seen.py",
        "ink.alpha >= SEEN_ALPHA and",
        "ink.alpha > 0 and",
        "tests/test_preflight.py",
        k="thin_lines",
    ),
    m(
        "a-logos-opacity-printed-solid",
        "inputs/svg.py",
        "        if value is not None and not _opaque(value):",
        "        if False:",
        "tests/test_assets_hostile.py",
        k="opacity",
    ),
    m(
        "init-hint-for-letters-names-brand-yaml",
        "kit.py",
        "a fallback family that has (?:it|them))",
        "a fallback family that has it)",
        "tests/test_init.py::test_greek_words_the_font_lacks_are_hinted_in_options",
    ),
    m(
        "a-quote-closed-on-a-later-line-blamed",
        "inputs/yamltree.py",
        'quote, rest = found.group(2), "\\n".join([lines[n][found.end() :], *lines[n + 1 : line - 1]])',
        "quote, rest = found.group(2), lines[n][found.end() :]",
        "tests/test_validation.py",
        k="two_lines_is_not_blamed",
    ),
    m(
        "a-web-address-told-to-take-spaces",
        "layout/compose.py",
        '    if key in ("contact.booking_url", "contact.website"):',
        '    if key in ("contact.website",):',
        "tests/test_edges.py",
        k="no_room_for",
    ),
    m(
        "a-newer-translation-told-to-step-back",
        "inputs/translation.py",
        "    if now.version != was.version and _version(now.version) > _version(was.version):",
        "    if False:",
        "tests/test_translations.py",
        k="other_words",
    ),
    m(
        "a-name-with-a-joiner-taken-for-another-clinic",
        "preflight/checks.py",
        '        return " ".join(INVISIBLE.sub("", text).split()).casefold()',
        '        return " ".join(text.split()).casefold()',
        "tests/test_edges.py",
        k="joiner_pasted_in",
    ),
    m(
        "a-title-measured-with-what-prints-nothing",
        "layout/cover.py",
        '    longest = max(INVISIBLE.sub("", text).split(),',
        "    longest = max(text.split(),",
        "tests/test_edges.py",
        k="title_with_a_joiner",
    ),
    m(
        "a-languages-booking-page-never-printed",
        "inputs/brand.py",
        "        kit = self._with_addresses(entries)",
        "        kit = self",
        "tests/test_translations.py",
        k="own_booking_address",
    ),
    m(
        "a-languages-address-named-at-the-kits",
        "inputs/brand.py",
        '            at[f"contact.{key}"] = self.where(f"languages.{entry.tag}.{key}")',
        "            pass",
        "tests/test_translations.py",
        k="named_where_it_is_written",
    ),
    m(
        "a-languages-address-not-checked",
        "inputs/brand.py",
        '        why, hint = contact_problem(key, value, country) if value is not None else ("", "")',
        '        why, hint = ("", "")',
        "tests/test_translations.py",
        k="named_where_it_is_written",
    ),
    m(
        "a-languages-tag-hides-the-languages-own-lines",
        "inputs/brand.py",
        "        entries = [found[t] for t in _shorter(language) if t in found]",
        "        entries = [found[t] for t in _shorter(language) if t in found][:1]",
        "tests/test_translations.py",
        k="own_tag_and_the_language_alone",
    ),
    m(
        "a-languages-lines-dropped-when-the-kit-has-none",
        "inputs/brand.py",
        "        formats = next((e for e in entries if e.other_formats), None)",
        "        formats = next((e for e in entries if e.other_formats and self.other_formats), None)",
        "tests/test_translations.py",
        k="lines_print_when_the_kit_has_none",
    ),
    m(
        "a-language-twice-in-other-cases-last-wins",
        "inputs/brand.py",
        "        if first != str(tag):",
        "        if False:",
        "tests/test_translations.py",
        k="given_twice_in_other_cases",
    ),
    m(
        "a-languages-second-wrong-address-unreported",
        "inputs/brand.py",
        "            ok = False  # (each wrong address is reported, not the first only)",
        "            return None",
        "tests/test_translations.py",
        k="every_wrong_address",
    ),
    m(
        "a-broken-percent-escape-linked",
        "inputs/links.py",
        "    if _BROKEN_ESCAPE.search(url):",
        "    if False:",
        "tests/test_translations.py",
        k="every_wrong_address",
    ),
    m(
        "a-missing-language-named-at-languages",
        "api.py",
        "        b.language_entry(language) if b.translations",
        '        b.where("languages") if b.translations',
        "tests/test_translations.py",
        k="missing_language_is_named",
    ),
    m(
        "invisible-list-dots-printed",
        "preflight/seen.py",
        "            if item.fill.alpha >= SEEN_ALPHA and apart >= SEEN:",
        "            if True:",
        "tests/test_preflight.py",
        k="list_dots_that_would_print_invisible",
    ),
    m(
        "invisible-list-dots-said-once-a-dot",
        "preflight/seen.py",
        "            if (key, name) in said:",
        "            if False:",
        "tests/test_preflight.py",
        k="list_dots_that_would_print_invisible",
    ),
    m(
        "a-tint-darkened-by-the-background-blames-the-text-alone",
        "preflight/contrast.py",
        '    if " tint of " not in ground or contrast(colours, ink, None) < DARKER:',
        "    if True:",
        "tests/test_preflight.py",
        k="dark_background",
    ),
    m(
        "a-white-background-told-to-be-lighter",
        "preflight/contrast.py",
        '    if " tint of " not in ground or contrast(colours, ink, None) < DARKER:',
        '    if " tint of " not in ground:',
        "tests/test_init.py::test_on_a_terminal_an_answer_the_build_refuses_is_asked_again",
    ),
    m(
        "a-back-over-full-with-a-kits-line-told-to-the-content",
        "layout/back.py",
        "    keys = [*_bottom_keys(inp), _longest(doc.texts(), doc.at)]",
        "    keys = [*_bottom_keys(inp), doc.at]",
        "tests/test_translations.py",
        k="over_full_with_a_kits_long_line",
    ),
    m(
        "a-languages-feedback-named-the-sources",
        "layout/back.py",
        '    return key.split(".", 2)[2] if key.startswith("languages.") and key.count(".") >= 2 else key',
        "    return key",
        "tests/test_translations.py",
        k="over_full_with_a_kits_long_line",
    ),
    m(
        "a-language-tag-with-two-regions-taken",
        "vocabulary.py",
        '    "(-([A-Za-z]{2}|[0-9]{3}))?"  # a region',
        '    "(-([A-Za-z]{2}|[0-9]{3}))*"  # a region',
        "tests/test_vocabulary.py",
        k="bcp_47",
    ),
    m(
        "an-own-language-entrys-lines-dropped",
        "inputs/brand.py",
        "        feedback = next((e for e in entries if e.feedback), None)",
        "        feedback = next((e for e in entries if e.feedback and not own), None)",
        "tests/test_translations.py",
        k="kits_own_language_gives_its_lines",
    ),
    m(
        "a-longer-tag-skips-its-shorter-forms",
        "inputs/brand.py",
        '    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]',
        "    return list(dict.fromkeys([tag.lower(), parts[0]]))",
        "tests/test_translations.py",
        k="longer_tag_finds",
    ),
    m(
        "a-kits-formats-list-measured-a-piece-at-a-time",
        "layout/back.py",
        "        line = (at.file, _line_of(at.key))",
        "        line = (at.file, at.key)",
        "tests/test_translations.py",
        k="long_formats_list",
    ),
    m(
        "a-languages-address-scanned-for-emergency-numbers",
        "preflight/checks.py",
        "    kit = [(text, at) for text, at in brand.printed() if not as_written(at.key)]",
        '    kit = [(text, at) for text, at in brand.printed() if not at.key.startswith(("name", "contact."))]',
        "tests/test_translations.py",
        k="no_emergency_number",
    ),
    m(
        "a-percent-in-a-mail-address-linked",
        "inputs/links.py",
        '_LOCAL = re.compile(r"^[A-Za-z0-9!#$&*+/=?^_~-]+(?:\\.[A-Za-z0-9!#$&*+/=?^_~-]+)*$")',
        '_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&*+/=?^_~-]+(?:\\.[A-Za-z0-9!#$%&*+/=?^_~-]+)*$")',
        "tests/test_messages_hostile.py",
        k="percent_sign",
    ),
    m(
        "two-links-side-by-side-made-one",
        "render/structure.py",
        "                same = not any(_one_line(b, this.box) for b in lines)",
        "                same = True",
        "tests/test_tagged.py",
        k="two_links_to_one_address",
    ),
    m(
        "bold-inside-italic-printed-with-its-stars",
        "inputs/inline.py",
        '(?:[^*]|" + _INNER_BOLD + r")+?(?<=\\S))\\*"',
        '(?:[^*])+?(?<=\\S))\\*"',
        "tests/test_inline.py",
        k="marks_become_runs",
    ),
    m(
        "another-regions-entry-unread-in-silence",
        "api.py",
        "        diags += _entries_not_read(src)",
        "        diags += []",
        "tests/test_translations.py",
        k="another_region",
    ),
    m(
        "another-regions-entry-not-named-in-the-error",
        "inputs/brand.py",
        "        if tag is None and others:",
        "        if tag is None and not others:",
        "tests/test_translations.py",
        k="another_regions_entry",
    ),
    m(
        "large-print-small-letters-left-small",
        "theme/styles.py",
        "    if scale is not None and grow > start:",
        "    if scale is not None and grow > 99:",
        "tests/test_large_print.py",
        k="small_letters",
    ),
    m(
        "icon-fonts-private-use-character-taken-for-a-letter",
        "preflight/glyphs.py",
        " and not (code >= PRIVATE_USE[0].start and code in given_codes(font)) and code not in blank(font)",
        " and code not in blank(font)",
        "tests/test_fallbacks.py",
        k="private_use",
    ),
    m(
        "zero-width-space-beside-a-no-break-space-prints-a-gap",
        "layout/flowables.py",
        '            text = text.replace(ZERO_WIDTH_SPACE, "")',
        "            text = text",
        "tests/test_edges.py",
        k="zero_width_space_beside",
    ),
    m(
        "soft-hyphen-left-in-the-pdfs-title",
        "inputs/inline.py",
        '    text = text.replace("\\xad", "").replace("\\u200b", "")',
        "    text = text",
        "tests/test_hints.py",
        k="soft_hyphen",
    ),
    m(
        "words-to-cut-as-full-lines-of-short-items",
        "layout/compose.py",
        "            lines += max(1.0, (",
        "            lines += max(0.01, (",
        "tests/test_fit.py",
        k="never_more",
    ),
    m(
        "words-to-cut-more-than-the-flow-has",
        "layout/compose.py",
        "    return by_lines if by_lines <= words else words * over",
        "    return by_lines if by_lines <= 9e9 else words * over",
        "tests/test_fit.py",
        k="never_more",
    ),
    m(
        "a-photos-own-profile-ignored",
        "inputs/pictures.py",
        '    return None if "srgb" in (description or "").lower() or space.strip() != "RGB" else bytes(icc)',
        "    return None",
        "tests/test_picture_colours.py",
    ),
    m(
        "a-converted-photo-loses-its-transparency",
        "inputs/pictures.py",
        '        rgb.putalpha(im.getchannel("A"))',
        "        pass",
        "tests/test_picture_colours.py",
    ),
    m(
        "a-callout-too-tall-blamed-on-the-sections",
        "layout/compose.py",
        "            if all(tall > whole + 0.01 for tall, whole in heights):",
        "            if all(tall > whole * 9 for tall, whole in heights):",
        "tests/test_fit.py",
        k="callout_taller",
    ),
    m(
        "a-query-that-chooses-the-page-dropped-in-silence",
        "api.py",
        "    diags += check_printed_addresses(kit)",
        "    diags += []",
        "tests/test_preflight.py",
        k="query",
    ),
    m(
        "tracking-queries-warned-too",
        "preflight/checks.py",
        "        chosen = [(name, value) for name, value in pairs if name and not TRACKING.fullmatch(name.lower())]",
        "        chosen = [(name, value) for name, value in pairs]",
        "tests/test_preflight.py",
        k="query",
    ),
    m(
        "cover-field-seam-under-the-wave",
        "art/cover.py",
        "    return [(x, max(0.0, y - UNDER)) for x, y in reversed(sample(front, 0.0, W, max(2.0, W / 80)))]",
        "    return [(x, max(0.0, y - 12 * UNDER)) for x, y in reversed(sample(front, 0.0, W, max(2.0, W / 80)))]",
        "tests/test_pixels.py",
        k="seam",
    ),
    m(
        "a-joined-forms-tounicode-left-private-use",
        "theme/tounicode.py",
        "        return m.group() if stands is None else",
        "        return m.group() if True else",
        "tests/test_mirrored_arabic.py",
        k="copies_joined",
    ),
    m(
        "output-pattern-with-a-newline-accepted",
        "inputs/editions.py",
        '    elif any(unicodedata.category(ch) == "Cc" for ch in value):',
        '    elif any(unicodedata.category(ch) == "Cc" for ch in value[:0]):',
        "tests/test_batch.py",
        k="mistake_in_the_editions",
    ),
    m(
        "output-pattern-hidden-name-accepted",
        "inputs/editions.py",
        '            if any(part.startswith(".") for part in Path(named).parts):',
        '            if any(part.startswith("..") for part in Path(named).parts):',
        "tests/test_batch.py",
        k="mistake_in_the_editions",
    ),
    m(
        "arabic-large-print-sized-by-latin-letters",
        "theme/styles.py",
        "    height = arabic_height(face) if face is not None else None",
        "    height = None",
        "tests/test_large_print.py",
        k="arabic_letters",
    ),
    m(
        "a-kits-own-language-entry-warned-as-another-regions",
        "inputs/brand.py",
        "        if own or any(entry.tag.lower() in serves for entry in self.translations):",
        "        if any(entry.tag.lower() in serves for entry in self.translations):",
        "tests/test_translations.py",
        k="kits_own_language_is_no_warning",
    ),
    m(
        "a-palette-pictures-own-profile-ignored",
        "inputs/pictures.py",
        '    if not icc or im.mode not in ("RGB", "RGBA", "P", "PA"):',
        '    if not icc or im.mode not in ("RGB", "RGBA"):',
        "tests/test_picture_colours.py",
        k="palette",
    ),
    m(
        "a-titles-non-joiner-dropped",
        "inputs/inline.py",
        '    text = text.replace("\\xad", "").replace("\\u200b", "")',
        '    text = text.replace("\\xad", "").replace("\\u200c", "")',
        "tests/test_hints.py",
        k="joiners",
    ),
    m(
        "a-callout-measured-at-the-narrowest-panel-only",
        "layout/compose.py",
        "            heights = [(item.flowable.wrap(f.box.w, 1e6)[1], f.whole) for f in frames]",
        "            heights = [(item.flowable.wrap(frames[-1].box.w, 1e6)[1], f.whole) for f in frames]",
        "tests/test_fit.py",
        k="wider_panel",
    ),
    m(
        "a-body-font-without-bold-unsaid",
        "theme/fonts.py",
        '    plain = body["bold"] == body["regular"]',
        "    plain = False",
        "tests/test_assets_hostile.py",
        k="without_bold",
    ),
    m(
        "a-web-apps-route-dropped-in-silence",
        "preflight/checks.py",
        '        route = parts.fragment.lstrip("!/") if parts.fragment.startswith(("/", "!")) else ""',
        '        route = ""',
        "tests/test_preflight.py",
        k="query",
    ),
    m(
        "italic-starting-with-bold-printed-with-its-stars",
        "inputs/inline.py",
        r'    r"|\*(?P<ital>(?=[^\s*]|\*\*[^\s*])(?:[^*]|"',
        r'    r"|\*(?P<ital>(?=[^\s*])(?:[^*]|"',
        "tests/test_inline.py",
        k="starting",
    ),
    m(
        "a-references-long-address-told-at-line-one",
        "preflight/design.py",
        "        if value and value in word\n",
        "        if value and value in word[:0]\n",
        "tests/test_citations.py",
        k="too_long_for_large_print",
    ),
    m(
        "a-link-printing-another-page-of-its-site-unsaid",
        "preflight/labels.py",
        ' or (path and path != unquote(parts.path).rstrip("/").lower()):',
        ":",
        "tests/test_preflight.py",
        k="another_address",
    ),
    m(
        "a-link-printing-another-number-unsaid",
        "preflight/labels.py",
        "        if (printed.country_code, printed.national_number) != (called.country_code, called.national_number):",
        "        if (printed.country_code,) != (called.country_code,):",
        "tests/test_preflight.py",
        k="another_address",
    ),
    m(
        "a-cmyk-override-of-another-colour-unsaid",
        "preflight/press.py",
        "        if apart - best > FAR:",
        "        if apart - best > FAR * 5:",
        "tests/test_press.py",
        k="far_from",
    ),
    m(
        "a-references-address-told-at-the-first-that-begins-alike",
        "preflight/design.py",
        "        _, ref, name = max(found, key=lambda f: f[0])",
        "        _, ref, name = found[0]",
        "tests/test_citations.py",
        k="too_long_for_large_print",
    ),
    m(
        "a-link-label-in-its-own-letters-told-as-another-address",
        "preflight/labels.py",
        'return name.lower().encode("ascii").decode("idna").lower() if "xn--" in name.lower() else name.lower()',
        "return name.lower()",
        "tests/test_preflight.py",
        k="another_address",
    ),
    m(
        "a-vivid-colours-process-override-warned",
        "preflight/press.py",
        "        apart, best = difference(given, want), difference(auto, want)",
        "        apart, best = difference(given, want), 0.0",
        "tests/test_press.py",
        k="judged",
    ),
    m(
        "a-routes-redirect-suggested-with-its-query",
        "preflight/checks.py",
        '    return last or (chosen[0] if chosen else "book")',
        "    return route",
        "tests/test_preflight.py",
        k="query",
    ),
    m(
        "a-tel-link-that-dials-nothing-passes",
        "inputs/links.py",
        "        return phone_number(rest, None)[1]",
        "        return phone_problem(rest)",
        "tests/test_messages_hostile.py",
        k="no_phone_can_dial",
    ),
    m(
        "a-hyphenated-emergency-number-unread",
        "preflight/checks.py",
        "m.group()) for m in _HYPHENED.finditer(text)]",
        "m.group()) for m in _HYPHENED.finditer(text[:0])]",
        "tests/test_emergency.py",
        k="only_whole_numbers",
    ),
    m(
        "pdfdoc-stand-in-writes-what-the-codec-refuses",
        "render/pdf.py",
        '_NOT_PLAIN = re.compile("[^\\t\\n\\r\\x20-\\x7e]")',
        '_NOT_PLAIN = re.compile("[^\\t\\n\\r\\x10-\\x7e]")',
        "tests/test_pdf.py",
        k="plain_text",
    ),
    m(
        "card-taller-than-a-page-told-as-words-to-cut",
        "layout/compose.py",
        "            if tallest > room + 0.01:",
        "            if tallest > room * 100:",
        "tests/test_adversarial_layout.py::test_a_card_taller_than_a_whole_page_is_an_error_that_says_so",
    ),
    m(
        "balancing-trial-frame-forgets-its-whole-height",
        "layout/balancing.py",
        "f.box.h - cut), full=f.whole)",
        "f.box.h - cut))",
        "tests/test_adversarial_layout.py::test_a_card_group_a_panel_can_hold_stays_in_one_panel_when_the_panels_are_balanced",
    ),
    m(
        "bifold-break-starts-the-next-column",
        "layout/flow.py",
        "if item.bookmark and (placed or (item.fresh and column)) and",
        "if item.bookmark and placed and",
        "tests/test_hints.py::test_on_the_bifold_a_break_starts_the_second_page",
        "tests/test_document.py::test_a_section_that_breaks_before_starts_the_next_page_not_the_next_column",
    ),
    m(
        "short-section-kept-whole-between-a-pages-columns",
        "layout/flow.py",
        "        return not self.leaf or after.seen != self.seen\n",
        "        return True\n",
        "tests/test_document.py::test_a_short_section_runs_on_into_a_pages_next_column_and_is_kept_whole_over_a_page",
    ),
    m(
        "bifold-columns-balanced-coarsely",
        "layout/balancing.py",
        "    for k in (*range(-REFINE_STEPS + 1, 0), *range(1, REFINE_STEPS)):",
        "    for k in ():",
        "tests/test_balance.py::test_the_bifolds_inside_spread_ends_level",
    ),
    m(
        "empty-panels-counted-by-column",
        "layout/engine.py",
        '    regions = list(dict.fromkeys(f.region for f in plan.flows.get("main", ())))',
        '    regions = [f.region for f in plan.flows.get("main", ())]',
        "tests/test_layouts.py::test_a_leaflet_of_one_sentence_is_warned_that_its_inside_panels_are_empty",
    ),
    m(
        "bifold-back-in-one-column",
        "layout/back.py",
        '    if not columns:\n        return [Frame("back", box, page)]',
        '    if True:\n        return [Frame("back", box, page)]',
        "tests/test_balance.py::test_the_bifolds_back_sets_its_sections_in_two_columns",
    ),
    m(
        "bifold-back-overflows-in-two-columns",
        "layout/back.py",
        "    for columns in (True, False) if two else (False,):",
        "    for columns in (True,) if two else (False,):",
        "tests/test_balance.py::test_a_bifolds_back_too_full_for_two_columns_keeps_one",
    ),
    m(
        "headings-wrapped-unbalanced",
        "layout/flowables.py",
        "        width = high\n",
        "        width = aw\n",
        "tests/test_balance.py::test_a_heading_that_wraps_breaks_into_lines_about_even",
    ),
    m(
        "balanced-heading-at-the-left-right-to-left",
        "layout/flowables.py",
        "place(canvas, self.para, self.width - self.inner if self.rtl else 0.0, y)",
        "place(canvas, self.para, 0.0, y)",
        "tests/test_mirrored.py::test_a_heading_broken_into_even_lines_stands_at_its_columns_right",
    ),
    m(
        "heading-family-letters-ignored",
        "theme/styles.py",
        "replace(s, heading=heading_size(s.heading, fonts))",
        "replace(s, heading=s.heading)",
        "tests/test_kit_controls.py::test_section_headings_look_the_designs_size_whatever_the_heading_family",
    ),
    m(
        "balanced-heading-wider-than-its-column",
        "layout/flowables.py",
        "    if para.shaped is None and para.minWidth() < aw:",
        "    if para.shaped is None:",
        "tests/test_balance.py::test_a_heading_with_a_word_wider_than_its_column_is_told_not_set_wider",
    ),
    m(
        "arabic-headings-grown-for-the-latin-face",
        "theme/styles.py",
        "    if not arabic_letters:  # (headings in Arabic letters",
        "    if True:  # (headings in Arabic letters",
        "tests/test_kit_controls.py::test_arabic_headings_keep_their_size_whatever_the_latin_heading_face",
    ),
    m(
        "batch-kits-read-with-their-logo",
        "batch/plan.py",
        "            brand, _ = load_brand(group.kit, logo=False)",
        "            brand, _ = load_brand(group.kit)",
        "tests/test_batch.py::test_a_batch_with_nothing_to_build_reads_no_logo_and_starts_no_worker",
    ),
    m(
        "batch-workers-made-before-anything-is-asked",
        "batch/__init__.py",
        "    return Deferred(make, jobs)\n",
        "    return make()\n",
        "tests/test_batch.py::test_a_batch_with_nothing_to_build_reads_no_logo_and_starts_no_worker",
    ),
    m(
        "qr-label-broken-unevenly",
        "layout/back.py",
        "    qr_text = Stack([(qr_label, 0.0)], balanced=True)",
        "    qr_text = Stack([(qr_label, 0.0)])",
        "tests/test_balance.py::test_a_qr_label_of_five_words_breaks_into_lines_about_even",
    ),
    m(
        "stack-balanced-label-at-the-wrong-side-rtl",
        "layout/flowables.py",
        "x + (self.width - w if rtl else 0.0)",
        "x + (self.width - w if not rtl else 0.0)",
        "tests/test_balance.py::test_the_qr_codes_label_breaks_into_lines_about_even",
    ),
    m(
        "batch-kit-hashed-without-looking",
        "batch/records.py",
        "        data, _ = read_bytes(path, KIT_FILE_BYTES)  # (a pipe",
        "        data = path.read_bytes()  # (a pipe",
        "tests/test_batch.py::test_a_kit_file_the_batch_cannot_read_is_refused_unopened",
    ),
    m(
        "unread-logo-taken-on-trust",
        "inputs/brand.py",
        "        problem = unread_problem(logo_path, r.at(logo_node, logo_key))",
        "        problem = None",
        "tests/test_batch.py::test_a_copied_kit_whose_logo_cannot_be_read_fails_alone",
    ),
    m(
        "accent-typed-apart-read-as-written",
        "inputs/reader.py",
        '        value = unicodedata.normalize("NFC", node.value).strip()',
        "        value = node.value.strip()",
        "tests/test_validation.py::test_an_accent_typed_as_a_mark_of_its_own_prints_over_its_letter",
    ),
    m(
        "accent-beside-its-letter-unsaid",
        "inputs/reader.py",
        "_lone_mark(value), _piled_marks(value), _loose_accent(value)):",
        "_lone_mark(value), _piled_marks(value)):",
        "tests/test_validation.py::test_content_mistake",
        k="accent-typed-apart",
    ),
    m(
        "rtl-words-remembered-whatever-the-colours",
        "layout/flowables.py",
        "key = None if parse is None or values is None else (parse, values)",
        "key = None if parse is None or values is None else (parse,)",
        "tests/test_remembered.py::test_arabic_words_remembered_print_in_each_builds_own_colours_and_widths_as_in_a_fresh_process",
    ),
    m(
        "rtl-operators-remembered-whatever-the-width",
        "layout/flowables.py",
        "key = None if self.words_key is None else (self.words_key, self.width, self.height)",
        "key = None if self.words_key is None else (self.words_key, self.height)",
        "tests/test_remembered.py::test_arabic_words_remembered_print_in_each_builds_own_colours_and_widths_as_in_a_fresh_process",
    ),
    m(
        "rtl-split-part-keeps-the-whole-paragraphs-key",
        "layout/flowables.py",
        "            p.words_key = None  # (some of its words)\n",
        "",
        "tests/test_remembered.py::test_the_parts_of_a_split_right_to_left_paragraph_each_print_their_own_words",
    ),
    m(
        "list-kept-whole-between-a-pages-columns",
        "layout/blocks.py",
        "            apart_in_columns=0 < i == n - 2,\n",
        "",
        "tests/test_fit.py::test_a_lists_last_item_may_start_the_next_column_of_a_page_alone_never_the_next_panel",
    ),
    m(
        "list-last-item-alone-over-a-panel",
        "layout/flow.py",
        "        return self.keep_with_next and (turn or not self.apart_in_columns)",
        "        return self.keep_with_next and not self.apart_in_columns",
        "tests/test_fit.py::test_a_lists_last_item_may_start_the_next_column_of_a_page_alone_never_the_next_panel",
    ),
    m(
        "balancing-counts-a-lists-column-break-as-stranded",
        "layout/flow.py",
        "        and item.kept(i + 1 >= len(frames) or frames[i].turns_to(frames[i + 1]))",
        "        and item.kept(True)",
        "tests/test_fit.py::test_balancing_a_pages_columns_may_start_the_next_with_a_lists_last_item",
    ),
    m(
        "contact-sheet-clinics-by-id-alone",
        "batch/manifest.py",
        "    names = {kit[0]: kit[4] for kit in (kits or {}).values() if kit is not None}\n",
        "    names: dict[str, str] = {}\n",
        "tests/test_contact_sheet.py::test_the_contact_sheet_in_a_browser",
    ),
    m(
        "stamp-without-the-code",
        "batch/records.py",
        "    code = code_digest(Path(__file__).parents[1])[:12]\n",
        '    code = "-"\n',
        "tests/test_batch.py::test_a_change_to_the_tools_own_code_builds_every_edition_again",
    ),
    m(
        "older-worker-told-as-stopped",
        "batch/__init__.py",
        'if missing is not None and (missing == "brochure" or missing.startswith("brochure.")):',
        "if False:",
        "tests/test_cluster.py::test_a_worker_with_another_brochure_that_cannot_read_the_task_says_so",
    ),
    m(
        "bifold-spread-balanced-page-by-page",
        "layout/balancing.py",
        "    side = [i for i, f in enumerate(frames) if f.page == end.page]\n",
        "    side = [i for i, f in enumerate(frames) if f.seen == end.seen]\n",
        "tests/test_balance.py::test_the_bifolds_inside_spread_ends_level",
    ),
    m(
        "lost-worker-fails-its-pool",
        "batch/__init__.py",
        "                if isinstance(executor, Deferred) and _pool_lost(future):",
        "                if False:",
        "tests/test_batch.py::test_a_worker_lost_once_costs_nothing_but_time",
    ),
    m(
        "lost-pool-fails-the-first-part-it-held",
        "batch/__init__.py",
        "            if alone and broken:  # it lost its worker",
        "            if broken:  # it lost its worker",
        "tests/test_batch.py::test_a_worker_lost_once_costs_nothing_but_time",
    ),
    m(
        "manifest-values-not-counted",
        "batch/manifest.py",
        'raw.count(b",") + raw.count(b":") > MANIFEST_VALUES_EACH * editions.count() + MANIFEST_VALUES_MORE:',
        "False:",
        "tests/test_adversarial_batch.py::test_a_huge_manifest_is_not_parsed",
    ),
    m(
        "editions-paths-resolved-each-time",
        "inputs/editions.py",
        "    if seen.resolve(base) not in seen.resolve(file).parents:",
        "    if base.resolve() not in file.resolve().parents:",
        "tests/test_adversarial_batch.py::test_an_editions_file_naming_one_long_path_thousands_of_times_is_read_at_once",
    ),
    m(
        "batch-names-not-measured",
        "commands/batch.py",
        "    if long is not None:  # (about 85 letters",
        "    if False:  # (about 85 letters",
        "tests/test_adversarial_batch.py::test_a_name_too_long_for_the_file_system_is_an_error_where_the_pattern_is_written",
    ),
    m(
        "json-at-the-batch-lock",
        "commands/batch.py",
        "    if report.resolve() == (manifest.parent / batch.LOCK).resolve():",
        "    if False:",
        "tests/test_adversarial_batch.py::test_json_at_an_input_or_a_folder_is_refused_before_anything_is_built",
    ),
    m(
        "unchanged-findings-named-from-the-last-runs-folder",
        "batch/manifest.py",
        "        if isinstance(was, str) and was != now:",
        "        if False:",
        "tests/test_batch.py::test_an_unchanged_editions_warnings_name_the_files_from_where_the_batch_runs",
    ),
    m(
        "code-digest-counts-an-editors-files",
        "batch/records.py",
        'for f in files if f.endswith(CODE_FILES) and not f.startswith(".")',
        "for f in files",
        "tests/test_batch.py::test_a_change_to_the_tools_own_code_builds_every_edition_again",
    ),
    m(
        "bifold-few-words-spread-over-both-pages",
        "layout/balancing.py",
        "    if any(frames[i].seen != end.seen for i in used if i in side):",
        "    if True:",
        "tests/test_balance.py::test_a_bifolds_few_words_stay_on_its_first_page",
    ),
    m(
        "numbers-parted-from-their-words",
        "layout/flowables.py",
        "        return together.kept_together(lines, given, super().breakLines, self.may_part)",
        "        return lines",
        "tests/test_together.py::test_no_printed_line_parts_a_number_from_its_word",
    ),
    m(
        "together-short-lines-not-kept",
        "layout/together.py",
        "        short = rest < MIN_FILL * _at(given, i) and not by_mark(words(line), words(broken.lines[i + 1]))",
        "        short = False",
        "tests/test_together.py::test_a_line_would_be_left_too_short_so_the_break_stays",
    ),
    m(
        "together-spare-room-not-given-back",
        "layout/together.py",
        "    if moved:\n        _give_back(broken, given, narrowed)",
        "    if False:\n        _give_back(broken, given, narrowed)",
        "tests/test_together.py::test_a_line_made_narrower_sits_where_its_width_puts_it",
    ),
    m(
        "together-range-word-ignored",
        "layout/together.py",
        "        b[:1].isdigit() and len(before) >= 2 and NUMBER.match(before[-2])",
        "        False and len(before) >= 2 and NUMBER.match(before[-2])",
        "tests/test_together.py",
    ),
    m(
        "svg-unreadable-colour-passed",
        "inputs/svg.py",
        '    problem, hint = _colour_problem(elements) or ("", "")',
        '    problem, hint = ("", "")',
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
        k="colour",
    ),
    m(
        "svg-icc-colour-not-read-as-srgb",
        "inputs/svg.py",
        '                value = _ICC.sub("", value)\n                el.set(name, value)',
        "                pass",
        "tests/test_assets_hostile.py::test_an_svg_logo_with_an_icc_colour_prints_its_srgb_colour",
    ),
    m(
        "svg-shapes-without-area-passed",
        "inputs/svg.py",
        "and not (x1 - x0 > w * 1e-3 and y1 - y0 > h * 1e-3):",
        "and False:",
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
        k="nothing or flattened",
    ),
    m(
        "init-id-read-as-a-number",
        "kit.py",
        "    return id_ if plain else _q(id_)",
        "    return id_",
        "tests/test_init.py::test_a_clinic_named_what_yaml_reads_as_a_number_or_yes_or_no_gets_its_kit",
    ),
    m(
        "logo-jpeg-read-as-svg",
        "inputs/logo.py",
        "    if path.suffix.lower() in PICTURE_LOGOS:\n        pic = load_picture(path)",
        '    if path.suffix.lower() == ".png":\n        pic = load_picture(path)',
        "tests/test_init.py::test_a_jpeg_logo_makes_a_kit_whose_office_and_press_editions_build",
    ),
    m(
        "together-one-letter-words-left-at-line-ends",
        "layout/together.py",
        "    if len(a) == 1 and a.isalpha() and a.islower():",
        "    if False:",
        "tests/test_together.py",
    ),
    m(
        "cover-subtitle-not-balanced",
        "layout/cover.py",
        'BALANCED = ("title", "subtitle")',
        "BALANCED = ()",
        "tests/test_layouts.py::test_the_covers_subtitle_breaks_into_even_lines",
    ),
    m(
        "heading-and-one-line-lead-in-stranded",
        "layout/flow.py",
        "            if h <= avail + EPS and _lead_in(items, k, width):",
        "            if False:",
        "tests/test_large_print.py::test_a_heading_and_a_one_line_lead_in_are_not_left_at_a_pages_foot",
    ),
    m(
        "logo-sliver-picture-passed",
        "inputs/logo.py",
        "        if max(w / h, h / w) > THINNEST:",
        "        if False:",
        "tests/test_init.py::test_a_logo_too_long_and_thin_to_print_is_refused_for_that",
    ),
    m(
        "drawing-labels-all-broken-when-one-is",
        "art/labels.py",
        "        return {k: [v] if measure(v, size) <= room else wrap2(v, measure, size) for k, v in texts.items()}",
        "        return {k: wrap2(v, measure, size) for k, v in texts.items()}",
        "tests/test_edges.py::test_drawing_labels_stacked_at_its_side_read_as_separate_labels",
    ),
    m(
        "drawing-labels-stacked-as-tight-as-their-lines",
        "art/skin.py",
        "    min_gap = size * min(1.2, max(0.75, spare / size / max(1, len(order) - 1)))",
        "    min_gap = size * 0.75",
        "tests/test_edges.py::test_drawing_labels_stacked_at_its_side_read_as_separate_labels",
    ),
    m(
        "init-asks-fallbacks-for-a-letter-no-font-has",
        "commands/init.py",
        "            if _LACKING.search(d.message) and not _fallback_for(d.message):",
        "            if False:",
        "tests/test_init.py::test_on_a_terminal_a_name_with_a_letter_no_font_has_is_asked_again",
    ),
    m(
        "lacking-letter-hint-names-no-family",
        "preflight/glyphs.py",
        "    if not having:",
        "    if True:",
        "tests/test_init.py::test_a_letter_the_fonts_lack_is_hinted_with_the_installed_families_that_have_it",
    ),
    m(
        "a-paragraphs-last-word-left-alone",
        "layout/together.py",
        "    fuller = _no_runt(broken, given, narrowed, again)",
        "    fuller = None",
        "tests/test_together.py",
    ),
    m(
        "a-runt-fixed-though-the-line-above-keeps-one-word",
        "layout/together.py",
        "    if len(words(line)) < 3:\n        return None",
        "    if len(words(line)) < 2:\n        return None",
        "tests/test_together.py::test_a_last_word_stays_alone_where_the_line_above_would_be_too_short",
    ),
    m(
        "a-title-parted-from-its-name",
        "layout/together.py",
        "    if a in TITLES and b[:1].isupper():",
        "    if False:",
        "tests/test_together.py::test_a_break_parts_a_number_from_its_word_or_not",
    ),
    m(
        "drawing-labels-shrunk-on-one-line-before-two-are-tried",
        "art/labels.py",
        "    return two if two[0] >= single[0] - 0.01 else single",
        "    return single",
        "tests/test_large_print.py::test_drawing_labels_too_long_for_one_line_go_on_two_at_a_larger_size",
    ),
    m(
        "hint-names-a-family-with-the-first-letter-only",
        "preflight/glyphs.py",
        "    return [f for f in having if all(f in families_with(ch) for ch in chars[1:])]",
        "    return having",
        "tests/test_init.py::test_the_families_a_hint_names_have_every_letter_it_lists",
    ),
    m(
        "init-blames-fallbacks-for-words-no-font-can-print",
        "commands/init.py",
        "                q = kit.question_for(d.location.key) if d.location.file == str(brand) else None",
        "                q = kit.question_for(d.location.key) if d.location.file == str(brand) else "
        'kit.question_for("fonts.fallbacks")',
        "tests/test_init.py::test_init_with_words_no_installed_font_can_print_writes_the_kit_and_names_the_words",
    ),
    m(
        "large-print-label-warning-at-the-body-font",
        "preflight/design.py",
        '    if content is not None and line.role == "label":',
        "    if False:",
        "tests/test_large_print.py::test_a_drawing_label_that_has_to_shrink_is_named",
    ),
    m(
        "rtl-lines-part-a-number-from-its-word",
        "layout/rtl.py",
        "        i = next((k for k in range(start, len(out) - 1) if _parted(out[k], out[k + 1])), None)",
        "        i = None",
        "tests/test_together.py::test_no_printed_line_parts_a_number_from_its_word",
    ),
    m(
        "rtl-last-word-left-alone",
        "layout/rtl.py",
        "    if runt and len(out[-2]) >= 3 and _may_give(out[-2], width):",
        "    if False:",
        "tests/test_together.py::test_few_paragraphs_end_with_one_word_alone",
    ),
    m(
        "a-long-word-alone-given-company",
        "layout/together.py",
        "    if _at(given, len(lines) - 1) - spare(lines[-1]) >= RUNT * _at(given, len(lines) - 1):",
        "    if False:",
        "tests/test_together.py::test_a_long_word_alone_on_the_last_line_stands_on_its_own",
    ),
    m(
        "rtl-phone-number-read-as-a-number",
        "layout/rtl.py",
        '    return ["".join(w.text + (NBSP if w.after == NBSP else "") for w in u) for u in units]',
        '    return ["".join(w.text for w in u) for u in units]',
        "tests/test_together.py::test_a_phone_number_in_arabic_stays_with_the_words_before_it",
    ),
    m(
        "an-error-after-a-signal-called-a-bug",
        "cli.py",
        "            if signals.received:  # a library's clean-up",
        "            if False:  # a library's clean-up",
        "tests/test_outputs_hostile.py::test_a_library_failing_as_a_signal_cuts_it_short_still_ends_as_the_signal",
    ),
    m(
        "short-panels-not-filled",
        "layout/engine.py",
        "_larger(plan, attempt) if keep == keeps[0] and size == sizes[0] and not grows else None",
        "None",
        "tests/test_balance.py::test_words_that_leave_the_bifolds_inside_short_are_set_larger_to_fill_it",
    ),
    m(
        "short-panels-filled-by-growing-the-back-too",
        "layout/engine.py",
        "        attempt = replace(inp, inside=inp.theme.with_body(size))",
        "        attempt = replace(inp, theme=inp.theme.with_body(size))",
        "tests/test_balance.py::test_words_that_leave_the_bifolds_inside_short_are_set_larger_to_fill_it",
    ),
    m(
        "short-panels-filled-unevenly",
        "layout/larger.py",
        "max(ys) - min(ys) <= (LEVEL_SPREAD if len(pages[side]) > 1 else LEVEL_PANELS)",
        "True",
        "tests/test_balance.py::test_words_set_larger_leave_the_tri_folds_panels_level",
    ),
    m(
        "short-panels-filled-past-a-columns-edge",
        "layout/larger.py",
        "t.overrun > OVERRUN",
        "t.overrun > 1e9",
        "tests/test_balance.py::test_words_set_larger_keep_every_word_inside_its_column",
    ),
    m(
        "short-panels-filled-past-10-5-pt",
        "theme/styles.py",
        "        top = min(self.body / math.sqrt(fill), FILL_TO)",
        "        top = self.body / math.sqrt(fill)",
        "tests/test_layouts.py::test_the_sizes_tried_to_fill_short_panels_stop_at_10_5_pt",
    ),
    m(
        "grown-type-grows-its-icons",
        "theme/styles.py",
        "        return max(1.0, self.body / (DESIGN_BODY * self.apparent * self.grown))",
        "        return max(1.0, self.body / (DESIGN_BODY * self.apparent))",
        "tests/test_layouts.py::test_the_sizes_tried_to_fill_short_panels_stop_at_10_5_pt",
    ),
    m(
        "own-size-plain-flow-flowed-again",
        "layout/engine.py",
        "                    flowed = grown if isinstance(grown, Plain) else None",
        "                    flowed = None",
        "tests/test_balance.py::test_the_own_sizes_attempt_balances_the_plain_flow_made_to_measure_it",
    ),
    m(
        "balancing-flows-every-cut",
        "layout/balancing.py",
        "    return any(c < cut and all(room >= cut - c + 2 * EPS for room in rooms) for c, rooms in flowed)",
        "    return False",
        "tests/test_balance.py::test_balancing_flows_again_only_cuts_that_could_place_the_words_otherwise",
    ),
    m(
        "balancing-skips-cuts-that-place-the-words-otherwise",
        "layout/balancing.py",
        "    return any(c < cut and all(room >= cut - c + 2 * EPS for room in rooms) for c, rooms in flowed)",
        "    return any(c < cut and all(room >= (cut - c) / 2 for room in rooms) for c, rooms in flowed)",
        "tests/test_balance.py::test_balancing_flows_again_only_cuts_that_could_place_the_words_otherwise",
    ),
    m(
        "balancing-skips-a-cut-that-splits-a-section-moved-on",
        "layout/balancing.py",
        "    return tuple(-1.0 if moved[i] else res.spare[i] for i in range(start, stop))",
        "    return tuple(res.spare[i] for i in range(start, stop))",
        "tests/test_balance.py::test_balancing_flows_again_only_cuts_that_could_place_the_words_otherwise",
    ),
    m(
        "fixed-geometry-packed-in-single-precision",
        "art/fixed.py",
        '        values = array("d", [x for _, v in segments for x in v]).tobytes()',
        '        values = array("f", [x for _, v in segments for x in v]).tobytes()',
        "tests/test_remembered.py::test_fixed_geometry_kept_packed_gives_back_the_coordinates_its_art_made",
    ),
    m(
        "fixed-geometry-placed-with-its-coordinates-out-of-step",
        "art/fixed.py",
        "        yield op, values[i : i + n]\n        i += n\n",
        "        yield op, values[i : i + n]\n        i += 2\n",
        "tests/test_remembered.py::test_fixed_geometry_kept_packed_gives_back_the_coordinates_its_art_made",
        "tests/test_remembered.py::test_fixed_geometry_placed_at_signed_zeros_prints_as_worked_out_anew",
    ),
    m(
        "fixed-geometry-placed-without-its-zeros-signs",
        "art/fixed.py",
        '    values = array("d", geometry.values).tolist()',
        '    values = [x + 0.0 for x in array("d", geometry.values).tolist()]',
        "tests/test_remembered.py::test_fixed_geometry_kept_packed_gives_back_the_coordinates_its_art_made",
    ),
    m(
        "large-print-last-spread-not-levelled",
        "layout/largeprint.py",
        "        facing=_facing(pages),\n",
        "        facing=(),\n",
        "tests/test_large_print.py::test_the_last_two_pages_facing_each_other_end_about_level",
    ),
    m(
        "large-print-spread-levelled-without-its-gaps-grown",
        "layout/engine.py",
        "        groups = [list(ended_spread(facing, res))]\n",
        "        groups = []\n",
        "tests/test_large_print.py::test_the_last_two_pages_facing_each_other_end_about_level",
    ),
    m(
        "svg-logo-painting-nothing-accepted",
        "inputs/svg.py",
        "    if painted is None:\n",
        "    if painted is None and False:\n",
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
    ),
    m(
        "svg-logo-clip-paths-ignored",
        "inputs/svg.py",
        '            if getattr(child, "isClipPath", 0):\n',
        "            if False:\n",
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
    ),
    m(
        "picture-with-nothing-in-it-accepted",
        "inputs/pictures.py",
        "            if _transparent_throughout(im):",
        "            if False:",
        "tests/test_picture_colours.py::test_a_picture_with_nothing_in_it_is_refused",
    ),
    m(
        "near-link-printed-as-written",
        "inputs/inline.py",
        '        if m.group("tight") is not None or _ADDRESS.match(m.group("spaced")):',
        "        if False:",
        "tests/test_inline.py::test_what_is_written_like_a_link_but_is_none_is_named",
        "tests/test_validation.py",
    ),
    m(
        "address-lines-printed-run-together",
        "inputs/contact.py",
        '    vals["address"] = one_line_address(str(vals["address"]))\n',
        "",
        "tests/test_messages_hostile.py::test_an_address_written_on_several_lines_prints_on_one_with_commas",
    ),
    m(
        "address-postcode-parted",
        "layout/back.py",
        "        if parted is not None:\n",
        "        if parted is not None and False:\n",
        "tests/test_messages_hostile.py::test_an_address_keeps_its_postcode_whole_at_any_width",
    ),
    m(
        "address-held-postcode-pulls-the-word-before",
        "layout/back.py",
        '        if last_kept or "\\u00a0" in words[-1] or len(words) < 3',
        "        if last_kept or len(words) < 3",
        "tests/test_messages_hostile.py::test_an_address_keeps_its_postcode_whole_at_any_width",
    ),
    m(
        "phone-no-break-spaces-refused",
        "inputs/links.py",
        "    phone = phone.translate(_WIDE_SPACES)\n",
        "",
        "tests/test_messages_hostile.py::test_a_phone_number_with_no_break_spaces_reads_as_written_with_spaces",
    ),
    m(
        "translation-range-turned-round-passed",
        "inputs/translation.py",
        "        if float(a) > float(b) and (b, a) in theirs",
        "        if float(a) < float(b) and (b, a) in theirs",
        "tests/test_translations.py::test_a_range_turned_round_or_a_percent_sign_added_is_a_warning",
    ),
    m(
        "translation-percent-sign-added-passed",
        "inputs/translation.py",
        "    if (_PERCENT.search(src) is not None) != added:",
        "    if False:",
        "tests/test_translations.py::test_a_range_turned_round_or_a_percent_sign_added_is_a_warning",
    ),
    m(
        "translation-numbers-joined-by-a-word-taken-for-a-range",
        "inputs/translation.py",
        '|[^\\W\\d_]{1,5})\\s*")',
        '|[^\\d]{1,20})\\s*")',
        "tests/test_translations.py::test_numbers_joined_by_a_word_in_the_languages_order_are_no_range_turned_round",
    ),
    m(
        "glyph-errors-one-per-text-however-many",
        "preflight/glyphs.py",
        "        if n <= MOST_TEXTS:\n",
        "        if True:\n",
        "tests/test_fallbacks.py::test_a_script_the_kits_fonts_lack_is_one_error_for_all_its_texts",
    ),
    m(
        "heading-weight-the-family-lacks-said-nothing",
        "theme/fonts.py",
        "    if chosen.weight is None or chosen.weight == spec.weight:\n",
        "    if True:\n",
        "tests/test_font_files.py::test_a_heading_weight_the_family_lacks_is_a_warning_naming_the_weights_it_has",
    ),
    m(
        "init-heading-weight-600-whatever-the-family-has",
        "kit.py",
        "    if not weights or 600 in weights:\n",
        "    if True:\n",
        "tests/test_init.py::test_the_kits_heading_weight_is_one_its_family_has",
    ),
    m(
        "cmyk-fractions-read-as-percent",
        "inputs/brand.py",
        "                if 0 < max(c, mm, y, k) <= 1:",
        "                if False:",
        "tests/test_validation.py",
    ),
    m(
        "translation-range-by-a-dash-read-as-a-minus",
        "inputs/translation.py",
        "        (m.end() - len(m.group().lstrip(_DASHES)), m.end(), _western(m.group().lstrip(_DASHES)))\n",
        "        (m.start(), m.end(), _western(m.group().lstrip(_DASHES)))\n",
        "tests/test_translations.py::test_each_way_a_range_or_a_percentage_is_turned_is_said",
    ),
    m(
        "glyph-errors-of-icons-collapsed-into-one",
        "preflight/glyphs.py",
        'return unicodedata.category(ch).startswith("L") and bool(_installed_with([ch], fonts.fallback_families))',
        "return True",
        "tests/test_fallbacks.py::test_an_icon_the_fonts_lack_is_named_in_each_text_that_has_it",
    ),
    m(
        "hang-up-not-a-stop",
        "cli.py",
        "        stops.append(signal.SIGHUP)\n",
        "        pass\n",
        "tests/test_outputs_hostile.py::test_a_closed_terminal_stops_a_command_as_sigterm_does_unless_nohup_ignores_it",
    ),
    m(
        "watch-port-without-serve-silent",
        "cli.py",
        '    ("--port", "the port the page is served on"),\n',
        "",
        "tests/test_cli_manners.py",
    ),
    m(
        "stopped-batch-keeps-old-contact-sheet",
        "batch/__init__.py",
        "            write_index(editions, every, kits)\n",
        "            write_index(editions, every[:0], kits)\n",
        "tests/test_batch.py::test_a_batch_stopped_midway_records_what_it_built_and_the_next_run_builds_the_rest",
    ),
    m(
        "stopped-editions-shown-as-built",
        "batch/__init__.py",
        '            out.append(Outcome(name, output, "stopped", 0.0, job.stamp, (STOPPED,)))\n',
        '            out.append(Outcome(name, output, "built", 0.0, job.stamp, (STOPPED,)))\n',
        "tests/test_batch.py::test_a_batch_stopped_midway_records_what_it_built_and_the_next_run_builds_the_rest",
    ),
    m(
        "old-page-pictures-kept",
        "commands/batch.py",
        "        pruned = batches.prune_thumbs(editions, remove)\n",
        "        pruned = 0\n",
        "tests/test_batch.py::test_page_pictures_of_pages_and_editions_no_longer_there_are_removed_after_a_whole_run",
    ),
    m(
        "pruning-removes-what-is-not-a-picture",
        "batch/thumbs.py",
        "        if _a_picture(Path(path)):\n",
        "        if True:\n",
        "tests/test_batch.py::test_page_pictures_of_pages_and_editions_no_longer_there_are_removed_after_a_whole_run",
    ),
    m(
        "file-of-another-kind-read-key-by-key",
        "inputs/reader.py",
        "    wrong = _another_kind(root, what, file)\n",
        "    wrong = None\n",
        "tests/test_validation.py::test_a_file_of_another_kind_is_named_as_what_it_is",
    ),
    m(
        "file-with-its-own-keys-taken-for-another-kind",
        "inputs/reader.py",
        "    if asked not in _KINDS or found & _KINDS[asked][0]:\n",
        "    if asked not in _KINDS:\n",
        "tests/test_validation.py::test_a_file_sharing_a_key_with_its_own_kind_is_read_key_by_key",
    ),
    m(
        "address-breaks-without-reportlabs-shrink",
        "layout/back.py",
        '        if wide(line + " " + word) <= width + give * count:\n',
        '        if wide(line + " " + word) <= width:\n',
        "tests/test_messages_hostile.py::test_an_address_keeps_its_postcode_whole_at_any_width",
    ),
    m(
        "dutch-postcode-parted",
        "layout/back.py",
        '    r"|[1-9][0-9]{3} [A-Z]{2}"',
        '    r"|[1-9][0-9]{3}_[A-Z]{2}"',
        "tests/test_messages_hostile.py::test_an_address_keeps_its_postcode_whole_at_any_width",
    ),
    m(
        "arabic-address-joined-with-a-latin-comma",
        "inputs/contact.py",
        '    comma = "\\u060c " if arabic else ", "',
        '    comma = ", "',
        "tests/test_messages_hostile.py::test_an_address_in_arabic_letters_on_several_lines_is_joined_with_the_arabic_comma",
    ),
    m(
        "previews-written-one-by-one",
        "output/preview.py",
        "        write_all(files)\n",
        "        for one in files:\n            write_all([one])\n",
        "tests/test_adversarial_outputs.py::test_a_preview_the_disk_cannot_hold_leaves_the_earlier_pictures_as_they_were",
    ),
    m(
        "preview-without-its-resolution",
        "output/preview.py",
        'image.save(f, format="PNG", dpi=(dpi, dpi))',
        'image.save(f, format="PNG")',
        "tests/test_adversarial_outputs.py::test_preview_pictures_say_their_resolution",
    ),
    m(
        "full-disk-said-to-be-unwritable",
        "cli.py",
        "    return exc.errno in (errno.ENOSPC, errno.EDQUOT)\n",
        "    return False\n",
        "tests/test_adversarial_outputs.py::test_a_preview_the_disk_cannot_hold_leaves_the_earlier_pictures_as_they_were",
    ),
    m(
        "output-named-as-a-picture-written-as-a-pdf",
        "cli.py",
        "        _check_endings(args)  # (after: an output onto an input, or onto a device, is told of as that)\n",
        "",
        "tests/test_adversarial_outputs.py::test_an_output_named_as_another_kind_of_file_is_refused",
    ),
    m(
        "output-ending-refused-where-a-pdf-is-already",
        "cli.py",
        '    if path.suffix.lower() == ".pdf" or os.path.exists(output):\n',
        '    if path.suffix.lower() == ".pdf":\n',
        "tests/test_adversarial_outputs.py::test_an_existing_pdf_without_the_ending_may_be_written_again",
    ),
    m(
        "translation-chinese-sentence-taken-for-a-range",
        "inputs/translation.py",
        "        if _RANGE.fullmatch(between) and (not CJK_LETTER.search(between) or _cjk_range(between)):\n",
        "        if _RANGE.fullmatch(between):\n",
        "tests/test_translations.py::test_numbers_joined_by_a_word_in_the_languages_order_are_no_range_turned_round",
    ),
    m(
        "translation-japanese-wave-dash-no-range",
        "inputs/translation.py",
        "\\u2212~\\u301c\\uff5e]|",
        "\\u2212~]|",
        "tests/test_translations.py::test_each_way_a_range_or_a_percentage_is_turned_is_said",
    ),
    m(
        "translation-unit-of-time-changed-passed",
        "inputs/translation.py",
        "        if was_units and units - was_units and was_units - units:\n",
        "        if False:\n",
        "tests/test_translations.py::test_a_number_counting_another_unit_of_time_is_a_warning",
    ),
    m(
        "translation-unit-in-chinese-letters-not-read",
        "inputs/units.py",
        "        return max(found)[1] if found else None",
        "        return None",
        "tests/test_translations.py::test_units_of_time_are_read_in_each_script",
    ),
    m(
        "translation-polish-case-taken-for-no-unit",
        "inputs/units.py",
        '"miesiąca", "miesiącach",',
        '"miesiąca",',
        "tests/test_translations.py::test_units_of_time_are_read_in_each_script",
    ),
    m(
        "svg-logo-clip-path-widened-by-its-stroke",
        "inputs/svg.py",
        "_drawn_bounds(_unpainted(child), t)",
        "_drawn_bounds(child, t)",
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
    ),
    m(
        "words-to-cut-counted-on-whole-last-lines",
        "layout/compose.py",
        "            lines += max(1.0, (stringWidth(",
        "            lines += math.ceil((stringWidth(",
        "tests/test_fit.py::test_the_words_to_cut_are_about_the_words_that_must_go",
    ),
    m(
        "arabic-comma-in-a-latin-address",
        "inputs/contact.py",
        "    arabic = len(_ARABIC_LETTER.findall(address)) > len(_LATIN_LETTER.findall(address))",
        "    arabic = bool(_ARABIC_LETTER.findall(address))",
        "tests/test_messages_hostile.py::test_an_address_in_arabic_letters_on_several_lines_is_joined_with_the_arabic_comma",
    ),
    m(
        "translation-age-in-chinese-read-as-weeks",
        "inputs/units.py",
        "        return max(found)[1] if found else None",
        "        return found[0][1] if found else None",
        "tests/test_translations.py::test_units_of_time_are_read_in_each_script",
    ),
    m(
        "failed-editions-page-pictures-pruned",
        "batch/thumbs.py",
        "                (keep if failures and name not in made else remove)[t] = None\n",
        "                remove[t] = None\n",
        "tests/test_batch.py::test_an_edition_that_fails_keeps_its_page_pictures_with_its_last_pdf",
    ),
    m(
        "report-of-an-unwritten-pdf-says-no-errors",
        "cli.py",
        "[*found, *([unwritten] if unwritten else [])]",
        "found",
        "tests/test_adversarial_outputs.py::test_a_report_of_a_run_whose_output_cannot_be_written_says_so",
    ),
    m(
        "pictures-kept-by-a-failed-run-never-removed",
        "batch/manifest.py",
        '    out[""] = _list(data.get("kept_thumbs"))\n',
        '    out[""] = []\n',
        "tests/test_batch.py::test_pictures_kept_by_a_failed_run_are_removed_by_a_later_whole_run",
    ),
    m(
        "pruning-follows-a-link-out-of-thumbs",
        "batch/thumbs.py",
        " or not _inside(path, real):\n",
        ":\n",
        "tests/test_batch.py::test_pruning_never_reaches_outside_out_thumbs",
    ),
    m(
        "translation-chinese-range-after-a-unit-missed",
        "inputs/translation.py",
        "        if word == w or (word.endswith(w) and unit_after(",
        "        if word == w or (False and unit_after(",
        "tests/test_translations.py::test_each_way_a_range_or_a_percentage_is_turned_is_said",
    ),
    m(
        "swedish-postcode-parted",
        "layout/back.py",
        '    r"|[0-9]{3} [0-9]{2}"',
        '    r"|[0-9]{3}_[0-9]{2}"',
        "tests/test_messages_hostile.py::test_an_address_keeps_its_postcode_whole_at_any_width",
    ),
    m(
        "irish-eircode-parted",
        "layout/back.py",
        "|D6W) [0-9AC-FHKNPRTV-Y]{4})",
        "|D6W)_[0-9AC-FHKNPRTV-Y]{4})",
        "tests/test_messages_hostile.py::test_an_address_keeps_its_postcode_whole_at_any_width",
    ),
    m(
        "placed-words-told-to-cut-with-no-room",
        "layout/compose.py",
        "    if room >= least:",
        "    if True:",
        "tests/test_fit.py::test_a_section_the_back_has_no_room_for_is_told_to_move_not_to_cut",
    ),
    m(
        "placed-words-not-told-to-flow-inside",
        "layout/compose.py",
        "    if section.place is not None:",
        "    if False:",
        "tests/test_fit.py::test_a_placed_section_that_can_be_cut_is_told_both",
    ),
    m(
        "editions-naming-a-file-of-another-kind-builds-each",
        "inputs/editions.py",
        "    other = seen.kind(seen.resolve(file), asked)",
        "    other = None",
        "tests/test_batch.py::test_a_mistake_in_the_editions_file_is_an_error_where_it_is_written",
    ),
    m(
        "unreadable-editions-handed-out-last",
        "batch/__init__.py",
        "        return math.inf  #",
        "        return 0.0  #",
        "tests/test_batch.py::test_editions_whose_words_cannot_be_read_are_told_first",
    ),
    m(
        "marks-touch-the-bleed",
        "geometry/marks.py",
        "sheet.bleed + MARK_GAP, MARK_LENGTH",
        "sheet.bleed, MARK_LENGTH",
        "tests/test_mutants_press.py::test_crop_and_fold_marks_lie_outside_the_bleed",
    ),
    m(
        "office-pdf-fitted-to-the-printable-area",
        "render/pdf.py",
        '        canvas.setViewerPreference("PrintScaling", "None")',
        "        pass",
        "tests/test_edges.py::test_the_office_edition_asks_to_be_printed_at_its_size",
    ),
    m(
        "kit-made-away-from-words-only-loaded",
        "commands/init.py",
        "    return PROOF_WORDS, True",
        "    return words, False",
        "tests/test_init.py::test_a_kit_made_away_from_any_words_is_checked_as_one_made_beside_them",
    ),
    m(
        "translation-number-to-call-excused-away",
        "inputs/translation.py",
        "    changed = [(n, at) for n, at in given if n in changes and changes[n] not in EMERGENCY]",
        "    changed = []",
        "tests/test_translations.py::test_a_translation_that_changes_the_number_to_call_for_urgent_help_to_none_is_warned",
    ),
    m(
        "translation-nhs-111-taken-for-the-number-to-call",
        "vocabulary.py",
        'AMBULANCE = ("000", "112", "911", "999")',
        'AMBULANCE = ("000", "111", "112", "911", "999")',
        "tests/test_translations.py::test_a_translation_that_changes_the_number_to_call_for_urgent_help_to_none_is_warned",
    ),
    m(
        "pasteable-pip-command-of-a-hostile-family-name",
        "theme/fonts.py",
        "        if not _PACKAGE_WORDS.fullmatch(slug):",
        "        if False:",
        "tests/test_fallbacks.py::test_a_fallback_that_cannot_be_used_is_an_error_at_its_key",
    ),
    m(
        "blank-glyph-taken-from-a-fallback",
        "preflight/glyphs.py",
        "            if code in blank(font)  #",
        "            if False  #",
        "tests/test_assets_hostile.py::test_a_font_whose_letters_are_drawn_empty_is_an_error",
    ),
    m(
        "blank-glyph-taken-for-a-drawn-one",
        "theme/fonts.py",
        "        if glyph + 1 < len(pos) and pos[glyph] == pos[glyph + 1] and",
        "        if glyph + 1 < len(pos) and pos[glyph] == pos[glyph + 1] + 1 and",
        "tests/test_assets_hostile.py::test_a_font_whose_letters_are_drawn_empty_is_an_error",
    ),
    m(
        "translation-seconds-not-read",
        "inputs/units.py",
        '"segundo", "segundos", "seg",',
        '"segundo", "seg",',
        "tests/test_translations.py::test_units_of_time_are_read_in_each_script",
    ),
    m(
        "digits-of-another-script-not-warned",
        "inputs/content.py",
        "    _check_digits(r, language)\n",
        "",
        "tests/test_translations.py::test_a_number_in_digits_its_readers_do_not_read_is_warned",
    ),
    m(
        "arabic-digits-warned-in-an-arabic-leaflet",
        "inputs/content.py",
        '    return not ch.isascii() and not _named(ch).startswith(("FULLWIDTH", *own))',
        "    return not ch.isascii()",
        "tests/test_translations.py::test_a_number_in_digits_its_readers_do_not_read_is_warned",
    ),
    m(
        "stop-raised-inside-a-compiled-modules-set-up",
        "collector.py",
        "    held = _hold_stops()\n",
        "    held = None\n",
        "tests/test_outputs_hostile.py::test_a_stop_while_the_modules_load_waits_until_they_have",
    ),
    m(
        "paragraph-turned-right-to-left-by-its-first-word-unsaid",
        "inputs/content.py",
        '        if kinds.count("L") > kinds.count("R") + kinds.count("AL"):',
        "        if False:",
        "tests/test_translations.py::test_a_paragraph_that_starts_with_arabic_in_a_spanish_leaflet_is_warned",
    ),
    m(
        "drawing-of-blank-layers-unsaid",
        "preflight/seen.py",
        "    if apart >= ARTWORK_SEEN:\n        return []\n    for n, page",
        "    if True:\n        return []\n    for n, page",
        "tests/test_preflight.py::test_a_drawing_whose_layers_would_print_invisible_is_a_warning_at_the_secondary",
    ),
    m(
        "font-search-for-a-script-names-no-installed-family",
        "commands/fonts.py",
        "    covering = [r for r in reports if any(_names_script(word, script) for script in r.scripts)]",
        "    covering: list[Any] = []",
        "tests/test_fonts_search.py::test_a_search_for_a_script_names_the_installed_families_that_have_its_letters",
    ),
    m(
        "logo-of-the-other-kind-read-by-its-ending",
        "inputs/logo.py",
        "    mismatch = _misnamed(path, at)\n",
        "    mismatch = None\n",
        "tests/test_assets_hostile.py::test_a_logo_whose_bytes_are_of_the_other_kind_is_told_to_be_renamed",
    ),
    m(
        "svg-without-its-namespace-said-to-be-no-svg",
        "inputs/svg.py",
        '    if root is not None and root.tag == "svg":',
        "    if False:",
        "tests/test_assets_hostile.py::test_a_bad_svg_logo_is_refused_at_logo",
        k="no-namespace",
    ),
    m(
        "reference-said-uncited-after-its-text-was-refused",
        "inputs/references.py",
        "    if any(d.is_error for d in r.diags):  #",
        "    if False:  #",
        "tests/test_validation.py::test_a_refused_text_does_not_make_its_references_uncited",
    ),
    m(
        "init-beside-a-logo-not-told-to-use-it",
        "commands/init.py",
        '; or " if there.stem == "logo" else ""',
        '; or " if False else ""',
        "tests/test_init.py::test_a_folder_with_the_clinics_logo_already_says_how_to_use_it",
    ),
    m(
        "translation-number-to-call-given-elsewhere-not-seen",
        "inputs/translation.py",
        "    if not changed or any(_ambulance(text)",
        "    if not changed or False and any(_ambulance(text)",
        "tests/test_translations.py::test_a_translation_that_changes_the_number_to_call_for_urgent_help_to_none_is_warned",
    ),
    m(
        "translation-new-zealands-111-taken-for-no-number-to-call",
        "inputs/translation.py",
        "changes[n] not in EMERGENCY]",
        "changes[n] not in AMBULANCE]",
        "tests/test_translations.py::test_a_translation_that_changes_the_number_to_call_for_urgent_help_to_none_is_warned",
    ),
    m(
        "placed-hint-names-the-place-not-as-written",
        "layout/compose.py",
        "    return f\"'{inp.layout}: {mapped}'\" if mapped is not None else",
        "    return f\"'{inp.layout}: {mapped}'\" if False else",
        "tests/test_fit.py::test_a_section_the_back_has_no_room_for_is_told_to_move_not_to_cut",
    ),
    m(
        "full-width-digits-taken-for-another-scripts",
        "inputs/content.py",
        '    return not ch.isascii() and not _named(ch).startswith(("FULLWIDTH", *own))',
        "    return not ch.isascii() and not _named(ch).startswith(own)",
        "tests/test_translations.py::test_a_number_in_digits_its_readers_do_not_read_is_warned",
    ),
    m(
        "init-writes-a-mark-beside-the-clinics-logo",
        "kit.py",
        '    others = () if source else tuple(folder / f"logo{end}" for end in PICTURE_LOGOS)',
        "    others: tuple[Path, ...] = ()",
        "tests/test_init.py::test_a_folder_with_the_clinics_logo_already_says_how_to_use_it",
    ),
    m(
        "letters-drawn-empty-and-lacking-said-as-one",
        "preflight/glyphs.py",
        "            empty = any(ord(ch) in blank(font) for _, font in missing)\n",
        "            empty = False\n",
        "tests/test_assets_hostile.py::test_a_letter_drawn_as_nothing_and_one_lacking_are_told_apart",
    ),
    m(
        "an-installed-familys-missing-files-told-to-the-kit",
        "theme/fonts.py",
        "    if spec.family is None:\n        return error(\n            _file_at(spec, path),",
        "    if True:\n        return error(\n            _file_at(spec, path),",
        "tests/test_fonts_catalog.py::test_a_kit_naming_an_installed_family_whose_files_are_gone_is_told_to_install_it_again",
    ),
    m(
        "a-missing-face-called-damaged",
        "theme/catalog.py",
        '    what = "is missing" if not path.exists() else',
        '    what = "is missing" if False else',
        "tests/test_fonts_catalog.py::test_a_damaged_installed_family_is_listed_as_unusable_not_a_crash",
    ),
    m(
        "pdf-refused-by-a-race-leaves-no-report",
        "cli.py",
        '        found = error(Location(str(path)), f"cannot write {what}: {option} {exc}", "choose another file")',
        '        raise UsageError(f"{option} {exc.strerror} (hint: choose another file)") from None',
        "tests/test_outputs_hostile.py::test_a_pdf_refused_by_a_race_after_the_checks_is_an_error_in_the_report",
    ),
    m(
        "rtl-line-read-without-the-space-it-broke-at",
        "layout/rtl.py",
        '        text = carry + "".join(w.text + w.after for w in stretch)',
        '        text = carry + "".join(w.text + (w.after if w is not line[-1] else "") for w in stretch)',
        "tests/test_bidi.py::test_a_paragraphs_lines_read_one_after_another_keep_their_word_breaks",
    ),
    m(
        "batch-stopped-hides-its-failures",
        "batch/manifest.py",
        '    done = [o for o in every if o.status != "stopped"]',
        '    done = [o for o in every if o.status not in ("stopped", "failed")]',
        "tests/test_batch.py::test_a_batch_stopped_midway_records_its_failures_as_the_contact_sheet_shows_them",
    ),
    m(
        "batch-stopped-writes-no-report",
        "batch/__init__.py",
        "                stopped(every, left)\n",
        "                pass\n",
        "tests/test_batch.py::test_a_batch_stopped_midway_records_its_failures_as_the_contact_sheet_shows_them",
    ),
    m(
        "left-in-place-listed-once",
        "batch/manifest.py",
        '        "left_in_place": left,',
        '        "left_in_place": [],',
        "tests/test_batch.py::test_an_edition_dropped_from_the_file_is_listed_not_deleted",
    ),
    m(
        "batch-write-error-names-the-temporary-file",
        "batch/__init__.py",
        '            why = f"cannot write its PDF and page pictures{written_into(exc)}: {exc.strerror or exc}"',
        "            why = str(exc)",
        "tests/test_batch.py::test_a_batch_stopped_midway_records_its_failures_as_the_contact_sheet_shows_them",
    ),
    m(
        "paper-named-as-the-kits-own-builds-again",
        "batch/plan.py",
        '{layout}|{paper or own}|{target}".encode()),',
        '{layout}|{paper}|{target}".encode()),',
        "tests/test_batch.py::test_a_paper_named_as_the_kits_own_is_the_same_edition",
    ),
    m(
        "unreadable-kits-editions-named-kit",
        "batch/records.py",
        "        declared = (brand.id, brand.paper) if brand is not None else declared_names(reached(task, task.kit))",
        "        declared = (brand.id, brand.paper) if brand is not None else (None, None)",
        "tests/test_batch.py::test_the_editions_of_a_kit_that_cannot_be_read_are_named_by_its_paper",
    ),
    m(
        "unreadable-kits-paper-given-taken-for-a4",
        "inputs/brand.py",
        '        chosen = paper if "paper" in top else "a4"',
        '        chosen = "a4"',
        "tests/test_batch.py::test_the_editions_of_a_kit_that_cannot_be_read_are_named_by_its_paper",
    ),
    m(
        "shared-output-folder-looked-for-through-its-link",
        "batch/manifest.py",
        "    other = Path(os.path.normpath(here / owner))",
        "    other = (here / owner).resolve()",
        "tests/test_adversarial_batch.py::test_two_editions_files_writing_to_one_folder_are_an_error_before_anything_is_built",
    ),
    m(
        "output-pattern-going-up-called-not-relative",
        "inputs/editions.py",
        "the output pattern has '..': write it without (its PDFs go in the editions file's folder or in it)",
        "the output pattern is not a relative path ending .pdf",
        "tests/test_adversarial_batch.py::test_an_output_pattern_outside_its_folder_is_told_what_is_wrong_with_it",
    ),
    m(
        "report-in-a-folder-not-writable-found-after-the-build",
        "commands/batch.py",
        "    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):",
        "    if False:",
        "tests/test_adversarial_batch.py::test_a_report_in_a_folder_that_cannot_be_written_is_refused_before_anything_is_built",
    ),
    m(
        "manifest-unwritten-names-its-temporary-file",
        "output/files.py",
        '    return f" into {Path(exc.filename).parent}" if isinstance(exc.filename, str) else ""',
        '    return f" ({exc.filename})" if isinstance(exc.filename, str) else ""',
        "tests/test_adversarial_batch.py::test_a_lock_or_manifest_that_cannot_be_written_is_told_with_a_hint",
    ),
    m(
        "french-mark-kept-only-where-the-line-stays-full",
        "layout/together.py",
        "        short = rest < MIN_FILL * _at(given, i) and not by_mark(words(line), words(broken.lines[i + 1]))",
        "        short = rest < MIN_FILL * _at(given, i)",
        "tests/test_together.py::test_a_mark_typed_apart_from_its_word_never_starts_or_ends_a_line",
    ),
    m(
        "french-mark-parted-from-its-word",
        "layout/together.py",
        "    if by_mark(before, after):\n",
        "    if False:\n",
        "tests/test_together.py::test_a_break_parts_a_number_from_its_word_or_not",
    ),
    m(
        "french-paragraph-never-looked-at",
        "layout/together.py",
        r"""_MAY_PART = re.compile(rf"\d|(?<!\S)[^\W\d_](?=\s)|\s[{CLOSING}]|[{OPENING}]\s")""",
        r"""_MAY_PART = re.compile(rf"\d|(?<!\S)[^\W\d_](?=\s)")""",
        "tests/test_together.py::test_a_mark_typed_apart_from_its_word_never_starts_or_ends_a_line",
    ),
    m(
        "unit-after-an-adjective-not-read",
        "inputs/units.py",
        "    if word.lower() in BETWEEN:",
        "    if False:",
        "tests/test_translations.py::test_units_of_time_are_read_in_each_script",
    ),
    m(
        "left-in-place-kept-without-its-edition",
        "batch/manifest.py",
        '        entry = {"edition": e.get("edition"), "output": e.get("output"), "inputs": e.get("inputs")}',
        '        entry = {"output": e.get("output")}',
        "tests/test_batch.py::test_an_edition_named_again_that_fails_keeps_its_pdf_not_left_in_place",
    ),
    m(
        "stopped-run-lists-outputs-its-editions-write",
        "batch/manifest.py",
        "    gone, held = _gone([*previous, *left], every)",
        "    gone, held = _gone([*previous, *left], done)",
        "tests/test_batch.py::test_an_edition_named_again_that_fails_keeps_its_pdf_not_left_in_place",
    ),
    m(
        "stopped-report-says-nothing-left-in-place",
        "commands/batch.py",
        "        _batch_report(console, json_at, every, left)",
        "        _batch_report(console, json_at, every, [])",
        "tests/test_batch.py::test_a_stopped_batch_writes_its_report",
    ),
    m(
        "output-pattern-on-a-windows-drive-taken",
        "inputs/editions.py",
        '    elif value.startswith("/") or PureWindowsPath(value).drive:',
        '    elif value.startswith("/"):',
        "tests/test_adversarial_batch.py::test_an_output_pattern_outside_its_folder_is_told_what_is_wrong_with_it",
    ),
    m(
        "call-to-action-without-a-bookmark",
        "layout/back.py",
        "    placed = [replace(p, bookmark=title) if p.flowable is heading else p for p in placed]",
        "    placed = list(placed)",
        "tests/test_layout.py::test_one_bookmark_per_section_in_reading_order",
    ),
    m(
        "carried-number-leaves-its-acronym-behind",
        "layout/together.py",
        "            if i in undo:",
        "            if False:",
        "tests/test_together.py::test_a_carried_number_does_not_leave_its_acronym_behind",
    ),
    m(
        "first-day-of-the-month-written-plainly",
        "words.py",
        "    number = words.first_day.format(day=day.day) if day.day == 1 else str(day.day)",
        "    number = str(day.day)",
        "tests/test_document.py::test_a_language_may_write_the_months_first_day_as_it_does",
    ),
    m(
        "large-print-shrunk-labels-named-by-the-first",
        "preflight/design.py",
        "    r, n, line = max((p for p in small if p[0].size <= smallest + 0.01), key=lambda rp: len(rp[2].text"
        ".strip()))",
        "    r, n, line = min(small, key=lambda rp: rp[0].size)",
        "tests/test_large_print.py::test_a_drawing_label_that_has_to_shrink_is_named",
    ),
    m(
        "translation-same-on-purpose-still-flagged",
        "inputs/translation.py",
        "            if text in same or plain(text) in same:",
        "            if False:",
        "tests/test_translations.py::test_a_text_the_same_in_both_languages_may_be_named_as_such",
    ),
    m(
        "pdf-title-punctuated-in-english",
        "api.py",
        "        title=c.tool_words.pdf_title.format(title=title, subtitle=subtitle),",
        '        title=f"{title}: {subtitle}",',
        "tests/test_document.py::test_a_language_may_write_the_months_first_day_as_it_does",
    ),
    m(
        "translation-added-item-said-at-the-lists-first",
        "inputs/translation.py",
        "        at = ours[b[sorted(b)[added[0]]][0]][1]  # (where the first item the source lacks is written)",
        "        pass",
        "tests/test_translations.py::test_a_block_the_source_lacks_is_an_error_where_it_is_written",
    ),
    m(
        "translation-items-told-apart-without-their-kind",
        "inputs/translation.py",
        "    return numbers, tuple(citations(joined)), tuple(links(joined)), kind",
        "    return numbers, tuple(citations(joined)), tuple(links(joined)), ()",
        "tests/test_translations.py::test_a_block_the_source_lacks_is_an_error_where_it_is_written",
    ),
    m(
        "picture-named-before-it-came-never-watched",
        "live/session.py",
        "            now = replace(now, files=now.files | self.watching().files, awaited=awaited)",
        "            now = replace(now, files=now.files | self.watching().files)",
        "tests/test_live.py::test_a_picture_named_before_it_is_copied_in_is_built_when_it_comes",
    ),
    m(
        "picture-awaited-in-a-new-folder-unseen",
        "live/watcher.py",
        "        return sorted(held | nearest)",
        "        return sorted(held)",
        "tests/test_live.py::test_a_picture_named_before_it_is_copied_in_is_built_when_it_comes",
    ),
    m(
        "picture-being-copied-in-not-watched",
        "inputs/blocks.py",
        'picture.message}", picture.hint, full)',
        'picture.message}", picture.hint)',
        "tests/test_live.py::test_a_picture_named_before_it_is_copied_in_is_built_when_it_comes",
    ),
    m(
        "family-misspelt-told-to-pip-install-a-made-up-package",
        "theme/fonts.py",
        """        return None, f"font family '{spec.family}' is not installed ({not_installed(spec.family)})\"""",
        """        return None, f"font family '{spec.family}' is not installed (try: pip install fontpkg-{slug})\"""",
        "tests/test_fonts_catalog.py::test_a_family_not_installed_is_told_what_is_there_never_a_made_up_package",
    ),
    m(
        "live-page-looks-up-to-date-with-the-server-gone",
        "live/page/app.js",
        "  say(text);\n  offline(true);\n",
        "  say(text);\n",
        "tests/test_live.py::test_the_live_page_follows_saves_errors_and_switches",
    ),
    m(
        "broken-svg-said-at-the-kits-line",
        "inputs/svg.py",
        "            Location(str(path), line, column),  # (where in the SVG file, not the kit's line naming it)",
        "            at,",
        "tests/test_validation.py::test_unusable_logo_svg",
    ),
    m(
        "live-switch-written-into-the-file-o-names",
        "live/session.py",
        "        pdf_path = given if given is not None and _same_edition(choice, self._first) else own",
        "        pdf_path = given or own",
        "tests/test_live.py::test_o_names_the_edition_asked_for_and_others_chosen_on_the_page_keep_their_own_names",
    ),
    m(
        "served-to-the-network-says-only-0-0-0-0",
        "live/command.py",
        '            if args.host in ("0.0.0.0", "::"):',
        "            if False:",
        "tests/test_live.py::test_served_to_the_network_it_answers_addresses_and_its_own_name_and_caps_what_it_holds",
    ),
    m(
        "watched-words-deleted-told-to-pass-content",
        "live/session.py",
        "        diags = [self._gone(d) for d in diags]",
        "        pass",
        "tests/test_live.py::test_words_deleted_while_watched_are_told_to_come_back_and_built_when_they_do",
    ),
    m(
        "citation-number-read-run-into-its-word",
        "render/structure.py",
        "            elif words and cited[start]:",
        "            elif False:",
        "tests/test_tagged.py::test_a_citations_number_is_read_as_a_reference_in_brackets_not_run_into_its_word",
    ),
    m(
        "batch-stop-as-workers-end-reports-nothing",
        "batch/__init__.py",
        "        executor.shutdown()  # (a stop while the workers end is a stop: every edition recorded, and reported)",
        "        pass",
        "tests/test_batch.py::test_a_stop_while_the_workers_end_records_and_reports_every_edition",
    ),
    m(
        "batch-stop-while-manifest-written-reports-nothing",
        "commands/batch.py",
        "            stopped(outcomes, batches.record_stopped(editions, outcomes))",
        "            pass",
        "tests/test_batch.py::test_a_stop_while_the_manifest_is_written_records_and_reports_every_edition",
    ),
    m(
        "chinese-set-as-if-broken-at-spaces",
        "preflight/glyphs.py",
        '        found["CJK"] = (run.group()[0], "", "breaks")',
        "        pass",
        "tests/test_translations.py::test_chinese_or_japanese_is_one_error_that_no_font_or_soft_hyphen_mends",
    ),
    m(
        "unshapeable-script-told-a-font-mends-it",
        "preflight/glyphs.py",
        '            mend = "" if cause[-1] in UNSET else',
        '            mend = "" if False else',
        "tests/test_translations.py::test_chinese_or_japanese_is_one_error_that_no_font_or_soft_hyphen_mends",
    ),
    m(
        "greek-capitals-keep-their-accents",
        "inputs/inline.py",
        "        s = escape_text(in_capitals(run.text) if capitals else run.text)",
        "        s = escape_text(run.text.upper() if capitals else run.text)",
        "tests/test_fallbacks.py::test_a_greek_kicker_prints_in_capitals_without_accents",
    ),
    m(
        "greek-capitals-run-parted-vowels-together",
        "inputs/inline.py",
        "        if parted + base.lower() in _DIPHTHONGS and",
        "        if False and",
        "tests/test_fallbacks.py::test_a_greek_kicker_prints_in_capitals_without_accents",
    ),
    m(
        "drawing-label-prints-its-soft-hyphens",
        "art/skin.py",
        '.replace("\\xad", "").replace("\\u200b", "").strip() for key',
        ".strip() for key",
        "tests/test_edges.py::test_a_drawing_label_prints_no_soft_hyphen",
    ),
    m(
        "large-print-in-a-fallbacks-letters-not-grown",
        "theme/styles.py",
        "    if height is None and not arabic:",
        "    if False:",
        "tests/test_large_print.py::test_large_print_in_a_fallbacks_letters_is_set_by_them",
    ),
    m(
        "cluster-without-workers-waits-for-ever",
        "cluster.py",
        "            if since is None or now - since < NO_WORKER_SECONDS:",
        "            if True:",
        "tests/test_cluster.py::test_a_cluster_that_loses_every_worker_fails_what_waits_saying_so",
    ),
    m(
        "scheduler-lost-said-as-a-dropped-task",
        "cluster.py",
        '    lost = client.status != "running"',
        "    lost = False",
        "tests/test_cluster.py::test_a_cluster_that_loses_its_scheduler_says_so",
    ),
    m(
        "cluster-asked-with-nothing-to-build",
        "commands/batch.py",
        "        unchanged = args.scheduler is not None and not args.force and",
        "        unchanged = False and",
        "tests/test_cluster.py::test_with_nothing_to_build_the_cluster_is_not_asked",
    ),
    m(
        "tls-without-settings-waited-on",
        "cluster.py",
        '    if scheme == "tls" and not tls:',
        "    if False:",
        "tests/test_cluster.py::test_a_scheduler_that_cannot_be_reached_is_an_error_before_anything_is_built",
    ),
    m(
        "unknown-host-waited-on",
        "cluster.py",
        "        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)",
        "        pass",
        "tests/test_cluster.py::test_a_scheduler_that_cannot_be_reached_is_an_error_before_anything_is_built",
    ),
    m(
        "cluster-lost-task-told-the-generic-hint",
        "batch/__init__.py",
        "        return all_failed(task, str(exc))\n",
        "        raise\n",
        "tests/test_cluster.py::test_a_task_the_cluster_lost_fails_with_the_clusters_words_whole",
    ),
    m(
        "worker-that-cannot-see-told-to-pass-content",
        "batch/worker.py",
        "        unseen = _unseen(task)",
        '        unseen = ""',
        "tests/test_cluster.py::test_a_worker_that_cannot_see_the_inputs_says_so_and_the_editions_keep_their_names",
    ),
    m(
        "failed-edition-named-by-the-workers-view",
        "batch/__init__.py",
        "            made = [keep(_named_here(m, parts[n][1]), base) for m in",
        "            made = [keep(m, base) for m in",
        "tests/test_cluster.py::test_a_worker_that_cannot_see_the_inputs_says_so_and_the_editions_keep_their_names",
    ),
    m(
        "bengali-full-stop-said-as-devanagari",
        "preflight/glyphs.py",
        "        if SHARED.match(ch) and indic:",
        "        if False:",
        "tests/test_translations.py::test_a_script_brochure_cannot_shape_is_an_error_at_its_text",
    ),
    m(
        "list-separator-refused-without-saying-why",
        "inputs/content.py",
        '            f"the list separator, written as {shorten(str(node.value))!r}, {why}",',
        '            f"the list separator is written as {shorten(str(node.value))!r}",',
        "tests/test_adversarial_today.py::test_a_list_separator_refused_says_why",
    ),
    m(
        "chinese-refused-in-any-leaflet-at-any-letter",
        "preflight/glyphs.py",
        "    run = (_CJK if cjk else _CJK_RUN).search(text)",
        "    run = _CJK.search(text)",
        "tests/test_translations.py::test_chinese_or_japanese_is_refused_by_the_leaflets_language_or_a_sentences_run",
    ),
    m(
        "chinese-leaflet-refused-only-at-a-sentences-run",
        "preflight/glyphs.py",
        "    run = (_CJK if cjk else _CJK_RUN).search(text)",
        "    run = _CJK_RUN.search(text)",
        "tests/test_translations.py::test_chinese_or_japanese_is_refused_by_the_leaflets_language_or_a_sentences_run",
    ),
    m(
        "stopped-batch-leaves-its-cluster-tasks-running",
        "cluster.py",
        "                theirs.cancel()\n\n        ours.add_done_callback(cancelled)",
        "                pass\n\n        ours.add_done_callback(cancelled)",
        "tests/test_cluster.py::test_a_stopped_batch_cancels_its_tasks_on_the_cluster",
    ),
    m(
        "watched-kit-file-deleted-told-nothing",
        "live/session.py",
        '        file = d.awaits or ("" if d.location.line else d.location.file)',
        '        file = "" if d.location.line else d.location.file',
        "tests/test_live.py::test_words_deleted_while_watched_are_told_to_come_back_and_built_when_they_do",
    ),
    m(
        "font-search-for-a-refused-script-says-nothing",
        "commands/fonts.py",
        "    if unset:  # (a family with its letters would not make a leaflet in it: the build refuses the words)",
        "    if False:",
        "tests/test_fonts_search.py::test_a_script_the_build_refuses_is_said_so_first",
    ),
    m(
        "projects-sharing-a-linked-out-not-told",
        "batch/manifest.py",
        '    elsewhere = _linked_owner(last.get("written_from"), editions, path.parent)',
        "    elsewhere = None",
        "tests/test_adversarial_batch.py::test_two_projects_whose_out_links_to_one_shared_folder_are_an_error",
    ),
    m(
        "bifold-break-named-a-column",
        "layout/hints.py",
        '        return "page" if brk else "column"',
        '        return "column"',
        "tests/test_hints.py::test_on_the_bifold_a_section_kept_whole_must_fit_a_column_and_a_break_needs_a_page_left",
    ),
)


def rotten(mutants: tuple[Mutant, ...]) -> list[str]:
    """Why each mutant no longer fits the code (its snippet missing, or not unique), and duplicate names."""
    problems: list[str] = []
    seen: set[str] = set()
    for mu in mutants:
        if mu.name in seen:
            problems.append(f"{mu.name}: the name is used twice")
        seen.add(mu.name)
        path = PACKAGE / mu.file
        if not path.is_file():
            problems.append(f"{mu.name}: brochure/{mu.file} does not exist")
            continue
        n = path.read_text(encoding="utf-8").count(mu.old)
        if n != 1:
            problems.append(f"{mu.name}: its snippet occurs {n} times in brochure/{mu.file}, not once: {mu.old!r}")
        if mu.old == mu.new:
            problems.append(f"{mu.name}: the replacement is the snippet itself")
    return problems


@contextmanager
def package_copy() -> Iterator[Path]:
    """A temporary folder holding a copy of brochure/ (no bytecode), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="brochure-mutant-") as tmp:
        shutil.copytree(PACKAGE, Path(tmp) / "brochure", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        yield Path(tmp)


_children: set[subprocess.Popen[str]] = set()  # pytest runs under way (stopped at once when we are interrupted)
_stopping = threading.Event()


def pytest(copy: Path, args: list[str], timeout: float | None) -> tuple[int | None, str, float]:
    """(pytest's exit status or None on timeout, its output, seconds) for args, importing brochure from copy."""
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", "1796083200")
    cmd = [sys.executable, "-P", "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", *args]
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    _children.add(proc)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(proc)
        out, _ = proc.communicate()
        return None, out, time.monotonic() - start
    except BaseException:
        _stop(proc)
        raise
    finally:
        _children.discard(proc)
    return proc.returncode, out, time.monotonic() - start


def _stop(proc: subprocess.Popen[str]) -> None:
    """End a pytest run and everything it started (its own session)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def imports_the_copy(copy: Path) -> bool:
    env = {**os.environ, "PYTHONPATH": str(copy)}
    cmd = [sys.executable, "-P", "-c", "import brochure; print(brochure.__file__)"]
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False).stdout.strip()
    return bool(out) and Path(out).resolve().is_relative_to(copy.resolve())


def selection(mu: Mutant) -> list[str]:
    return [*mu.tests, *(["-k", mu.k] if mu.k else [])]


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    verdict: str  # killed, killed (timeout), survived, or error
    seconds: float
    detail: str


def run_one(mu: Mutant, copy: Path) -> Outcome:
    """Apply mu to the copy, run its tests, put the file back."""
    target = copy / "brochure" / mu.file
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace(mu.old, mu.new, 1), encoding="utf-8")
    try:
        status, out, seconds = pytest(copy, ["-x", "-q", "--no-header", "--tb=line", *selection(mu)], TIMEOUT)
    finally:
        target.write_text(original, encoding="utf-8")
    last = out.strip().splitlines()[-1] if out.strip() else ""
    if status is None:
        return Outcome(mu, "killed (timeout)", seconds, f"no result in {TIMEOUT:.0f} s")
    if status == 0:
        return Outcome(mu, "survived", seconds, f"brochure/{mu.file}: {mu.old.strip()!r} -> {mu.new.strip()!r}")
    if status in (1, 2):  # tests failed, or collection failed (the mutated module does not import)
        return Outcome(mu, "killed", seconds, "by " + (_first_failure(out) or last))
    return Outcome(mu, "error", seconds, f"pytest exit status {status}: {last}")  # 4: bad node id, 5: no tests


def _first_failure(out: str) -> str:
    """The first failing test, as `file::name[id]` without the tests/ folder and the message."""
    line = next((line[7:] for line in out.splitlines() if line.startswith("FAILED ")), "")
    return line.split(" - ")[0].removeprefix("tests/")


def run(mutants: tuple[Mutant, ...], jobs: int) -> int:
    """The baseline, then each mutant, `jobs` at a time, each in its own copy of the package."""
    start = time.monotonic()
    with contextlib.ExitStack() as stack:
        copies: Queue[Path] = Queue()
        for _ in range(jobs):
            copies.put(stack.enter_context(package_copy()))
        first = copies.queue[0]
        if not imports_the_copy(first):
            print("error: pytest would not import the temporary copy of brochure/", file=sys.stderr)
            return 2

        def in_a_copy(task: Callable[[Path], T]) -> T:
            if _stopping.is_set():
                raise KeyboardInterrupt
            copy = copies.get()
            try:
                return task(copy)
            finally:
                copies.put(copy)

        tests = sorted({t for mu in mutants for t in mu.tests})
        chunks = [tests[i::jobs] for i in range(jobs) if tests[i::jobs]]
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            try:
                runs = list(
                    pool.map(lambda c: in_a_copy(lambda copy: pytest(copy, ["-q", "--tb=short", *c], None)), chunks)
                )
                failed = [(status, out) for status, out, _ in runs if status != 0]
                if failed:
                    for _, out in failed:
                        print(out, file=sys.stderr)
                    print(f"error: the chosen tests fail without any mutant (status {failed[0][0]})", file=sys.stderr)
                    return 2
                print(
                    f"baseline: the tests chosen for these {len(mutants)} mutants pass unmutated "
                    f"({time.monotonic() - start:.0f} s)",
                    flush=True,
                )
                outcomes: list[Outcome] = []
                for o in pool.map(lambda mu: in_a_copy(partial(run_one, mu)), mutants):
                    outcomes.append(o)
                    print(f"{o.verdict:<16} {o.mutant.name:<38} {o.seconds:5.1f} s  {o.detail}", flush=True)
            except KeyboardInterrupt:
                _stopping.set()
                pool.shutdown(wait=False, cancel_futures=True)
                for proc in list(_children):
                    _stop(proc)
                print("\ninterrupted: nothing was changed in brochure/", file=sys.stderr)
                return 130
    killed = sum(o.verdict.startswith("killed") for o in outcomes)
    survived = [o.mutant.name for o in outcomes if o.verdict == "survived"]
    errors = [o.mutant.name for o in outcomes if o.verdict == "error"]
    print(
        f"\nscore: {killed}/{len(outcomes)} killed ({killed / len(outcomes):.0%}) in {time.monotonic() - start:.0f} s "
        f"with {jobs} at a time on {platform.machine()}, {os.cpu_count()} cores, {date.today().isoformat()}"
    )
    if survived:
        print("survived (a missing test each): " + ", ".join(survived))
    if errors:
        print("could not run (fix the list): " + ", ".join(errors))
        return 2
    return 1 if survived else 0


def whole(mu: Mutant) -> int:
    """The whole suite against one mutant: every test that kills it (to choose its tests)."""
    with package_copy() as copy:
        target = copy / "brochure" / mu.file
        target.write_text(target.read_text(encoding="utf-8").replace(mu.old, mu.new, 1), encoding="utf-8")
        status, out, seconds = pytest(copy, ["-q", "--no-header", "--tb=no", "-rf", "--durations=0"], None)
    failed = [line[7:] for line in out.splitlines() if line.startswith("FAILED ")]
    durations = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "call" and parts[0].endswith("s"):
            durations[parts[2]] = parts[0]
    print(f"{mu.name}: {len(failed)} failing tests in {seconds:.0f} s (status {status})")
    for f in failed:
        node = f.split(" - ")[0]
        print(f"  {durations.get(node, '?'):>7}  {f[:200]}")
    return 0


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="run only these mutants")
    parser.add_argument("--list", action="store_true", help="list the mutants and their tests")
    parser.add_argument("--whole", metavar="NAME", help="run the whole suite against one mutant")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run side by side (default 2)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be 1 or more")
    signal.signal(signal.SIGTERM, _terminated)  # SIGTERM stops as Ctrl-C does: children ended, copies removed
    problems = rotten(MUTANTS)
    if problems:
        print("error: the mutant list no longer fits the code:", *problems, sep="\n  ", file=sys.stderr)
        return 2
    by_name = {mu.name: mu for mu in MUTANTS}
    unknown = [n for n in [*args.names, *([args.whole] if args.whole else [])] if n not in by_name]
    if unknown:
        print(f"error: no mutant named {', '.join(unknown)} (see --list)", file=sys.stderr)
        return 2
    if args.list:
        for mu in MUTANTS:
            print(f"{mu.name:<40} brochure/{mu.file}\n{'':40} {' '.join(selection(mu))}")
        return 0
    if args.whole:
        try:
            return whole(by_name[args.whole])
        except KeyboardInterrupt:
            return 130
    chosen = tuple(by_name[n] for n in args.names) if args.names else MUTANTS
    return run(chosen, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
