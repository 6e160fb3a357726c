"""Light hand-built Documents for the stories tests (no spaCy): tokens, sentences and mentions
laid out exactly as the annotate stage would, from a list of sentences whose entities are marked
``[Text|LABEL]``."""

from __future__ import annotations

import re

from storyline.models import Annotation, Article, Document, Mention, Sentence, Token, content_id

_MARK = re.compile(r"\[([^\]|]+)\|([A-Z_]+)\]")
_STOP = frozenset(["a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "for", "with", "by",
                   "from", "as", "is", "was", "were", "be", "has", "have", "had", "it", "its",
                   "this", "that", "he", "she", "they", "said", "after", "before", "over"])


def build_doc(sentences: list[str], *, title: str | None = None, published: str | None = None,
              outlet: str | None = None, salt: str = "") -> Document:
    text_parts, mentions, tokens, sents = [], [], [], []
    pos = 0
    for raw in sentences:
        start = pos
        plain = ""
        cursor = 0
        for m in _MARK.finditer(raw):
            plain += raw[cursor:m.start()]
            ent_start = start + len(plain)
            plain += m.group(1)
            mentions.append(Mention(ent_start, ent_start + len(m.group(1)), m.group(2), m.group(1)))
            cursor = m.end()
        plain += raw[cursor:]
        tok_start = len(tokens)
        for w in re.finditer(r"\w[\w'-]*|[^\w\s]", plain):
            word = w.group()
            is_word = word[0].isalnum()
            pos_tag = "PROPN" if word[0].isupper() else ("NUM" if word[0].isdigit() else "NOUN")
            tokens.append(Token(start + w.start(), start + w.end(), word.lower(),
                                pos_tag if is_word else "PUNCT", "", "", len(tokens),
                                is_stop=word.lower() in _STOP))
        sents.append(Sentence(start, start + len(plain), tok_start, len(tokens)))
        text_parts.append(plain)
        pos = start + len(plain) + 1
    text = " ".join(text_parts)
    art = Article(id=content_id(text, salt), text=text, source="test.txt", title=title,
                  published=published, outlet=outlet)
    return Document(art, Annotation(art.id, "en", tuple(sents), tuple(tokens), tuple(mentions)))
