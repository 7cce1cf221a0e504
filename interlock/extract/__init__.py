"""Extraction: one article to entities, attributions, times, statements and events."""
