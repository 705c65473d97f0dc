"""Shared fixtures: JSON snapshots of plain report data (never of dataclasses)."""

from __future__ import annotations

import pytest
from syrupy.extensions.json import JSONSnapshotExtension


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JSONSnapshotExtension)
