"""Layouts for a screen as narrow as 1024 × 600: a tool row that wraps onto a second line instead of
widening the window, and a side pane that folds away when the list needs the room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QWidget,
)

from desktop.gui.i18n import tr


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the row is full. On each line the
    room left over goes to the widgets that want to grow (a search field's Expanding policy), so a
    wide window looks like a plain row and a narrow one gets two or three tidy lines."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, *widgets: QWidget) -> FlowLayout:
        for widget in widgets:
            self.addWidget(widget)
        return self

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One line of everything (what the row asks for on a wide screen)."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest single widget: anything narrower could not show it."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item in self._shown():
            w = max(item.minimumSize().width(), min(item.sizeHint().width(), width))
            if lines[-1] and used + self.spacing() + w > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + w
            lines[-1].append((item, w))
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            spare = area.width() - sum(w for _, w in line) - self.spacing() * (len(line) - 1)
            growing = [i for i, (item, _) in enumerate(line) if _grows(item)]
            widths = [min(w + (spare // len(growing) if i in growing and spare > 0 else 0), item.maximumSize().width())
                      for i, (item, w) in enumerate(line)]
            height = max(_height(item, w) for (item, _), w in zip(line, widths))
            x = area.x()
            for (item, _), w in zip(line, widths):
                if move:
                    h = min(height, item.maximumSize().height())
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + self.spacing()
            y += height + self.spacing()
        return max(0, y - self.spacing() - rect.y()) + m.bottom()


def stretch() -> QWidget:
    """Room that a flow line hands out first: the widgets after it sit at the line's right end."""
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    spacer.setFixedHeight(0)
    return spacer


def _height(item: QLayoutItem, width: int) -> int:
    """A word-wrapped text is as tall as it needs at the width it gets, not at its preferred one."""
    return item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()


GROWING = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)


def _grows(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.sizePolicy().horizontalPolicy() in GROWING


class FoldingSplitter(QSplitter):
    """A list beside its detail pane. When the splitter is narrower than `fold_below` the pane folds
    away by itself (the list keeps the room) until the user shows it with the toggle button (F6); a
    wide window brings it back. The splitter's proportions are remembered under `key`."""

    def __init__(self, main: QWidget, side: QWidget, key: str, fold_below: int = 900, stretch: tuple = (3, 2),
                 toggle_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key, self.fold_below = key, fold_below
        # shown on a small screen on request, the pane scrolls rather than squeezing its boxes
        self.side = _PaneScroll(side)
        self.addWidget(main)
        self.addWidget(self.side)
        self.setStretchFactor(0, stretch[0])
        self.setStretchFactor(1, stretch[1])
        self.setCollapsible(0, False)
        self._stretch = stretch
        state = QSettings().value(f"{key}/splitter")
        self._dragged = state is not None  # the user's own split is kept from then on
        if state is not None:
            self.restoreState(state)
        self.splitterMoved.connect(self._moved)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setText(toggle_text or tr("Detail"))
        self.toggle.setToolTip(tr("Tampilkan atau sembunyikan panel detail (F6)"))
        self.toggle.setShortcut("F6")
        self.toggle.toggled.connect(self._chosen)
        self._wanted: bool | None = None  # the user's choice; None: follow the window's width

    def _chosen(self, shown: bool) -> None:
        self._wanted = shown
        self.side.setVisible(shown)

    def _moved(self) -> None:
        self._dragged = True
        QSettings().setValue(f"{self.key}/splitter", self.saveState())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._wanted is None:
            narrow = event.size().width() < self.fold_below
            self.side.setVisible(not narrow)
            self.toggle.blockSignals(True)
            self.toggle.setChecked(not narrow)
            self.toggle.blockSignals(False)
        if self.side.isVisibleTo(self) and not self._dragged:
            self._share()

    def _share(self) -> None:
        """The pane its share of the width, but never less than its boxes need while the list keeps
        its own minimum (then the pane scrolls)."""
        total = self.width() - self.handleWidth()
        content = self.side.widget().minimumSizeHint().width() + self.side.verticalScrollBar().sizeHint().width()
        side = max(total * self._stretch[1] // sum(self._stretch), content)
        side = max(0, min(side, total - self.widget(0).minimumSizeHint().width()))
        self.setSizes([total - side, side])

    def minimumSizeHint(self) -> QSize:
        """The pane can always fold away, so only the list counts towards the window's minimum."""
        main = self.widget(0).minimumSizeHint().expandedTo(self.widget(0).minimumSize())
        return QSize(main.width(), max(main.height(), 0))


class _PaneScroll(QScrollArea):
    """Scrolls only what does not fit at the pane's minimum: the boxes fill the room there is (a
    resizable scroll area would make them as tall as they would like, and scroll at 1366 × 768)."""

    def __init__(self, pane: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(pane)
        pane.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        pane, room = self.widget(), self.maximumViewportSize()
        least = pane.minimumSizeHint().expandedTo(pane.minimumSize())
        width = max(room.width(), least.width())
        if least.height() > room.height():  # a vertical scroll bar will take some width
            width = max(room.width() - self.verticalScrollBar().sizeHint().width(), least.width())
        pane.resize(width, max(room.height(), least.height()))


def size_columns(table: QTableView, samples: dict[int, str], stretch_last: bool = True) -> None:
    """Each column as wide as a typical value (a NIK, a long name) in the table's own font, or its
    title if that is wider, so the widths suit the content at any font size; the user may still
    drag them, and the last column takes what is left."""
    metrics, header = table.fontMetrics(), table.horizontalHeader()
    title_metrics = header.fontMetrics()
    for col, sample in samples.items():
        title = str(table.model().headerData(col, Qt.Orientation.Horizontal) or "")
        table.setColumnWidth(col, max(metrics.horizontalAdvance(sample), title_metrics.horizontalAdvance(title) + 14)
                             + 14)
    header.setStretchLastSection(stretch_last)


TITLE_BAR = 40  # room the window manager's title bar takes above a dialog


def screen_room(widget: QWidget) -> QSize:
    """The room a window may take on the screen it opens on (the taskbar left out)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Open at `width` × `height`, or smaller where the screen is smaller (a 1366 × 768 laptop at
    125 % gives 1093 × 614), so that the buttons at the bottom are never off the screen."""
    room = screen_room(widget)
    widget.resize(min(width, room.width()), min(height, room.height() - TITLE_BAR))
