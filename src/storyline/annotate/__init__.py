"""Annotate: sentences, tokens and entity mentions with spaCy, plus language detection."""
