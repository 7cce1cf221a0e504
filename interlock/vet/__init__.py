"""Vetting: rule packs, actor kinds, findings over the store, watches and alerts."""
