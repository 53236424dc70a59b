"""Command-line arguments -> a build, check or preview; prints diagnostics and returns the exit status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from brochure import api
from brochure.diagnostics import Diagnostic
from brochure.output.files import write_atomic

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="brochure", description="Print-ready, branded clinic leaflets from plain YAML.")
    sub = p.add_subparsers(dest="command", required=True, metavar="{build,check,preview}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--content", type=Path, default=Path("content.yaml"), help="the words (default: content.yaml)")
    common.add_argument(
        "--brand", type=Path, default=Path("assets/brand.yaml"), help="the brand kit (default: assets/brand.yaml)"
    )
    common.add_argument("--layout", choices=api.LAYOUTS, default="trifold")
    common.add_argument("--paper", choices=api.PAPERS, default=None, help="default: the brand's paper")
    common.add_argument("--target", choices=api.TARGETS, default="office")
    common.add_argument("--marks", action="store_true", help="crop and fold marks (press only)")
    common.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the findings as JSON")
    b = sub.add_parser("build", parents=[common], help="build the leaflet PDF")
    b.add_argument("-o", "--output", type=Path, default=None, help="default: out/leaflet.pdf")
    sub.add_parser("check", parents=[common], help="validate, lay out and preflight; write nothing")
    v = sub.add_parser("preview", parents=[common], help="PNG of every page")
    v.add_argument("--dpi", type=float, default=96.0)
    v.add_argument("-o", "--output", type=Path, default=Path("out/preview"), help="folder (default: out/preview/)")
    return p


def _print(diags: Sequence[Diagnostic]) -> None:
    for d in diags:
        print(d.format(), file=sys.stderr)


def _report(path: Path | None, diags: Sequence[Diagnostic], options: api.Options) -> bool:
    """Write the findings as JSON when asked; False (and a message) when the file cannot be written."""
    if path is None:
        return True
    doc = {
        "layout": options.layout,
        "target": options.target,
        "errors": sum(d.is_error for d in diags),
        "warnings": sum(not d.is_error for d in diags),
        "findings": [d.as_dict() for d in diags],
    }
    try:
        write_atomic(path, (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode())
    except OSError as exc:
        print(f"{path}: error: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    if args.command == "preview" and not 12 <= args.dpi <= 600:
        print("brochure: error: --dpi must be between 12 and 600", file=sys.stderr)
        return EXIT_USAGE
    options = api.Options(args.layout, args.paper, args.target, args.marks)
    problem = api.option_problem(options)
    if problem:
        print(f"brochure: error: {problem} (hint: see README.md)", file=sys.stderr)
        return EXIT_USAGE
    sources, diags = api.load(args.content, args.brand)
    if sources is None:
        _print(diags)
        _report(args.json, diags, options)
        return EXIT_ERRORS
    result = api.build(sources, options)
    _print([*diags, *result.diagnostics])
    if not _report(args.json, [*diags, *result.diagnostics], options):
        return EXIT_ERRORS
    if not result.ok or result.pdf is None:
        print("brochure: nothing written: fix the errors above", file=sys.stderr)
        return EXIT_ERRORS
    if args.command == "build":
        out: Path = args.output or Path("out/leaflet.pdf" if args.target == "office" else "out/leaflet-press.pdf")
        try:
            write_atomic(out, result.pdf)
        except OSError as exc:
            print(
                f"{out}: error: cannot write the PDF: {exc.strerror or exc} (hint: check the folder exists "
                "and is writable; any earlier file there is untouched)",
                file=sys.stderr,
            )
            return EXIT_ERRORS
        print(
            f"wrote {out} ({len(result.pdf) // 1024} KiB, {options.layout}, "
            f"{args.paper or sources.brand.paper}, {args.target})"
        )
    elif args.command == "preview":
        stem = f"{options.layout}-{args.target}"
        from brochure.output.preview import write_mockup, write_previews  # pypdfium2 only when needed

        try:
            paths = write_previews(result.pdf, args.output, stem, args.dpi)
            if result.layout is not None and result.layout.views:
                paths.append(write_mockup(result.pdf, result.layout, args.output / f"{stem}-mockup.png", args.dpi))
        except OSError as exc:
            print(
                f"{args.output}: error: cannot write the previews: {exc.strerror or exc} "
                "(hint: check the folder is writable)",
                file=sys.stderr,
            )
            return EXIT_ERRORS
        for path in paths:
            print(f"wrote {path}")
    else:
        print(
            f"ok: {args.content} with {args.brand}: {options.layout}, "
            f"{args.paper or sources.brand.paper}, {args.target}"
        )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
