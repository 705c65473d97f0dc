"""Shared fixtures: JSON snapshots of plain report data (never of dataclasses)."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings
from syrupy.extensions.json import JSONSnapshotExtension

# CI explores the same examples on every run (.ci/run sets HYPOTHESIS_PROFILE=ci), so a red CI is a
# change's fault, not the draw's; a developer's run keeps drawing new examples and finds new bugs.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)  # CI machines are slow and noisy
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JSONSnapshotExtension)
