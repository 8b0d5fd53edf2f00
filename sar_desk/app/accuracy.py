"""The detector's measured accuracy (issue 15 item 5a), read for people to see.

`resources/detect/accuracy.json` holds per-entity precision and recall for the small (sm) and
medium (md) models, with where the figures come from; the export copies it into every bundle's
internal record. This module reads it for the window, and picks the model a case's detection
actually ran with, so the figures shown are the ones that apply.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sar_desk.app.base import SessionBase
from sar_desk.app.paths import resource_path
from sar_desk.core.errors import BadInputError
from sar_desk.store.uow import unit_of_work

DEFAULT_MODEL_KEY = "sm"  # the model every installation carries


@dataclass(frozen=True, slots=True)
class EntityAccuracy:
    """One entity type's figures on the labelled corpus.

    Attributes:
        entity: The entity type, e.g. ``PERSON``.
        gold: How many labelled spans of this type the corpus holds.
        recall_same_type: Share found with this type.
        recall_any_type: Share found under any type (still proposed for redaction).
        precision: Share of proposals of this type that were right.
    """

    entity: str
    gold: int
    recall_same_type: float
    recall_any_type: float
    precision: float


@dataclass(frozen=True, slots=True)
class MeasuredAccuracy:
    """The figures for one model, with their provenance."""

    model: str
    entities: tuple[EntityAccuracy, ...]
    source: str
    corpus: str
    measured_on: str
    caveat: str
    models: tuple[str, ...]

    def entity(self, name: str) -> EntityAccuracy | None:
        """The figures of entity type `name`, or None if it was not measured."""
        return next((e for e in self.entities if e.entity == name), None)


def model_key(engine: str) -> str:
    """The accuracy file's key ("sm" or "md") for a detection run's engine string."""
    name = engine.rsplit("+", 1)[-1].lower()
    return "md" if "_md" in name or name == "md" else DEFAULT_MODEL_KEY


def load_accuracy(model: str = DEFAULT_MODEL_KEY, path: Path | None = None) -> MeasuredAccuracy:
    """Read the measured figures of `model` ("sm" or "md") from the shipped accuracy file.

    Raises:
        BadInputError: The file is missing, unreadable, or has no figures for `model`.
    """
    path = path or resource_path("detect/accuracy.json")
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        figures: dict[str, dict[str, Any]] = raw["models"][model]
        entities = tuple(
            EntityAccuracy(
                name,
                int(row["gold"]),
                float(row["recall_same_type"]),
                float(row["recall_any_type"]),
                float(row["precision"]),
            )
            for name, row in figures.items()
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BadInputError(
            f"The measured detection accuracy for the {model} model could not be read from "
            "this installation's resources; reinstall SAR Desk."
        ) from exc
    return MeasuredAccuracy(
        model,
        entities,
        str(raw.get("source", "")),
        str(raw.get("corpus", "")),
        str(raw.get("measured_on", "")),
        str(raw.get("caveat", "")),
        tuple(raw["models"]),
    )


def case_accuracy(session: SessionBase, path: Path | None = None) -> MeasuredAccuracy:
    """The figures for the model the case's latest detection run used.

    Before any run: the model a run would use now (md when installed, else sm).
    """
    from sar_desk.detect.models import default_model

    with unit_of_work(session.store) as uow:
        runs = uow.detection.list_runs()
    key = model_key(runs[-1].engine) if runs else default_model()[0]
    return load_accuracy(key, path)
