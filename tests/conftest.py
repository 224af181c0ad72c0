"""Shared fixtures: the bundled corpus and small handwritten inputs."""

from __future__ import annotations

import pytest

import newslab as nl


@pytest.fixture(scope="session")
def seed_corpus() -> nl.Corpus:
    return nl.load_seed_corpus()
