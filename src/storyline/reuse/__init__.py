"""Text reuse and provenance: candidate pairs, passage alignment, links, families."""
