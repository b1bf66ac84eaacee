"""Optional statistical entity model: extra place candidates from an installed spaCy pipeline.

Off by default (setting ``extract_model``). The rule-based extractor stays the authority: a
model entity becomes a place only when the gazetteer knows the name, and it is marked with the
rule ``model:<name>:<label>``. spaCy is imported lazily; ``spacy.load`` only opens pipelines
already installed, so nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from dalil.errors import ConfigError

EntityModel = Callable[[str], list[tuple[int, int, str]]]
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "LOCATION", "PLACE"})


@lru_cache(maxsize=2)
def load_entity_model(name: str) -> EntityModel:
    """A callable text -> [(start, end, label)] from the spaCy pipeline ``name``."""
    try:
        import spacy
    except ImportError as exc:
        raise ConfigError("extract_model is set but spaCy is not installed "
                          "(pip install spacy, then install a pipeline)") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"spaCy pipeline {name!r} is not installed: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy pipeline {name!r} has no entity recogniser ('ner')")

    def run(text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]

    run.__name__ = f"spacy:{name}"
    return run
