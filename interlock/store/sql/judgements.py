"""The judgement log (``interlock.resolve.judgements``): merge, never, split, tag, withdraw."""

SQL: dict[str, str] = {
    "add": "INSERT INTO judgements (kind, a, b, who, at, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    "kind_of": "SELECT kind FROM judgements WHERE id = ?",
    "set_kind": "UPDATE judgements SET kind = ? WHERE id = ?",
    "all": "SELECT * FROM judgements ORDER BY id",
    "replayed": "SELECT kind, a, b FROM judgements WHERE kind IN ('merge', 'never', 'split') ORDER BY id",
}
