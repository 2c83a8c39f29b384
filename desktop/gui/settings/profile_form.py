"""The office profile form (letterhead, signers, letter numbering, the referral letter's opening,
the logo): the set-up wizard fills it first, Pengaturan edits it later."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SimpulError
from desktop.core.services.letter_numbers import DEFAULT_OPENING, TEMPLATE_FIELDS, check_template, format_number
from desktop.core.services.office import OFFICE_FIELDS
from desktop.gui.i18n import N_, tr

LABELS = {
    "office_name": N_("Nama kantor"), "letterhead_government": N_("Kop baris 1"),
    "letterhead_office": N_("Kop baris 2"), "address": N_("Alamat kantor"),
    "place_name": N_("Tempat (di tanggal surat)"), "postal_code": N_("Kode pos"), "phone": N_("Telepon"),
    "email": "E-mail", "website": N_("Situs web"), "camat_name": N_("Nama Camat"), "camat_nip": N_("NIP Camat"),
    "camat_pangkat": N_("Pangkat/golongan Camat"), "tksk_name": N_("Nama TKSK"), "tksk_nip": N_("NIP TKSK (bila ada)"),
    "tksk_pangkat": N_("Pangkat TKSK (bila ada)"), "tksk_phone": N_("No. HP TKSK"),
    "letter_pattern": N_("Pola nomor surat"), "letter_classification": N_("Kode klasifikasi surat"),
    "letter_unit": N_("Kode unit pengolah"), "referral_template": N_("Teks pembuka surat rujukan"),
}
NIP = re.compile(r"^\d{18}$")


def top_aligned(widget: QWidget) -> QWidget:
    """The form keeps its natural height in a tall window instead of spreading its rows apart."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return holder


class ProfileForm(QWidget):
    """The office profile fields with the logo; used by the wizard and by Pengaturan."""

    def __init__(self) -> None:
        super().__init__()
        self.edits = {key: QLineEdit() for key in OFFICE_FIELDS if key != "referral_template"}
        self.template = QPlainTextEdit()
        self.template.setMaximumHeight(110)
        self.template.setPlaceholderText(DEFAULT_OPENING)
        self.edits["letter_pattern"].setToolTip(tr("Bagian yang bisa dipakai: {nomor} {klasifikasi} {unit} "
                                                   "{bulan_romawi} {bulan} {tahun}"))
        self.edits["camat_nip"].setPlaceholderText(tr("18 digit, misalnya 197505102001121016"))
        self.edits["letterhead_government"].setPlaceholderText(tr("PEMERINTAH KABUPATEN …"))
        self.logo_bytes: bytes | None = None
        self.logo_mime: str | None = None
        self.logo_preview = QLabel(tr("Belum ada logo"))
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setWordWrap(True)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #bbb")
        choose = QPushButton(tr("Pilih logo…"))
        choose.clicked.connect(self.choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addStretch(1)
        form = QFormLayout(self)
        for key in OFFICE_FIELDS:
            if key in self.edits:
                form.addRow(tr(LABELS[key]) + ":", self.edits[key])
        form.addRow(tr(LABELS["referral_template"]) + ":", self.template)
        hint = QLabel(tr("Kosongkan untuk teks bawaan. Isian yang bisa dipakai: {fields}").format(
            fields=" ".join("{" + f + "}" for f in TEMPLATE_FIELDS)))
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(tr("Logo daerah:"), logo_row)

    def set_values(self, values: dict[str, str | None]) -> None:
        for key, value in values.items():
            if key in self.edits:
                self.edits[key].setText(value or "")
            elif key == "referral_template":
                self.template.setPlainText(value or "")

    def values(self) -> dict[str, str]:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        values["referral_template"] = self.template.toPlainText().strip()
        return values

    def problems(self) -> list[str]:
        v = self.values()
        found = []
        for key in ("office_name", "letterhead_government", "letterhead_office"):
            if not v[key]:
                found.append(tr("{field} wajib diisi.").format(field=tr(LABELS[key])))
        for key in ("camat_nip", "tksk_nip"):
            if v[key] and not NIP.match(v[key].replace(" ", "")):
                found.append(tr("{field} harus 18 digit angka.").format(field=tr(LABELS[key])))
        try:
            if v["letter_pattern"]:
                format_number(v["letter_pattern"], 1, dt.date.today(), "x", "y")
            if v["referral_template"]:
                check_template(v["referral_template"])
        except SimpulError as exc:
            found.append(exc.message)
        return found

    def set_logo(self, data: bytes | None) -> None:
        self.logo_bytes = data
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.logo_preview.setPixmap(pixmap.scaled(70, 70, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Pilih logo"), "", tr("Gambar (*.png *.jpg *.jpeg)"))
        if not name:
            return
        data = Path(name).read_bytes()
        if len(data) > 2_000_000:
            QMessageBox.warning(self, "Simpul", tr("Logo terlalu besar (lebih dari 2 MB). Pilih gambar yang lebih kecil."))
            return
        self.logo_mime = "image/png" if name.lower().endswith(".png") else "image/jpeg"
        self.set_logo(data)
