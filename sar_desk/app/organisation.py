"""The installation's organisation profile in the user's config folder, and per-case overrides.

The profile is a small JSON file (``organisation.json`` in the platformdirs config folder, so
``XDG_CONFIG_HOME`` is honoured). A case may override any field (kept in the case record), so
one installation can answer for two controllers. The demo keeps its own demo profile as a case
override and never needs the installation's.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from sar_desk.app.paths import user_config_dir
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Jurisdiction
from sar_desk.core.organisation import ControllerType, OrgProfile

PROFILE_FILE = "organisation.json"


def profile_path() -> Path:
    """Where the installation's profile lives."""
    return user_config_dir() / PROFILE_FILE


def load_profile() -> OrgProfile | None:
    """The installation's profile, or None if none has been set.

    Raises:
        BadInputError: The file exists but cannot be read.
    """
    path = profile_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as exc:
        raise BadInputError(
            f"The organisation profile {path} cannot be read ({exc}); set it again."
        ) from exc
    return OrgProfile.from_json(data)


def check_values(values: Mapping[str, str]) -> None:
    """Refuse a controller type or jurisdiction the app does not know.

    Raises:
        BadInputError: Naming the allowed values.
    """
    kind = values.get("controller_type")
    if kind and kind not in {t.value for t in ControllerType}:
        raise BadInputError(
            f"Controller type {kind!r} is not known: use public-authority or company."
        )
    place = values.get("jurisdiction")
    if place and place not in {j.value for j in Jurisdiction}:
        raise BadInputError(
            f"Jurisdiction {place!r} is not known: use england-and-wales, scotland or "
            "northern-ireland."
        )


def update_profile(values: Mapping[str, str]) -> OrgProfile:
    """Set the given fields of the installation's profile (others keep their values).

    The file is replaced atomically, so a crash never leaves half a profile.
    """
    check_values(values)
    current = load_profile() or OrgProfile()
    updated = OrgProfile.from_json({**current.to_json(), **values})
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(updated.to_json(), indent=2, sort_keys=True) + "\n", "utf-8")
    os.replace(tmp, path)
    return updated
