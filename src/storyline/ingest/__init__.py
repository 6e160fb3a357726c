"""Ingest: turn input paths into :class:`~storyline.models.Article` and
:class:`~storyline.models.Rejection` records. See ``read_inputs``."""
