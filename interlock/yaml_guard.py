"""Limits for YAML files the user edits (outlet registries): size, alias expansion, duplicate keys.

``check`` runs on the composed node graph before anything is constructed, so a
document built to explode (aliases of aliases, "billion laughs") is refused
by counting, never by expanding it. Each problem is one line with the file
and line.
"""

from __future__ import annotations

import yaml

from interlock.errors import InterlockError

#: the largest YAML file read, in bytes
MAX_BYTES = 2_000_000
#: the most nodes a document may stand for once its aliases are expanded
MAX_EXPANDED_NODES = 200_000


class YamlLimitError(InterlockError):
    "A YAML file over a limit, with duplicate keys, or with recursive aliases"


def check_size(text: str, where: str, limit: int = MAX_BYTES) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise YamlLimitError(f"{where}: is {size:,} bytes, over the limit of {limit:,} for this file")


def check(root: yaml.Node | None, where: str, limit: int = MAX_EXPANDED_NODES) -> None:
    """Refuse duplicate keys, recursive aliases and alias expansion beyond ``limit`` nodes."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    active: set[int] = set()
    # iterative post-order walk over the node graph (shared nodes are the aliases)
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            total = 1 + sum(sizes[id(c)] for c in _children(node))
            if total > limit:
                raise YamlLimitError(f"{where}:{node.start_mark.line + 1}: aliases expand to more than {limit:,} "
                                     "nodes; write the values out, or use fewer aliases")
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in active:
            raise YamlLimitError(f"{where}:{node.start_mark.line + 1}: an alias refers to itself (recursive YAML)")
        active.add(key)
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, _v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise YamlLimitError(f"{where}:{k.start_mark.line + 1}: duplicate key {k.value!r} "
                                             f"(first at line {seen[k.value]})")
                    seen[k.value] = k.start_mark.line + 1
        stack.append((node, True))
        for child in _children(node):
            if id(child) in active:
                raise YamlLimitError(f"{where}:{child.start_mark.line + 1}: an alias refers to itself (recursive YAML)")
            if id(child) not in sizes:
                stack.append((child, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
