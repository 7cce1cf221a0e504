"""Credibility: outlet reliability, attribution types, independent origins, contradictions and Admiralty grades."""
