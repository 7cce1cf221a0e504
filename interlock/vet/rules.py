"""Rule packs for vetting: read a YAML file of rules and check every field, with file and line.

A pack is ``{rules: [rule, ...]}``; a rule names the kind of actor it vets (the
subject), one or more alternative paths of statements from that actor, each step
with its predicates, direction, roles, statuses, modalities, the kinds of the actor
it reaches and a time relation, and a minimum grade. ``docs/rules.md`` documents the
format. Errors name the file, the line and the accepted values, because a rule
pack is written by hand and a silent typo would hide findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from interlock.credibility import grades
from interlock.errors import InterlockError
from interlock.vocab import load_modalities, load_predicates, load_statuses


class RuleError(InterlockError):
    "A rule pack that cannot be read or has a field with a value that cannot be used"

    def __init__(self, where: str, line: int | None, problem: str) -> None:
        super().__init__(f"{where}{f', line {line}' if line else ''}: {problem}")
        self.where = where
        self.line = line
        self.problem = problem


SEVERITIES = ("critical", "high", "medium", "low")
DIRECTIONS = ("out", "in", "any")
REFERENCES = ("registration", "candidacy", "election")
RELATIONS = ("before", "after", "during", "overlaps")
_RULE_FIELDS = ("id", "title", "severity", "description", "subject", "path", "paths", "min_grade", "campaign_days")
_STEP_FIELDS = ("predicates", "direction", "from", "to", "roles", "status", "modality", "flag", "kinds", "time")
_TIME_FIELDS = (*RELATIONS, "within_days")


@lru_cache(maxsize=1)
def kind_definitions() -> dict[str, dict[str, Any]]:
    """The kinds of ``kinds.yaml`` with their cues (the only kinds a rule may name)."""
    text = resources.files("interlock.vet").joinpath("kinds.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    kinds = data.get("kinds") if isinstance(data, dict) else None
    if not isinstance(kinds, dict) or not kinds:
        raise RuleError("interlock/vet/kinds.yaml", None, "'kinds' must be a non-empty mapping")
    return {str(k): v for k, v in kinds.items()}


def known_kinds() -> list[str]:
    """Every kind a rule or a tag may use, sorted."""
    return sorted(kind_definitions())


@dataclass(frozen=True)
class TimeSpec:
    """How a step's statement must stand in time to a reference date or another step."""

    relation: str          # before, after, during, overlaps
    reference: str         # registration, candidacy, election, or step:N
    within_days: int | None = None


@dataclass(frozen=True)
class Step:
    """One hop of a rule's path: statements from the current actor to the next."""

    predicates: tuple[str, ...]
    direction: str = "out"
    roles: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    modality: tuple[str, ...] = ("asserted", "reported", "hedged")
    flag: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    time: TimeSpec | None = None
    #: "previous" (the actor the last step reached) or "subject" (the rule's subject again)
    start: str = "previous"
    #: when set, the step must reach the same actor as that earlier step (its index)
    same_as: int | None = None


@dataclass(frozen=True)
class Rule:
    """A vetting rule: which actors it looks at and the paths that make a finding."""

    id: str
    title: str
    severity: str
    subject: tuple[str, ...]
    paths: tuple[tuple[Step, ...], ...]
    description: str = ""
    min_grade: str | None = None
    #: how long before the election a candidacy is assumed to start when no registration date is found
    campaign_days: int = 180
    line: int = 0


@dataclass
class Pack:
    """A validated rule pack and where it was read from."""

    path: str
    rules: list[Rule] = field(default_factory=list)

    def rule(self, rule_id: str) -> Rule:
        """The rule with that id; a RuleError naming the ids there are otherwise."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise RuleError(self.path, None, f"no rule {rule_id!r}; rules: {', '.join(r.id for r in self.rules)}")


class _Reader:
    """Validation over yaml nodes, so that every error can give the node's line."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, node: yaml.Node | None, problem: str) -> RuleError:
        return RuleError(self.where, node.start_mark.line + 1 if node is not None else None, problem)

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name not in allowed:
                raise self.fail(key, f"unknown field {name!r} in {what}; accepted: {', '.join(allowed)}")
            if name in out:
                raise self.fail(key, f"field {name!r} given twice in {what}")
            out[name] = value
        return out

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip() or node.tag.endswith(":null"):
            raise self.fail(node, f"{what} must be non-empty text")
        return str(node.value).strip()

    def integer(self, node: yaml.Node, what: str, minimum: int) -> int:
        try:
            value = int(node.value) if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int") else None
        except ValueError:
            value = None
        if value is None:
            raise self.fail(node, f"{what} must be a whole number")
        if value < minimum:
            raise self.fail(node, f"{what} must be at least {minimum}, not {value}")
        return value

    def choices(self, node: yaml.Node, what: str, accepted: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = []
        for item in items:
            value = self.text(item, what)
            if value not in accepted:
                raise self.fail(item, f"unknown {what} {value!r}; accepted: {', '.join(accepted)}")
            out.append(value)
        if not out:
            raise self.fail(node, f"{what} must not be empty")
        return tuple(out)

    def words(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        return tuple(self.text(i, what).lower() for i in items)


def _step_ref(r: _Reader, node: yaml.Node, index: int, what: str) -> int:
    """The index N of a ``step:N`` reference, which must name an earlier step."""
    reference = r.text(node, what)
    try:
        target = int(reference[5:]) if reference.startswith("step:") else -1
    except ValueError:
        target = -1
    if not 0 <= target < index:
        if index == 0:
            raise r.fail(node, f"{what} {reference!r}: the first step has no earlier step to refer to")
        raise r.fail(node, f"{what} {reference!r} must name an earlier step: step:0 ... step:{index - 1}")
    return target


def _time(r: _Reader, node: yaml.Node, index: int) -> TimeSpec:
    fields = r.mapping(node, "time", _TIME_FIELDS)
    relations = [k for k in RELATIONS if k in fields]
    if len(relations) != 1:
        what = " and ".join(f"'{k}'" for k in relations) if relations else "no relation"
        raise r.fail(node, f"impossible time relation: {what}; give exactly one of {', '.join(RELATIONS)}")
    relation = relations[0]
    ref_node = fields[relation]
    reference = r.text(ref_node, f"the reference of '{relation}'")
    if reference.startswith("step:"):
        _step_ref(r, ref_node, index, relation)
    elif reference not in REFERENCES:
        raise r.fail(ref_node, f"unknown time reference {reference!r}; accepted: {', '.join(REFERENCES)}, step:N")
    within = None
    if "within_days" in fields:
        if relation not in ("before", "after"):
            raise r.fail(fields["within_days"], f"impossible time relation: within_days needs 'before' or 'after', not '{relation}'")
        within = r.integer(fields["within_days"], "within_days", 1)
    return TimeSpec(relation, reference, within)


def _step(r: _Reader, node: yaml.Node, index: int) -> Step:
    f = r.mapping(node, "a step", _STEP_FIELDS)
    if "predicates" not in f:
        raise r.fail(node, "a step needs 'predicates'")
    modalities = sorted(load_modalities())
    same_as = None
    if "to" in f:
        same_as = _step_ref(r, f["to"], index, "to")
    step = Step(
        predicates=r.choices(f["predicates"], "predicate", sorted(load_predicates())),
        direction=r.choices(f["direction"], "direction", DIRECTIONS)[0] if "direction" in f else "out",
        roles=r.words(f["roles"], "role") if "roles" in f else (),
        status=r.choices(f["status"], "status", sorted(load_statuses())) if "status" in f else (),
        modality=r.choices(f["modality"], "modality", modalities) if "modality" in f else Step.modality,
        flag=r.choices(f["flag"], "flagged modality or status", sorted({*modalities, *load_statuses()}))
        if "flag" in f else (),
        kinds=r.choices(f["kinds"], "kind", known_kinds()) if "kinds" in f else (),
        time=_time(r, f["time"], index) if "time" in f else None,
        start=r.choices(f["from"], "start", ("previous", "subject"))[0] if "from" in f else "previous",
        same_as=same_as,
    )
    if index == 0 and step.start == "subject" and "from" in f:
        raise r.fail(f["from"], "the first step starts from the subject already; 'from' is for later steps")
    return step


def _path(r: _Reader, node: yaml.Node) -> tuple[Step, ...]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise r.fail(node, "a path must be a non-empty list of steps")
    if len(node.value) > 4:
        raise r.fail(node, f"a path has at most 4 steps (hops), not {len(node.value)}")
    return tuple(_step(r, s, i) for i, s in enumerate(node.value))


def _rule(r: _Reader, node: yaml.Node) -> Rule:
    f = r.mapping(node, "a rule", _RULE_FIELDS)
    for required in ("id", "title", "severity", "subject"):
        if required not in f:
            raise r.fail(node, f"a rule needs '{required}'")
    if ("path" in f) == ("paths" in f):
        raise r.fail(node, "a rule needs exactly one of 'path' (one list of steps) or 'paths' (alternatives)")
    if "path" in f:
        paths: tuple[tuple[Step, ...], ...] = (_path(r, f["path"]),)
    else:
        if not isinstance(f["paths"], yaml.SequenceNode) or not f["paths"].value:
            raise r.fail(f["paths"], "'paths' must be a non-empty list of paths")
        paths = tuple(_path(r, p) for p in f["paths"].value)
    min_grade = None
    if "min_grade" in f:
        min_grade = r.text(f["min_grade"], "min_grade")
        try:
            grades.parse(min_grade)
        except grades.BadGrade as exc:
            raise r.fail(f["min_grade"], str(exc)) from None
    rule_id = r.text(f["id"], "id")
    if not all(ch.isalnum() or ch in "-_" for ch in rule_id):
        raise r.fail(f["id"], f"rule id {rule_id!r} may hold only letters, digits, - and _")
    return Rule(
        id=rule_id,
        title=r.text(f["title"], "title"),
        severity=r.choices(f["severity"], "severity", SEVERITIES)[0],
        subject=r.choices(f["subject"], "kind", known_kinds()),
        paths=paths,
        description=r.text(f["description"], "description") if "description" in f else "",
        min_grade=min_grade,
        campaign_days=r.integer(f["campaign_days"], "campaign_days", 1) if "campaign_days" in f else 180,
        line=node.start_mark.line + 1,
    )


def parse_pack(text: str, where: str) -> Pack:
    """Validate a rule pack given as YAML text; ``where`` names it in errors."""
    r = _Reader(where)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleError(where, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    if root is None:
        raise RuleError(where, None, "the rule pack is empty; it needs 'rules:' with a list of rules")
    top = r.mapping(root, "the rule pack", ("rules",))
    if "rules" not in top or not isinstance(top["rules"], yaml.SequenceNode) or not top["rules"].value:
        raise r.fail(top.get("rules", root), "'rules' must be a non-empty list of rules")
    pack = Pack(where)
    seen: set[str] = set()
    for node in top["rules"].value:
        rule = _rule(r, node)
        if rule.id in seen:
            raise r.fail(node, f"rule id {rule.id!r} is used twice")
        seen.add(rule.id)
        pack.rules.append(rule)
    return pack


def load_pack(path: str | Path | None = None) -> Pack:
    """Read and validate a rule pack file; the shipped pack when ``path`` is None."""
    if path is None:
        ref = resources.files("interlock").joinpath("rules/default.yaml")
        return parse_pack(ref.read_text("utf-8"), "interlock/rules/default.yaml")
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(str(p), None, f"cannot read the rule pack: {exc}") from None
    return parse_pack(text, str(p))
