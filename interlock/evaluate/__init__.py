"""Evaluation on public annotated data, with peer tools run side by side."""
