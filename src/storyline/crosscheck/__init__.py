"""Cross-check: align claims across articles, give verdicts, build the timeline."""
