"""``storyline serve``: a read-only local web page over a stored corpus."""
