"""Resolution of mentions across documents: name normalisation and matching."""
