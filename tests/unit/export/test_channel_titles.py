"""Issue 20 item 2: a protected name cannot survive in a channel title, whatever the order.

A Slack channel "#ruth-okoro-case" and a Discord channel "ruth-okoro" once reached the pack as
"#[REDACTED]-okoro-case" and verify passed: "Ruth" was replaced first, so the full name no
longer matched. Both sides are tested here: the decided title redactions are matched against
the original title at once, whatever their order; the safety net, which never redacts by
itself (issue 13), refuses a title nobody decided; and the leak check fails on a name's
remainder beside a marker.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from export_data import GENERATED_AT, START, _msg, _red, _span, inputs_for, synthetic

from sar_desk.core.findings import ProposalField
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.export.bundle import build_bundle
from sar_desk.export.checks import check_pack, failures
from sar_desk.export.extract import file_pieces
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.export.redact import UndecidedPlacesError, build_render_bundle
from sar_desk.export.verify import verify_bundle

NAME = "Ruth Okoro"
TITLES = {20: ("slack", "#ruth-okoro-case"), 21: ("discord", "ruth-okoro")}


def _with_channels(terms: tuple[str, ...], decide_titles: bool = True):
    case, messages, decisions = synthetic()
    text = "Ruth said the boiler is fixed."
    extra = []
    for conv, (platform, title) in TITLES.items():
        msg = _msg(conv, conv, title, "Sam Officer", text, when=START + timedelta(days=conv))
        extra.append(replace(msg, platform=platform))
    redactions = dict(decisions.redactions)
    for msg in extra:
        # The reviewer's decisions on the title, in the order given: the whole name and its
        # first name, each its own decision.
        titles = [_red(int(msg.id), ProposalField.CONVERSATION, t) for t in terms]
        redactions[msg.id] = (_span(int(msg.id), text, "Ruth"), *(titles if decide_titles else ()))
    decisions = replace(
        decisions,
        in_scope=(*decisions.in_scope, *(m.id for m in extra)),
        redactions=redactions,
        protected_terms=(*terms, *decisions.protected_terms),
    )
    return case, [*messages, *extra], decisions


@pytest.mark.parametrize("terms", [("Ruth", NAME), (NAME, "Ruth"), (NAME,)])
def test_channel_titles_lose_the_whole_name_whatever_the_order_of_terms(terms):
    bundle = build_render_bundle(*_with_channels(terms), pseudonyms=False)
    titles = {c.platform: c.title for c in bundle.conversations}
    assert titles["slack"] == "#[REDACTED · Sch 2 Pt 3 para 16]-case"
    assert titles["discord"] == "[REDACTED · Sch 2 Pt 3 para 16]"
    assert "okoro" not in "\n".join(bundle.all_strings()).casefold()


def test_an_undecided_title_stops_the_bundle_instead_of_being_blanked_by_the_net():
    with pytest.raises(UndecidedPlacesError) as caught:
        build_render_bundle(*_with_channels((NAME,), decide_titles=False), pseudonyms=False)
    assert {int(p.message_id) for p in caught.value.places} == set(TITLES)
    assert "okoro" not in str(caught.value).casefold()


def test_the_pack_holds_no_part_of_the_name_in_any_file(tmp_path: Path):
    options = BundleOptions(
        generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, rsmf=True, html=True
    )
    inputs = inputs_for(*_with_channels(("Ruth", NAME)))
    run_job(build_bundle(inputs, options, tmp_path / "out", cancel=CancelToken()))
    assert verify_bundle(tmp_path / "out").ok
    pack = tmp_path / "out" / "pack"
    for path in (p for p in pack.rglob("*") if p.is_file()):
        assert "okoro" not in path.name.casefold()
        for where, text in file_pieces(path):
            assert "okoro" not in text.casefold(), (path.name, where)


def _check(tmp_path: Path, name: str, content: str | bytes, terms=("Ruth", NAME)):
    pack = tmp_path / "pack"
    path = pack / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    results = check_pack(pack, [path], "SAR-1", terms, "0.1.0", "GB")
    return [r for r in failures(results) if r.check in ("text-leak", "file-name")]


@pytest.mark.parametrize(
    "leftover",
    [
        "#[REDACTED]-okoro-case",
        "#[REDACTED · Sch 2 Pt 3 para 16]-okoro-case",
        "[REDACTED] Okoro said",
        "okoro_[REDACTED]",
        "Person A-Okoro",
    ],
)
def test_the_leak_check_fails_on_a_name_remainder_beside_a_marker(tmp_path, leftover):
    found = _check(tmp_path, "SAR-1.html", f"<p>{leftover}</p>")
    assert found, leftover
    assert "part of protected term no. 2" in found[0].detail


@pytest.mark.parametrize(
    "written", ["ruth-okoro", "Ruth_Okoro", "ruth.okoro", "ruthokoro", "RUTH\u200bOKORO"]
)
def test_the_leak_check_matches_the_name_across_separators(tmp_path, written):
    assert _check(tmp_path, "SAR-1.html", f"<h2>#{written}-case</h2>")


def test_the_leak_check_reads_file_names_json_escapes_and_spreadsheets(tmp_path):
    assert _check(tmp_path, "SAR-1-ruth-okoro.html", "<p>ok</p>")
    assert _check(tmp_path, "ruth_okoro/SAR-1.html", "<p>ok</p>")
    escaped = json.dumps({"participants": [{"display": "Rúth Okoro"}]})  # "R\\u00fath"
    assert "\\u00fa" in escaped
    assert _check(tmp_path, "SAR-1.json", escaped)
    sheet = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(sheet, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", "<sst><si><t>ruth okoro</t></si></sst>")
    assert _check(tmp_path, "SAR-1.xlsx", sheet.read_bytes())


def test_common_words_and_unrelated_text_beside_a_marker_pass(tmp_path):
    found = _check(
        tmp_path,
        "SAR-1.html",
        "<p>[REDACTED] case notes; Person A called the Okonkwo team</p>",
        terms=("Ruth Okoro Case", "Housing Team"),
    )
    assert found == []


def test_sentences_are_not_treated_as_names(tmp_path):
    found = _check(
        tmp_path, "SAR-1.html", "<p>[REDACTED] boiler</p>", terms=("the boiler is broken",)
    )
    assert found == []
