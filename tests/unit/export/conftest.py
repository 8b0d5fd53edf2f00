"""Fixtures for the export tests (data builders live in export_data.py)."""

from __future__ import annotations

import pytest
from export_data import GENERATED_AT, inputs_for, synthetic

from sar_desk.export.options import DEMO_ORGANISATION, BundleInputs, BundleOptions


@pytest.fixture
def planted() -> BundleInputs:
    return inputs_for(*synthetic())


@pytest.fixture
def options() -> BundleOptions:
    return BundleOptions(
        generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False, rsmf=True
    )
