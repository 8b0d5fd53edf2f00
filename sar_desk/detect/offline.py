"""Keep detection's libraries off the network (presidio.md §2.1): tldextract and spaCy's CLI.

Presidio's `EmailRecognizer` calls ``tldextract.extract``; with a fresh cache that fetches the
Public Suffix List over HTTPS, which behind a firewall can hang. Both switches below make it use
the snapshot bundled with tldextract and write nothing to the user profile.

spaCy's package imports its whole command line (``spacy.cli``: training and project tools, an
HTTP client, templating) only to offer ``spacy.info``, and Presidio's spaCy engine calls
``spacy.cli.download`` (a network fetch) when a model is not installed. SAR Desk needs neither:
`keep_spacy_cli_out` puts a stand-in in its place whose ``download`` refuses, so no code path
can fetch a model, and every start of detection skips that import (with the URL recogniser's
reused compilation, ≈0.2 s of the ≈2.4 s of CPU a detection start takes: benchmarks/README.md,
"Speed after round 13").
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from types import ModuleType
from typing import Any, NoReturn

_done = False

# The modules the stand-in serves; spaCy's own package imports only `spacy.cli.info`.
STAND_IN = ("spacy.cli", "spacy.cli.info")


def make_tldextract_offline() -> None:
    """Disable tldextract's HTTP fetches and cache; safe to call more than once."""
    global _done
    if _done:
        return
    # tldextract >= 5.4 reads this at import time; an empty value disables fetching.
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    import tldextract
    import tldextract.tldextract as tldx

    # `tldextract.extract()` looks this up at call time, so swapping it works at any point
    # before the first analysis, on any tldextract 3.x-5.x.
    tldx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    _done = True


class SpacyCliUnavailable(OSError):
    """spaCy's command line was asked for inside SAR Desk (a model download, most likely)."""


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise SpacyCliUnavailable(
        "A language model was about to be downloaded. SAR Desk never downloads anything: "
        "the models it uses are installed with it."
    )


class _StandIn(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds `STAND_IN` before the real package does and makes small modules of them."""

    def find_spec(
        self, fullname: str, path: Any = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in STAND_IN:
            return None
        return importlib.util.spec_from_loader(fullname, self, is_package=fullname == "spacy.cli")

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # the default module object

    def exec_module(self, module: ModuleType) -> None:
        module.__doc__ = "SAR Desk's stand-in for spaCy's command line (sar_desk.detect.offline)."
        module.info = _refuse  # type: ignore[attr-defined]
        module.download = _refuse  # type: ignore[attr-defined]


def keep_spacy_cli_out() -> None:
    """Serve `STAND_IN` for spaCy's command line from now on, if spaCy is not imported yet.

    A process that imported spaCy first (the training script, a test) keeps the real one.
    """
    if "spacy" in sys.modules or any(isinstance(f, _StandIn) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _StandIn())
