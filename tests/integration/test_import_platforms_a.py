"""Importing Telegram, Slack, Discord and Google Chat exports into a case, end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sar_desk.app.importing import ImportFailure
from sar_desk.app.ingest import ImportResult
from sar_desk.core.jobs import run_job
from sar_desk.core.search import SearchQuery
from tests.conftest import sample

PLATFORM_SAMPLES = [
    ("telegram", "telegram/single_chat.json", 7),
    ("slack", "slack/workspace", 10),
    ("discord", "discord/with_media", 5),
    ("google-chat", "google_chat/Takeout", 5),
]


def _path(rel: str) -> Path:
    platform, name = rel.split("/", 1)
    return sample(platform, name)


def test_one_of_each_imports_with_its_platform(session) -> None:  # type: ignore[no-untyped-def]
    outcomes = run_job(session.ingest.import_files([_path(rel) for _, rel, _ in PLATFORM_SAMPLES]))
    assert all(isinstance(o, ImportResult) for o in outcomes), outcomes
    results = [o for o in outcomes if isinstance(o, ImportResult)]
    assert [r.platform for r in results] == [p for p, _, _ in PLATFORM_SAMPLES]
    assert [r.messages + r.system for r in results] == [n for _, _, n in PLATFORM_SAMPLES]
    assert len(session.ingest.sources()) == 4
    slack = results[1]
    assert any("Business+" in text for text in slack.limitations)
    assert {i.location for i in slack.issues} == {
        "general/2024-01-05.json message 7",
        "general/2024-01-05.json message 8",
    }
    hits = session.search.search(SearchQuery(text="leak", platforms=("slack",)))
    assert [h.text for h in hits] == [
        "ask @Tom Sample about #general & the <leak> report (https://example.org/report) @here"
    ]
    replies = session.search.search(SearchQuery(text="reply next day", platforms=("slack",)))
    assert replies[0].reply_to is not None  # linked to its parent in another day file
    gchat = session.search.search(
        SearchQuery(senders=("tom.sample@example.org",), platforms=("google-chat",))
    )
    assert {h.kind for h in gchat} >= {"message", "deleted"}


def test_a_failing_import_leaves_no_source_behind(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "result.json"
    shutil.copy(sample("telegram", "bad_truncated.json"), bad)
    good = _path("discord/with_media")
    outcomes = run_job(session.ingest.import_files([bad, good]))
    failure, success = outcomes
    assert isinstance(failure, ImportFailure)
    assert "ends abruptly at byte 700" in failure.message
    assert isinstance(success, ImportResult)
    assert [s.platform for s in session.ingest.sources()] == ["discord"]
    originals = sorted(p.name for p in (session.folder / "originals").iterdir())
    assert len(originals) == 1
    assert originals[0].endswith("with_media")
    assert session.search.count(SearchQuery(platforms=("telegram",))) == 0


@pytest.mark.parametrize("name", ["zip_slip.zip", "truncated_telegram.json"])
def test_hostile_inputs_fail_cleanly(session, bad_inputs: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    outcomes = run_job(session.ingest.import_files([bad_inputs / name]))
    assert isinstance(outcomes[0], ImportFailure)
    assert session.ingest.sources() == []
