"""Saved views of the explorer (``interlock.saved_views``): a table made on first use."""

SQL: dict[str, str] = {
    "exists": "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'saved_views'",
    "create": (
        "CREATE TABLE IF NOT EXISTS saved_views (name TEXT PRIMARY KEY, page TEXT NOT NULL, "
        "params TEXT NOT NULL, who TEXT NOT NULL, at TEXT NOT NULL)"
    ),
    "save": "INSERT OR REPLACE INTO saved_views (name, page, params, who, at) VALUES (?, ?, ?, ?, ?)",
    "all": "SELECT * FROM saved_views ORDER BY name",
    "get": "SELECT * FROM saved_views WHERE name = ?",
    "delete": "DELETE FROM saved_views WHERE name = ?",
}
