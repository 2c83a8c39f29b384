"""What the Bantuan tabs share: column headings, colours, ready-made reasons, column widths."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.gui.i18n import N_


PROGRAMME_HEADERS = [N_("Nama program"), N_("Tahap/periode"), N_("Sumber dana"), N_("Bantuan per penerima"),
                     N_("Sasaran"), N_("Daftar"), N_("Penerima"), N_("Temuan terbuka"), N_("Penyaluran")]
RECIPIENT_HEADERS = [N_("Nama"), "NIK", N_("No. KK"), N_("Desa/Kelurahan"), "RT/RW", N_("Besar"), N_("Status"),
                     N_("Temuan")]
EVENT_HEADERS = [N_("Tanggal"), N_("Nama kegiatan"), N_("Program"), N_("Tempat"), N_("Desa/Kelurahan"),
                 N_("Keadaan"), N_("Terjadwal"), N_("Diambil"), N_("Tidak hadir"), N_("Menunggu")]
# Ready-made reasons are recorded as they are, so they stay Indonesian like the records themselves.
REOPEN_REASONS = ["Penerima susulan", "Koreksi catatan pengambilan"]
OPEN = QColor("#FFF2CC")  # a line waiting for a decision
EXCLUDED = QColor("#808080")


def cap_columns(table, widest: int) -> None:
    """After fitting the columns to their contents: none wider than `widest` (the text is elided,
    the tooltip or the detail shows it whole)."""
    for c in range(table.columnCount()):
        if table.columnWidth(c) > widest:
            table.setColumnWidth(c, widest)
