"""Rewrite each test article's ``known_gaps`` list to what the extractor misses now.

    python scripts/sync_known_gaps.py [--check]

The expectations themselves are never touched: only the trailing ``known_gaps``
block of each ``tests/fixtures/articles/*.expect.yaml`` is regenerated, one entry
per unmet expectation with the reason as a comment. For each file it changes it
prints the gaps it removes (met now) and adds (unmet now). With ``--check``
nothing is written; the exit code is 1 when a file would change. Run it after
an intended change to the extractor, and read what it prints: a gap that is
added is a regression to explain in the commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock.extract.api import extract_record  # noqa: E402
from tests.golden_check import Failure, check_document, load_expect  # noqa: E402

ARTICLES = REPO / "tests" / "fixtures" / "articles"
MARK = "known_gaps:"
HEADER = "# unmet by the extractor when last reviewed; remove an entry once it is met"


def current_gaps(path: Path) -> list[Failure]:
    """The expectations of an expect file that the current extractor leaves unmet."""
    record = json.loads(
        path.with_name(path.name.replace(".expect.yaml", ".json")).read_text("utf-8")
    )
    doc = extract_record(record)
    return check_document(doc, load_expect(path), record["text"])


def gap_block(failures: list[Failure]) -> str:
    """The known_gaps block for these unmet expectations."""
    if not failures:
        return ""
    lines = [HEADER, MARK]
    for f in failures:
        lines.append(f"  - {f.key}  # {_reason(f)}")
    return "\n".join(lines) + "\n"


def _reason(f: Failure) -> str:
    reason = " ".join(f.message.split())
    return reason[:147] + "..." if len(reason) > 150 else reason


def changes(old_gaps: list[str], failures: list[Failure]) -> list[str]:
    """One line per gap removed (now met) or added (now unmet), in that order."""
    new_keys = {f.key for f in failures}
    lines = [f"  - removed {key} (met now)" for key in old_gaps if key not in new_keys]
    lines += [f"  + added   {f.key}: {_reason(f)}" for f in failures if f.key not in old_gaps]
    return lines


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
    removed = added = 0
    for path in sorted(ARTICLES.glob("*.expect.yaml")):
        old = path.read_text("utf-8")
        old_gaps = [str(k) for k in load_expect(path).get("known_gaps") or []]
        body = without_gaps(old).rstrip("\n") + "\n"
        failures = current_gaps(path)
        block = gap_block(failures)
        new = body + block if block else body
        if new != old:
            changed += 1
            print(f"{'would change' if args.check else 'updated'}: {path.name}")
            lines = changes(old_gaps, failures)
            print("\n".join(lines) if lines else "  (same gaps; comments or layout only)")
            removed += sum(line.startswith("  - ") for line in lines)
            added += sum(line.startswith("  + ") for line in lines)
            if not args.check:
                path.write_text(new, "utf-8")
    print(
        f"{changed} file(s) {'to change' if args.check else 'changed'}: {removed} gap(s) removed, {added} added"
    )
    sys.exit(1 if args.check and changed else 0)


if __name__ == "__main__":
    main()
