"""What every section of the main window shares: it hears about changes, and a hidden section
catches up when it is shown instead of redrawing for nobody."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.core.changes import Changes, Kind
from desktop.gui.ops import Operations


class Page(QWidget):
    SHOWS: frozenset[Kind] = frozenset()  # the kinds of record this page shows
    LOAD_ON_SHOW = False  # read nothing until first shown (a tab that may never be opened)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._missed: Changes | None = None
        self._loaded = not self.LOAD_ON_SHOW

    def apply_changes(self, changes: Changes) -> None:
        """Called by the main window (or the section holding this tab) after every write that landed."""
        if not changes.touches(*self.SHOWS) or not self._loaded:
            return  # a page that never loaded reads everything when first shown
        if self.isVisible():
            self.on_changes(changes)
        else:
            self._missed = changes if self._missed is None else self._missed | changes

    def on_changes(self, changes: Changes) -> None:
        """Redraw what `changes` touched; a page that can do better than reloading overrides it."""
        self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError

    def showEvent(self, event) -> None:
        super().showEvent(event)
        missed, self._missed = self._missed, None
        if not self._loaded:
            self._loaded = True
            self.refresh()
        elif missed is not None:
            self.on_changes(missed)
