"""The encrypted requester pack: AES-256 PDFs that open only with the password, no plain copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pytest
from export_data import GENERATED_AT, PLANTED, inputs_for, synthetic
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from sar_desk.core.digests import sha256_file
from sar_desk.core.errors import BadInputError
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.export.archive import new_password, read_encrypted_zip, zip_aes_256
from sar_desk.export.bundle import build_bundle
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.export.sealing import UNCHECKED
from sar_desk.export.verify import verify_bundle

PDF = "SAR-TEST-7-bundle.pdf"
GIVEN = "correct-Horse-battery-7"


def _build(dest: Path, **kw: object):
    options = BundleOptions(
        generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, encrypt=True, **kw
    )
    return run_job(build_bundle(inputs_for(*synthetic()), options, dest, cancel=CancelToken()))


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("sealed") / "out"
    return out, _build(out, rsmf=True)


def _every_byte(folder: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_pdf_opens_only_with_the_password_and_its_text_only_after(sealed):
    out, result = sealed
    pdf = out / "pack" / PDF
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(pdf)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(pdf, password="not-the-password")
    reader = PdfReader(str(pdf))
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert b"Alex Morgan" not in pdf.read_bytes()
    assert reader.decrypt(result.password)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Alex Morgan" in text
    for planted in PLANTED:
        assert planted.casefold() not in text.casefold()
    with pikepdf.open(pdf, password=result.password) as opened:
        assert opened.encryption.bits == 256
        assert opened.encryption.R == 6
        assert opened.allow.print_highres
        assert opened.allow.extract
        assert not opened.allow.modify_other
        assert opened.user_password_matched
        assert not opened.owner_password_matched


def test_no_plain_copy_and_no_other_formats_unless_asked(sealed):
    out, _result = sealed
    assert sorted(p.relative_to(out).as_posix() for p in (out / "pack").rglob("*")) == [
        f"pack/{PDF}"
    ]
    assert not (out / "delivery").exists()
    for path in out.rglob("*.pdf"):
        with pytest.raises(pikepdf.PasswordError):
            pikepdf.open(path)
    everything = _every_byte(out)
    assert b"<html" not in everything.lower()  # the HTML version is not anywhere in the bundle
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["delivery"]["password"] == "sent separately"
    assert manifest["delivery"]["other_formats"] == "left out"


def test_password_is_stored_nowhere_in_the_bundle(sealed):
    out, result = sealed
    password = result.password
    assert password
    assert len(password) >= 24
    everything = _every_byte(out)
    for form in (password, password.replace("-", ""), password.lower()):
        assert form.encode("utf-8") not in everything
        assert form.encode("utf-16-le") not in everything
    assert not list(out.rglob("*password*"))


def test_verify_without_the_password_checks_encryption_and_hashes(sealed):
    out, result = sealed
    report = verify_bundle(out)
    assert report.ok
    checks = {(r.file, r.check) for r in report.results}
    assert (f"pack/{PDF}", "encryption") in checks
    assert (f"pack/{PDF}", UNCHECKED) in checks
    assert (f"pack/{PDF}", "text-leak") not in checks
    full = verify_bundle(out, password=result.password)
    assert full.ok
    assert {(f"pack/{PDF}", "text-leak"), (f"pack/{PDF}", "pdf-structure")} <= {
        (r.file, r.check) for r in full.results
    }
    wrong = verify_bundle(out, password="wrong-password-123")
    assert not wrong.ok
    assert any(r.check == "password" and not r.passed for r in wrong.results)


def test_verify_fails_a_pack_whose_pdf_was_swapped_for_a_plain_one(sealed, tmp_path):
    out, result = sealed
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    pdf = copy / "pack" / PDF
    with pikepdf.open(pdf, password=result.password) as opened:
        opened.save(tmp_path / "plain.pdf", encryption=False)
    shutil.copy(tmp_path / "plain.pdf", pdf)
    report = verify_bundle(copy)
    failed = {(r.file, r.check) for r in report.results if not r.passed}
    assert {(f"pack/{PDF}", "manifest"), (f"pack/{PDF}", "encryption")} <= failed
    # Re-hashing the manifest does not hide the swap: the pack was exported encrypted.
    manifest_path = copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    for entry in manifest["files"]:
        if entry["path"] == f"pack/{PDF}":
            entry["sha256"], entry["size"] = sha256_file(pdf), pdf.stat().st_size
    manifest_path.write_text(json.dumps(manifest))
    failed = {(r.file, r.check) for r in verify_bundle(copy).results if not r.passed}
    assert failed == {(f"pack/{PDF}", "encryption")}


def test_sealed_pack_is_checked_after_decryption(tmp_path, monkeypatch):
    # A leak that only the decrypted copy can show must still stop the export.
    import sar_desk.export.sealing as sealing

    real = sealing.encrypt_pdf

    def leaky(plain: Path, out: Path, password: str) -> None:
        with pikepdf.open(plain) as pdf:
            pdf.docinfo["/Author"] = PLANTED[0]
            pdf.save(tmp_path / "leaky.pdf")
        real(tmp_path / "leaky.pdf", out, password)

    monkeypatch.setattr(sealing, "encrypt_pdf", leaky)
    from sar_desk.core.errors import SafetyCheckError

    with pytest.raises(SafetyCheckError, match=r"pdf-structure|text-leak"):
        _build(tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_given_password_is_used_and_other_formats_go_in_an_aes_zip(tmp_path):
    out = tmp_path / "out"
    result = _build(out, pack_password=GIVEN, encrypt_extras=True, rsmf=True)
    assert result.password == GIVEN
    pack = out / "pack"
    zipped = pack / "SAR-TEST-7-other-formats.zip"
    assert sorted(p.name for p in pack.iterdir()) == [PDF, zipped.name]
    assert zip_aes_256(zipped)
    members = read_encrypted_zip(zipped, GIVEN)
    assert "SAR-TEST-7-bundle.html" in members
    assert any(name.startswith("rsmf/") and name.endswith(".eml") for name in members)
    with pytest.raises(BadInputError):
        read_encrypted_zip(zipped, "wrong-password-123")
    with pikepdf.open(pack / PDF, password=GIVEN):
        pass
    assert GIVEN.encode() not in _every_byte(out)
    assert verify_bundle(out, password=GIVEN).ok
    report = verify_bundle(out)
    assert report.ok
    assert {r.file for r in report.results if r.check == UNCHECKED} == {
        f"pack/{PDF}",
        f"pack/{zipped.name}",
    }


@pytest.mark.parametrize("bad", ["short-pw", "x" * 200, "tab\there-is-long"])
def test_weak_or_odd_given_password_is_refused(bad):
    with pytest.raises(BadInputError, match="pack password"):
        BundleOptions(generated_at=GENERATED_AT, encrypt=True, pack_password=bad)


def test_generated_passwords_are_readable_and_differ():
    first, second = new_password(), new_password()
    assert first != second
    groups = first.split("-")
    assert len(groups) == 6
    assert all(len(g) == 4 for g in groups)
    assert not set(first) & set("ILOU")


def test_plain_renders_are_checked_before_anything_is_encrypted(tmp_path, monkeypatch):
    from test_leaky_renderers import original_text

    import sar_desk.export.sealing as sealing
    from sar_desk.core.errors import SafetyCheckError

    def must_not_run(*_args: object, **_kw: object) -> list[str]:
        raise AssertionError("a leaking pack reached encryption")

    monkeypatch.setattr(sealing, "seal_pack", must_not_run)
    monkeypatch.setattr("sar_desk.export.bundle.seal_pack", must_not_run)
    options = BundleOptions(generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, encrypt=True)
    job = build_bundle(
        inputs_for(*synthetic()),
        options,
        tmp_path / "out",
        cancel=CancelToken(),
        writers=[original_text],
    )
    with pytest.raises(SafetyCheckError, match="text-leak"):
        run_job(job)
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.iterdir())  # no partial folder either
