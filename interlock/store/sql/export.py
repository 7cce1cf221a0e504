"""What import and export (``interlock.export``) ask outside the selection's tables."""

SQL: dict[str, str] = {
    "statement_elsewhere": "SELECT 1 FROM statements WHERE id = ? AND document_id != ?",
}
