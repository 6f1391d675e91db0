"""Command line: ``extract PATH... [-o OUT.jsonl] [-j N]`` and ``extract text FILE``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator, Sequence

from . import __version__
from .batch import collect_inputs, extract_paths, write_jsonl, write_jsonl_file
from .load import LoadError, load_file
from .models import Record

EPILOG = """examples:
  extract letters/ -o letters.jsonl          every letter under letters/, one JSON line each
  extract a.txt b.docx                       records to standard output
  extract letters/ -o out.jsonl -j 4         four worker processes, same output
  extract text letter.pdf                    the text that a record's offsets refer to

exit status: 0 every letter ok, 1 some letters failed (their error records are in the output),
2 usage error."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="extract",
        description="Read Chinese government reply letters (答复函) into validated, source-grounded JSON records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="letter files or folders (searched recursively)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="write JSONL here (atomically); default stdout")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    p.add_argument("-v", "--verbose", action="store_true", help="log debugging detail to stderr")
    p.add_argument("--version", action="version", version=f"extract {__version__}")
    return p


def _text_command(argv: Sequence[str]) -> int:
    """``extract text FILE``: the text that the record's offsets refer to (its sha256 is source.text_sha256)."""
    from .batch import load_isolated

    p = argparse.ArgumentParser(prog="extract text",
                                description="Print the text of a letter (any supported format) that the "
                                            "record's offsets refer to; its SHA-256 is source.text_sha256.")
    p.add_argument("file")
    args = p.parse_args(argv)
    try:
        loaded = load_isolated(args.file, loader=load_file)
    except LoadError as err:
        print(f"extract: {args.file}: {err.stage}: {err.type}: {err.message}" + (f" ({err.hint})" if err.hint else ""),
              file=sys.stderr)
        return 1
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(loaded.text.encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(loaded.text)
    return 0


def _with_progress(records: Iterator[Record], total: int, show: bool) -> Iterator[Record]:
    if not show:
        yield from records
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="letter", file=sys.stderr, dynamic_ncols=True) as bar:
        for record in records:
            bar.update(1)
            yield record


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``extract`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["text"] and not os.path.exists("text"):
        return _text_command(argv[1:])
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="extract: %(levelname)s: %(message)s")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    inputs = collect_inputs(args.paths)
    if not inputs:
        parser.error("no letters found under the given paths")
    show = not args.quiet and sys.stderr.isatty()
    records = _with_progress(extract_paths(inputs, jobs=args.jobs), len(inputs), show)
    if args.output:
        ok, failed = write_jsonl_file(records, args.output)
    else:
        ok, failed = write_jsonl(records, sys.stdout)
        sys.stdout.flush()
    if not args.quiet:
        print(f"extract: {ok + failed} letters, {ok} ok, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
