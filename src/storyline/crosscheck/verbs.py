"""Event verbs that reports use for one and the same fact.

Two reports of one incident rarely use the same verb: "Twelve people were injured" and "twelve
people were hurt", "a fire destroyed three warehouses" and "three warehouses were gutted". The
claims stage keeps the verb's lemma as a claim's ``action``; alignment compares actions through
these classes, so a figure or a dated event given with a synonym lines up with the other
report's, and a figure given with another verb ("three warehouses were saved") does not.

Hand-written, and deliberately small: each class is a set of verbs that news reports substitute
for one another when they report the same count or the same event (injury, death, destruction,
arrest, deployment, ...), not a thesaurus (WordNet's synsets mix senses: "fire" a gun and "fire"
an employee). No lexical database is available offline through the package registries with the
models this project can use; a wrong merge here is a false conflict, so a verb goes in only when
the substitution is routine in news copy.
"""

from __future__ import annotations

VERB_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"injure", "hurt", "wound"}),
    frozenset({"kill", "die"}),
    frozenset({"destroy", "gut", "raze", "level", "flatten", "burn"}),
    frozenset({"damage"}),
    frozenset({"arrest", "detain", "apprehend"}),
    frozenset({"send", "deploy", "dispatch"}),
    frozenset({"fight", "battle", "tackle"}),
    frozenset({"rescue", "save"}),
    frozenset({"seize", "confiscate"}),
    frozenset({"evacuate"}),
    frozenset({"sentence", "jail", "imprison"}),
    frozenset({"break", "start", "erupt"}),  # a fire / fighting / a riot broke out, started
)

_CLASS_OF = {verb: i for i, cls in enumerate(VERB_CLASSES) for verb in cls}


def verb_key(lemma: str) -> str:
    """One key for the verbs of a class (``"c3"``), the lemma itself otherwise."""
    lemma = lemma.lower()
    i = _CLASS_OF.get(lemma)
    return f"c{i}" if i is not None else lemma


def same_verb(a: str, b: str) -> bool:
    return verb_key(a) == verb_key(b)
