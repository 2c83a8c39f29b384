"""Issue 16: the usulan baru form (what SIKS-NG asks for, three photos with their EXIF time and GPS,
the status flow with a note where one is needed), the complaint closed into a referral from the
room, and every dialog of the room fitting a 1024 × 600 screen."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from sqlalchemy import func, select

from desktop.core.db.models import Complaint, Family, Person, Proposal, ProposalPhoto, Referral
from desktop.core.domain.enums import ComplaintStatus, ProposalStatus, Sex
from desktop.core.services import complaints, proposals

ROOM = QSize(1024, 600 - 40)  # a dialog on a 1024 × 600 screen, less its title bar


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr("desktop.gui.shared.flow.screen_room", lambda widget: QSize(1024, 600))


def _photo(tmp_path, name="depan.jpg") -> str:
    img = Image.new("RGB", (1600, 1200), (120, 90, 40))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2026:05:03 09:14:12"
    exif.get_ifd(0x8825).update({1: "S", 2: (0.0, 25.0, 30.5), 3: "E", 4: (117.0, 0.0, 12.25)})
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes())
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return str(path)


def _fill(dialog) -> None:
    dialog.name.setText("Calon Penerima")
    dialog.nik.setText("6402065505850301")
    dialog.kk.setText("6402061203150301")
    dialog.mother.setText("Ibu Kandung Uji")
    dialog.address.setText("Jl. Uji No. 3")
    dialog.rt.setText("2")
    dialog.job.setText("Buruh tani")
    dialog.criteria["K02"].setChecked(True)
    dialog.criteria["K12"].setChecked(True)
    dialog.house["floor"].setCurrentText("Tanah")


def test_the_proposal_form_photos_and_status_flow(ops, qtbot, tmp_path, monkeypatch, small_screen):
    from desktop.gui.verivali.proposal_dialog import ProposalDialog
    from desktop.gui.verivali.proposal_photos import photo_text

    dialog = ProposalDialog(ops, None, None)
    qtbot.addWidget(dialog)
    assert dialog.width() <= ROOM.width() and dialog.height() <= ROOM.height()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.moves.count()  # a new form has no status steps yet
    dialog.name.setText("")
    assert not dialog.save() and "Belum tersimpan" in dialog.error.text()
    _fill(dialog)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    assert not dialog.photos.add_file(tmp_path / "hilang.jpg")  # a file gone: told, nothing written
    assert dialog.photos.add_file(Path(_photo(tmp_path)), "tampak depan")
    pid = dialog.proposal_id
    assert pid is not None  # adding a photo saved the new form first
    for n in range(2):
        assert dialog.photos.add_file(Path(_photo(tmp_path, f"f{n}.jpg")), f"foto {n}")
    assert not dialog.photos.add_button.isEnabled()  # three is the most
    assert dialog.photos.row.count() == 3
    form = ops.read(lambda s: proposals.proposal_form(s, pid))
    assert form.data.mother_name == "Ibu Kandung Uji" and form.data.rt == "002"
    assert form.data.criteria == ["K02", "K12"] and form.data.house == {"floor": "Tanah"}
    assert len(form.photos) == 3 and form.photos[0].latitude == pytest.approx(-0.4251389)
    assert form.photos[0].taken_at.isoformat() == "2026-05-03T09:14:12"
    assert "GPS -0.42514, 117.00340" in photo_text(form.photos[0]) and "tampak depan" in photo_text(form.photos[0])
    # a photo taken off again
    dialog.photos.remove(form.photos[2].id)
    assert ops.read(lambda s: s.scalar(select(func.count(ProposalPhoto.id)))) == 2
    # draft -> dikembalikan needs a note; the note is kept and shown
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Foto KK kurang jelas", True))
    dialog.move_to(ProposalStatus.RETURNED)
    assert "Foto KK kurang jelas" in dialog.state.text()
    dialog.move_to(ProposalStatus.IN_MUSDES)
    dialog.move_to(ProposalStatus.SENT)
    assert not dialog.save_button.isEnabled() and not dialog.name.isEnabled()  # past the musdes: read only
    assert not dialog.photos.add_button.isEnabled()
    dialog.move_to(ProposalStatus.APPROVED)
    with ops._db.read() as s:
        p = s.get(Proposal, pid)
        assert p.status is ProposalStatus.APPROVED and p.status_note == "Foto KK kurang jelas"
    assert dialog.history.count() == 5
    assert not dialog.moves.count()  # approved: the end of the flow
    dialog.close()


def test_an_incomplete_form_cannot_go_to_the_musdes(ops, qtbot, small_screen):
    from desktop.gui.verivali.proposal_dialog import ProposalDialog

    dialog = ProposalDialog(ops, None, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Belum Lengkap")
    assert dialog.save()
    dialog = ProposalDialog(ops, dialog.proposal_id, None)
    qtbot.addWidget(dialog)
    assert "nama ibu kandung" in dialog.lacking.text()
    dialog.move_to(ProposalStatus.IN_MUSDES)
    assert "belum lengkap" in dialog.error.text().lower()


def test_a_complaint_closed_into_a_referral_from_the_room(ops, open_page, qtbot, small_screen):
    from desktop.gui.verivali.complaint_dialogs import ComplaintDialog, ReferDialog
    from desktop.gui.verivali.page import VerivaliPage

    with ops._db.transaction() as s:
        fam = Family(no_kk="6402061203150401", desa_code="64.02.06.1001", rt="001")
        s.add(fam)
        s.flush()
        s.add(Person(nik="6402061505800401", name="Warga Adu", name_key="WARGA ADU", sex=Sex.MALE,
                     family_id=fam.id, relationship_code=1, desa_code="64.02.06.1001"))
    page = open_page(VerivaliPage)
    dialog = ComplaintDialog(ops, page)
    qtbot.addWidget(dialog)
    assert dialog.width() <= ROOM.width() and dialog.sizeHint().height() <= ROOM.height()
    dialog.name.setText("Warga Adu")
    dialog.summary.setPlainText("Butuh kursi roda")
    dialog.about.setText("6402061505800401")
    assert dialog.find_concerned() and "Warga Adu" in dialog.found.text()
    dialog.save()
    cid = dialog.saved_id
    tab = page.complaints
    tab.refresh()
    tab.table.selectRow(tab.model.row_of(cid))
    assert tab.to_referral.isEnabled()
    refer = ReferDialog(ops, cid, "Warga Adu", page)
    qtbot.addWidget(refer)
    refer.need.setText("Kursi roda")
    refer.save()
    assert refer.referral_id is not None
    QApplication.processEvents()
    tab.table.selectRow(tab.model.row_of(cid))
    tab.show_steps()
    assert f"rujukan #{refer.referral_id}" in tab.outcome.text()
    assert not tab.to_referral.isEnabled() and not tab.edit_button.isEnabled()  # closed: locked
    with ops._db.read() as s:
        assert s.get(Complaint, cid).status is ComplaintStatus.DONE
        assert s.get(Referral, refer.referral_id).person_id is not None
        assert complaints.complaint_of_referral(s, refer.referral_id).id == cid


def test_the_room_s_dialogs_fit_a_small_screen(ops, qtbot, small_screen):
    from desktop.gui.verivali.complaint_dialogs import ComplaintDialog, ReferDialog
    from desktop.gui.verivali.dialogs import FixDialog, MusdesDialog, RoundDialog
    from desktop.gui.verivali.proposal_dialog import ProposalDialog
    from desktop.core.services import verivali

    with ops._db.transaction() as s:
        rid = verivali.create_round(s, "64.02.06.1001", "Mei 2026").id
    for make in (lambda: RoundDialog(ops), lambda: FixDialog(), lambda: MusdesDialog(ops, rid),
                 lambda: ComplaintDialog(ops), lambda: ReferDialog(ops, 1, "", None),
                 lambda: ProposalDialog(ops, None)):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        hint = dialog.minimumSizeHint()
        assert hint.width() <= ROOM.width() and hint.height() <= ROOM.height(), type(dialog).__name__
        assert dialog.width() <= ROOM.width() and dialog.height() <= ROOM.height(), type(dialog).__name__
        dialog.close()
