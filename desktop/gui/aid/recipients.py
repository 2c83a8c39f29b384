"""A programme's recipient list as the Program tab shows it: read in blocks as it scrolls, searched
and filtered in the database, and the findings of the selected line with the decision on them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import CheckKind, Decision, ListStatus, RecipientStatus
from desktop.core.domain.money import figures
from desktop.core.errors import ValidationError
from desktop.core.i18n import number
from desktop.core.services.aid import ProgrammeRow
from desktop.core.services.aid_checks import (
    CheckRow,
    RecipientRow,
    decide,
    decide_all,
    recipient_ids,
    recipient_rows_by_id,
)
from desktop.gui.aid.common import EXCLUDED, OPEN, fit_columns, select_ids, selected_ids, table_view
from desktop.gui.shared.flow import FoldingSplitter
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations

SEARCH_DELAY_MS = 250  # one query when the typing pauses, not one per key


def _findings(r: RecipientRow) -> str:
    return ", ".join(label(c.kind) if c.decision is None else f"{label(c.kind)} ({label(c.decision)})"
                     for c in r.checks)


def _background(r: RecipientRow):
    return OPEN if r.open_checks else None


def _foreground(r: RecipientRow):
    return EXCLUDED if not r.open_checks and r.status is RecipientStatus.EXCLUDED else None


def _tooltip(r: RecipientRow) -> str | None:
    return "\n".join(f"{label(c.kind)}: {c.detail}" for c in r.checks) or None


class RecipientList(QWidget):
    """The lines of one programme (`show_programme`) and the decisions on their findings."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.programme: ProgrammeRow | None = None

        def col(title, text, align_right=False) -> Column:
            return Column(title, text, align_right=align_right, tooltip=_tooltip, background=_background,
                          foreground=_foreground)

        self.model = LazyTableModel([
            col(N_("Nama"), lambda r: r.name),
            col("NIK", lambda r: r.nik or tr("(tanpa NIK)")),
            col(N_("No. KK"), lambda r: r.no_kk or ""),
            col(N_("Desa/Kelurahan"), lambda r: r.desa or ""),
            col("RT/RW", lambda r: f"{r.rt or '-'}/{r.rw or '-'}" if r.rt or r.rw else ""),
            col(N_("Besar"), self._amount, align_right=True),
            col(N_("Status"), lambda r: label(r.status)),
            col(N_("Temuan"), _findings),
        ], self._fetch, self)
        self.view = table_view(self.model, multi=True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_findings())

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.only_open = QCheckBox(tr("Hanya yang perlu keputusan"))
        self.only_open.toggled.connect(lambda _: self.reload())
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari di daftar"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.search)
        filters.addWidget(self.only_open)

        # decisions on the selected line
        decide_box = QGroupBox(tr("Temuan pada baris terpilih"))
        self.finding_person = QLabel(tr("Pilih satu baris di daftar."))
        self.finding_person.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Alasan (wajib bila tetap dimasukkan)"))
        self.same_kind = QCheckBox(tr("Terapkan ke semua temuan sejenis di daftar ini"))
        self.keep_button = QPushButton(tr("Tetap masukkan"))
        self.keep_button.clicked.connect(lambda: self.decide_selected(Decision.KEEP))
        self.exclude_button = QPushButton(tr("Keluarkan dari daftar"))
        self.exclude_button.clicked.connect(lambda: self.decide_selected(Decision.EXCLUDE))
        self.decide_message = QLabel()
        self.decide_message.setWordWrap(True)
        decide_hint = QLabel(tr("Keputusan berlaku untuk temuan yang dipilih, atau untuk semua temuan baris ini yang "
                                "belum diputuskan."))
        decide_hint.setWordWrap(True)
        decide_hint.setStyleSheet("color: #595959")
        decide_buttons = QHBoxLayout()
        decide_buttons.addWidget(self.keep_button)
        decide_buttons.addWidget(self.exclude_button)
        decide_layout = QVBoxLayout(decide_box)
        decide_layout.addWidget(self.finding_person)
        decide_layout.addWidget(self.findings, 1)
        decide_layout.addWidget(decide_hint)
        decide_layout.addWidget(self.reason)
        decide_layout.addWidget(self.same_kind)
        decide_layout.addLayout(decide_buttons)
        decide_layout.addWidget(self.decide_message)
        split = FoldingSplitter(self.view, decide_box, "recipients", stretch=(3, 1), toggle_text=tr("Temuan"))
        split.setSizes([880, 280])
        self.findings_toggle = split.toggle
        filters.addWidget(split.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    def _amount(self, r: RecipientRow) -> str:
        p = self.programme
        return figures(r.amount, p.cash, p.unit) if p is not None else number(r.amount)

    def _fetch(self, ids: list[int]) -> dict[int, RecipientRow]:
        return self.ops.read(lambda s: recipient_rows_by_id(s, ids))

    # -- the list -------------------------------------------------------------------------------
    def show_programme(self, p: ProgrammeRow | None) -> None:
        """Another programme, or the same one read again: its counts (grouped in the database) and
        its lines from the first, as far as the view shows them."""
        changed = p is None or self.programme is None or p.id != self.programme.id
        self.programme = p
        final = p is not None and p.list_status is ListStatus.FINAL
        self.keep_button.setEnabled(not final)
        self.exclude_button.setEnabled(not final)
        if p is None:
            self.status.clear()
        else:
            state = (tr("Daftar FINAL: siap disalurkan; buka kembali untuk mengubah.") if final
                     else tr("Daftar masih draf."))
            self.status.setText(
                tr("{included} penerima masuk · {excluded} dikeluarkan · {open} temuan belum diputuskan (baris "
                   "kuning).").format(included=number(p.recipients), excluded=number(p.excluded),
                                      open=number(p.open_checks)) + " " + state)
            self.status.setStyleSheet("color: #006100; font-weight: bold" if final else "")
        self.reload(keep=not changed)

    def reload(self, keep: bool = True) -> None:
        """Ask for the lines' ids again (filter and search in the database); with `keep`, the
        selection stays on the same lines, and an unchanged list keeps its scroll position."""
        self._search_timer.stop()
        current = selected_ids(self.view) if keep else []
        p = self.programme
        if p is None:
            ids = []
        else:
            only_open, text = self.only_open.isChecked(), self.search.text()
            ids = self.ops.read(lambda s: recipient_ids(s, p.id, only_open=only_open, text=text))
        if ids == self.model.ids:
            self.model.invalidate()
            self.show_findings()
            return
        self.view.selectionModel().blockSignals(True)
        self.model.set_ids(ids)
        if not keep:
            self.view.scrollToTop()  # another list: from its first line, reading only that block
        select_ids(self.view, current)
        self.view.selectionModel().blockSignals(False)
        fit_columns(self.view, 170, stretch=7)
        self.show_findings()

    def selected_ids(self) -> list[int]:
        return selected_ids(self.view)

    def recipient(self) -> RecipientRow | None:
        ids = self.selected_ids()
        return self.model.row_data(self.model.row_of(ids[0])) if ids else None

    def show_findings(self) -> None:
        self.findings.clear()
        self.decide_message.clear()
        r = self.recipient()
        if r is None:
            self.finding_person.setText(tr("Pilih satu baris di daftar."))
            return
        self.finding_person.setText(f"<b>{r.name}</b> · {r.nik or tr('(tanpa NIK)')}")
        if not r.checks:
            self.findings.addItem(tr("Tidak ada temuan."))
            self.findings.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            return
        for c in r.checks:
            if c.decision is None:
                state = tr("belum diputuskan")
            else:
                state = tr("{decision} oleh {who}").format(decision=label(c.decision), who=c.decided_by)
                if c.note:
                    state += f": {c.note}"
            item = QListWidgetItem(f"{label(c.kind)} — {c.detail}\n→ {state}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            if c.decision is None:
                item.setBackground(OPEN)
            self.findings.addItem(item)

    def _selected_checks(self, r: RecipientRow) -> list[CheckRow]:
        chosen = {i.data(Qt.ItemDataRole.UserRole) for i in self.findings.selectedItems()}
        picked = [c for c in r.checks if c.id in chosen]
        return picked or [c for c in r.checks if c.decision is None]

    def decide_selected(self, decision: Decision, reason: str | None = None) -> int:
        """Tetap (with a reason) or Keluarkan for the chosen findings of the selected line; with
        "semua temuan sejenis", for every open finding of those kinds in the list."""
        r, p = self.recipient(), self.programme
        if r is None or p is None:
            self.decide_message.setText(tr("Pilih satu baris di daftar."))
            return 0
        checks = self._selected_checks(r)
        if not checks:
            self.decide_message.setText(tr("Baris ini tidak punya temuan yang perlu diputuskan."))
            return 0
        note = self.reason.text() if reason is None else reason
        kinds: list[CheckKind] = sorted({c.kind for c in checks}) if self.same_kind.isChecked() else []

        def write(s) -> int:
            done = 0
            for kind in kinds:
                done += decide_all(s, p.id, kind, decision, note)
            for c in checks:
                if not kinds or c.decision is not None:  # a selected finding already decided is changed too
                    decide(s, c.id, decision, note)
                    done += 1
            return done

        row = self.view.currentIndex().row()
        outcome = self.ops.write(write, parent=self, changes=Changes.updated(Kind.PROGRAMME, [p.id]),
                                 on_error=self._not_decided)
        if not outcome:
            return 0
        self.reason.clear()
        if self.only_open.isChecked() and self.model.rowCount() and not self.selected_ids():
            self.view.selectRow(min(max(row, 0), self.model.rowCount() - 1))  # on to the next line to decide
        self.decide_message.setStyleSheet("color: #006100")
        self.decide_message.setText(tr("{n} temuan diputuskan: {decision}.").format(
            n=outcome.value, decision=label(decision)))
        return outcome.value

    def _not_decided(self, exc) -> None:
        self.decide_message.setStyleSheet("color: #9C0006")
        self.decide_message.setText(exc.message)
        if isinstance(exc, ValidationError):
            self.reason.setFocus()
