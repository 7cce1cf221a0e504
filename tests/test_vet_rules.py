"""Rule packs: the shipped pack loads; bad files are refused with the file, the line and the accepted values."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock.errors import InterlockError
from interlock.vet.rules import RuleError, load_pack

GOOD_STEP = """\
rules:
  - id: r1
    title: A rule
    severity: high
    subject: [candidate]
    path:
      - predicates: [holds_position]
        kinds: [armed-group]
{extra}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, "utf-8")
    return path


def refused(tmp_path: Path, text: str) -> RuleError:
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_pack(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value, InterlockError)
    return info.value


def test_the_shipped_pack_has_the_five_rules() -> None:
    pack = load_pack()
    assert [r.id for r in pack.rules] == [
        "armed-post-at-registration", "armed-post-promised", "met-foreign-security",
        "party-of-armed-group", "cut-ties-then-seen",
    ]
    first = pack.rule("armed-post-at-registration")
    assert first.severity == "critical"
    time = first.paths[0][0].time
    assert time is not None and (time.relation, time.reference, time.within_days) == ("before", "registration", 183)
    promised = pack.rule("armed-post-promised")
    assert "conditional" in promised.paths[0][0].flag


def test_a_good_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, GOOD_STEP.format(extra="        time: {after: registration, within_days: 30}")))
    assert pack.rules[0].paths[0][0].time is not None


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    err = refused(tmp_path, "rules:\n  - id: r1\n    title: [unclosed\n    severity: high\n")
    assert err.line is not None and err.line >= 3
    assert "not valid YAML" in str(err)


def test_unknown_predicate_lists_the_accepted_ones(tmp_path: Path) -> None:
    err = refused(tmp_path, GOOD_STEP.replace("[holds_position]", "[holds_postion]").format(extra=""))
    assert err.line == 7
    assert "unknown predicate 'holds_postion'" in str(err)
    assert "accepted:" in str(err) and "holds_position" in str(err) and "member_of" in str(err)


def test_unknown_kind_and_field_are_refused(tmp_path: Path) -> None:
    err = refused(tmp_path, GOOD_STEP.replace("[armed-group]", "[armed-gang]").format(extra=""))
    assert err.line == 8 and "unknown kind 'armed-gang'" in str(err) and "armed-group" in str(err)
    err = refused(tmp_path, GOOD_STEP.format(extra="        colour: red"))
    assert err.line == 9 and "unknown field 'colour'" in str(err) and "predicates" in str(err)
    err = refused(tmp_path, GOOD_STEP.replace("severity: high", "severity: urgent").format(extra=""))
    assert err.line == 4 and "critical, high, medium, low" in str(err)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("        time: {before: registration, within_days: -5}", "within_days must be at least 1, not -5"),
        ("        time: {before: registration, within_days: 0}", "within_days must be at least 1, not 0"),
        ("        time: {before: registration, after: registration}", "impossible time relation: 'before' and 'after'"),
        ("        time: {during: candidacy, within_days: 10}", "within_days needs 'before' or 'after'"),
        ("        time: {within_days: 10}", "impossible time relation: no relation"),
        ("        time: {after: step:0}", "the first step has no earlier step"),
        ("        time: {after: nomination}", "unknown time reference 'nomination'"),
        ("        time: {before: registration, within_days: six}", "within_days must be a whole number"),
    ],
)
def test_impossible_time_relations_are_refused(tmp_path: Path, extra: str, message: str) -> None:
    err = refused(tmp_path, GOOD_STEP.format(extra=extra))
    assert message in str(err)
    assert err.line == 9


def test_other_bad_values(tmp_path: Path) -> None:
    err = refused(tmp_path, GOOD_STEP.format(extra="") + "    min_grade: Z9\n")
    assert "not an Admiralty grade" in str(err) and err.line == 10
    err = refused(tmp_path, GOOD_STEP.format(extra="") + GOOD_STEP.format(extra="").replace("rules:\n", ""))
    assert "used twice" in str(err)
    assert "empty" in str(refused(tmp_path, ""))
    err = refused(tmp_path, GOOD_STEP.format(extra="      - predicates: [met_with]\n        to: step:3"))
    assert "must name an earlier step" in str(err)


def test_a_missing_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read"):
        load_pack(tmp_path / "nope.yaml")
