"""Rewrite each test article's ``known_gaps`` list to what the extractor misses now.

    python scripts/sync_known_gaps.py [--check]

The expectations themselves are never touched: only the trailing ``known_gaps``
block of each ``tests/fixtures/articles/*.expect.yaml`` is regenerated, one entry
per unmet expectation with the reason as a comment. With ``--check`` nothing is
written; the exit code is 1 when a file would change. Run it after an intended
change to the extractor, and read the diff: a gap that appears is a regression
to explain in the commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock.extract.api import extract_record  # noqa: E402
from tests.golden_check import check_document, load_expect  # noqa: E402

ARTICLES = REPO / "tests" / "fixtures" / "articles"
MARK = "known_gaps:"
HEADER = "# unmet by the extractor when last reviewed; remove an entry once it is met"


def gap_block(path: Path) -> str:
    """The known_gaps block the current extractor calls for."""
    record = json.loads(path.with_name(path.name.replace(".expect.yaml", ".json")).read_text("utf-8"))
    doc = extract_record(record)
    failures = check_document(doc, load_expect(path), record["text"])
    if not failures:
        return ""
    lines = [HEADER, MARK]
    for f in failures:
        reason = " ".join(f.message.split())
        if len(reason) > 150:
            reason = reason[:147] + "..."
        lines.append(f"  - {f.key}  # {reason}")
    return "\n".join(lines) + "\n"


def without_gaps(text: str) -> str:
    """The expect file without its known_gaps block and the comments above it."""
    lines = text.splitlines(keepends=True)
    for n, line in enumerate(lines):
        if line.startswith(MARK):
            start = n
            while start > 0 and lines[start - 1].startswith("# unmet by the extractor"):
                start -= 1
            end = n + 1
            while end < len(lines) and (lines[end].startswith("  - ") or not lines[end].strip()):
                end += 1
            return "".join(lines[:start] + lines[end:])
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    args = parser.parse_args()
    changed = 0
    for path in sorted(ARTICLES.glob("*.expect.yaml")):
        old = path.read_text("utf-8")
        body = without_gaps(old).rstrip("\n") + "\n"
        block = gap_block(path)
        new = body + block if block else body
        if new != old:
            changed += 1
            print(f"{'would change' if args.check else 'updated'}: {path.name}")
            if not args.check:
                path.write_text(new, "utf-8")
    sys.exit(1 if args.check and changed else 0)


if __name__ == "__main__":
    main()
