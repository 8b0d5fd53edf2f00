"""spaCy's English stop words, without importing spaCy (0.4-0.5 s) just to read a word list.

The detection command's own process needs the list (the case's matcher, the spread pass's name
checks) but not the language model, which its workers load. spaCy's module defining the list
is plain Python building one set, so it is read from spaCy's installed files and run here; a
process that has already imported spaCy uses spaCy's own set. The words are the same either
way (nothing here or in spaCy changes the set after it is built).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _load() -> set[str]:
    module = sys.modules.get("spacy.lang.en.stop_words")
    if module is not None:
        return module.STOP_WORDS  # type: ignore[no-any-return]
    spec = importlib.util.find_spec("spacy")  # a top-level package: located, not imported
    if spec is None or spec.origin is None:
        import spacy.lang.en.stop_words  # fails as the direct import would

        return spacy.lang.en.stop_words.STOP_WORDS
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    namespace: dict[str, object] = {"__name__": "spacy.lang.en.stop_words"}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace["STOP_WORDS"]  # type: ignore[return-value]


STOP_WORDS = _load()
"""The words, as spaCy's ``spacy.lang.en.stop_words.STOP_WORDS`` holds them."""
