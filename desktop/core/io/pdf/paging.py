"""Page numbers and line wrapping shared by the distribution papers.

"Halaman x dari y" needs y before the last page is drawn. Keeping every page's state until the
end (the usual recipe) held the whole document twice in memory: 532 MB for a 38,700-row
roster. Here each page draws a form XObject named after its number; the forms, each holding
the finished "Halaman x dari y", are written once the count is known, at save. Each page's
content is compressed as soon as the page is finished, so what stays in memory is about the
size of the PDF itself."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfbase.pdfmetrics import stringWidth
from desktop.core.io.pdf.layout import FONT, SimpulCanvas

ELLIPSIS = "\u2026"


class PagedCanvas(SimpulCanvas):
    """A canvas that numbers its pages "Halaman x dari y" (or per section: a roster restarts
    the numbers for each desa when asked) and puts a small grey `footer` on the left.

    A drawing may call `start_section(key)` on the canvas before the first page of a section;
    with `per_section=True` the numbers count within the section."""

    def __init__(self, *args, footer: str = "", margin: float = 36, footer_y: float = 20,
                 per_section: bool = False, **kwargs) -> None:
        kwargs.setdefault("pageCompression", 1)
        super().__init__(*args, **kwargs)
        self._footer, self._margin, self._footer_y = footer, margin, footer_y
        self._per_section = per_section
        self._section: object = None
        self._page_sections: list[object] = []  # one key per finished page

    def start_section(self, key: object) -> None:
        self._section = key

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        number = len(self._page_sections) + 1
        self.saveState()
        if self._footer:
            self.setFont(FONT, 7)
            self.setFillColor(colors.grey)
            self.drawString(self._margin, self._footer_y, self._footer)
        self.doForm(f"simpulPage{number}")
        self.restoreState()
        self._page_sections.append(self._section)
        super().showPage()
        _compress_last_page(self)

    def save(self) -> None:
        totals: dict[object, int] = {}
        for key in self._page_sections:
            totals[key] = totals.get(key, 0) + 1
        seen: dict[object, int] = {}
        right = self._pagesize[0] - self._margin
        for number, key in enumerate(self._page_sections, 1):
            if self._per_section:
                seen[key] = seen.get(key, 0) + 1
                text = f"Halaman {seen[key]} dari {totals[key]}"
            else:
                text = f"Halaman {number} dari {len(self._page_sections)}"
            self.beginForm(f"simpulPage{number}")
            self.setFont(FONT, 8)
            self.setFillColor(colors.black)
            self.drawRightString(right, self._footer_y, text)
            self.endForm()
        super().save()

    @property
    def page_count(self) -> int:
        return len(self._page_sections)


def _compress_last_page(canvas: SimpulCanvas) -> None:
    """Replace the page's content text by its deflated bytes now rather than at save."""
    page = canvas._doc.Pages.pages[-1]
    if page.stream is None or page.Contents:
        return
    content = page.stream.encode("utf8") if isinstance(page.stream, str) else page.stream
    stream = PDFStream(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}), zlib.compress(content))
    stream.__Comment__ = "page stream"
    page.Contents, page.stream = stream, None


def wrap_lines(text: str, font: str, size: float, width: float, lines: int = 0) -> list[str]:
    """Wrap `text` into lines no wider than `width`; a word wider than the cell is cut where it
    must. With `lines` > 0 the rest beyond that many lines is cut with an ellipsis (only a guard
    against a row taller than a page: papers wrap in full)."""
    out: list[str] = []
    for line in simpleSplit(text or "", font, size, width):
        while stringWidth(line, font, size) > width:  # one word wider than the cell
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, size) > width:
                cut -= 1
            dash = max(line.rfind(mark, 0, cut) for mark in "-\u2013/")
            cut = dash + 1 if dash > 0 else cut  # "Tenggarong–" / "Samarinda" rather than mid-word
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    if lines and len(out) > lines:
        out = out[:lines]
        last = out[-1]
        while last and stringWidth(last + ELLIPSIS, font, size) > width:
            last = last[:-1]
        out[-1] = last.rstrip() + ELLIPSIS
    return out


def clip_lines(text: str, font: str, size: float, width: float, lines: int) -> str:
    """`wrap_lines` joined with newlines, for a table cell."""
    return "\n".join(wrap_lines(text, font, size, width, lines))


def name_and_titles(name: str) -> tuple[str, str]:
    """ "Drs. H. Ahmad Rifani, M.Si., M.A.P." -> ("Drs. H. Ahmad Rifani,", "M.Si., M.A.P."): the name
    with the titles before it, and the degrees after its first comma, which go together."""
    head, comma, titles = name.partition(", ")
    return (head + ",", titles) if comma else (name, "")


def _glued(part: str) -> str:
    return part.replace(" ", "\u00a0")


def unbroken(name: str) -> str:
    """A person's name with non-breaking spaces inside the name and inside its degrees, so
    "Muhammad Ridwan Syahputra, S.STP., M.Si." may break after the name's comma (the degrees
    go down as a whole) but never inside the name, nor between "S.STP.," and "M.Si."."""
    head, titles = name_and_titles(name)
    return f"{_glued(head)} {_glued(titles)}" if titles else _glued(head)


def fitted_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """The largest size down to `smallest` at which `text` fits `width` on one line."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def signer_size(names: Iterable[str], font: str, size: float, width: float, readable: float,
                smallest: float | None = None) -> float:
    """One type size for signers' names that stand side by side (PIHAK KEDUA beside PIHAK
    PERTAMA): the largest at which every name fits its line, down to `readable`. A name that
    cannot gets the size at which its name and its degrees each fit a line of their own; only a
    name proper wider than the line even then goes smaller still, down to `smallest`."""
    sizes = [size]
    for name in (n for n in names if n):
        one_line = fitted_size(name, font, size, width, readable)
        if stringWidth(name, font, one_line) <= width:
            sizes.append(one_line)
            continue
        parts = [part for part in name_and_titles(name) if part]
        two_lines = min(fitted_size(part, font, size, width, readable) for part in parts)
        if any(stringWidth(part, font, two_lines) > width for part in parts):
            two_lines = min(fitted_size(part, font, size, width, smallest or readable) for part in parts)
        sizes.append(two_lines)
    return min(sizes)


def signer_markup(name: str, font: str, size: float, width: float) -> str:
    """The name escaped for a Paragraph, breakable only between the name and its degrees. A
    name proper wider than the whole line (never seen on a real signer) keeps its spaces rather
    than run off the paper."""
    if stringWidth(name_and_titles(name)[0], font, size) > width:
        return escape(name)
    return escape(unbroken(name))
