"""QR codes for a run of coupons, fast: reportlab's QR widget cost about 19 ms a code (it tries
all eight masks, and the coupons drew it twice), 40 ms of the 40 ms a coupon took.

What is the same for every code of a size is built once: the finder, timing and format
patterns for one mask, and the order in which data bits fill the matrix. A code then only needs
its data codewords (reportlab's encoder segments the text and pads it), their Reed-Solomon
error correction from log tables, and the bits set along the cached path. Every mask is valid
(the decoder reads it from the format bits); scanners read these codes as well as any."""

from __future__ import annotations

import functools

from reportlab.graphics.barcode import qrencoder as q

LEVEL = q.QRErrorCorrectLevel.M
MASK = 2  # vertical stripes (column % 3): no finder-like runs along the rows where data is dense
BORDER = 4  # the quiet zone, in modules

_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@functools.cache
def _generator(degree: int) -> tuple[int, ...]:
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, c in enumerate(poly):
            nxt[j] ^= c
            if c:
                nxt[j + 1] ^= _EXP[_LOG[c] + i]
        poly = nxt
    return tuple(poly[1:])


def _ecc(data: list[int], degree: int) -> list[int]:
    gen = [_LOG[g] for g in _generator(degree)]
    rem = [0] * degree
    for byte in data:
        factor = byte ^ rem[0]
        rem = rem[1:] + [0]
        if factor:
            lf = _LOG[factor]
            for k, g in enumerate(gen):
                rem[k] ^= _EXP[lf + g]
    return rem


@functools.cache
def _template(version: int) -> tuple[tuple[tuple[bool, ...], ...], tuple[tuple[int, int, bool], ...]]:
    """The matrix with no data (only the mask's pattern where data goes) and the data path as
    (row, col, mask bit)."""
    code = q.QRCode(version, LEVEL)
    code.addData("0")
    code.makeImpl(False, MASK)
    mask = q.QRUtil.getMask(MASK)
    path = tuple((row, col, bool(mask(row, col))) for col, row in code.dataPosIterator())
    modules = [list(r) for r in code.modules]
    for row, col, m in path:
        modules[row][col] = m
    return tuple(tuple(r) for r in modules), path


class _Bits:
    """reportlab's bit buffer appends bit by bit; an int takes a whole field at once."""

    def __init__(self) -> None:
        self.value = self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def putBit(self, bit: bool) -> None:  # noqa: N802 (the encoder's name)
        self.put(1 if bit else 0, 1)

    def getLengthInBits(self) -> int:  # noqa: N802
        return self.length


def _codewords(data_list: list, version: int) -> list[int]:
    blocks = q.QRRSBlock.getRSBlocks(version, LEVEL)
    buffer = _Bits()
    for data in data_list:
        data.write(buffer, version)
    capacity = sum(b.dataCount for b in blocks) * 8
    if buffer.length + 4 <= capacity:
        buffer.put(0, 4)
    buffer.put(0, -buffer.length % 8)
    k = 0
    while buffer.length < capacity:
        buffer.put((q.QRCode.PAD0, q.QRCode.PAD1)[k % 2], 8)
        k += 1
    raw = list(buffer.value.to_bytes(capacity // 8, "big"))
    data_blocks, ecc_blocks, offset = [], [], 0
    for b in blocks:
        chunk = raw[offset:offset + b.dataCount]
        offset += b.dataCount
        data_blocks.append(chunk)
        ecc_blocks.append(_ecc(chunk, b.totalCount - b.dataCount))
    out = []
    for group in (data_blocks, ecc_blocks):
        for i in range(max(len(b) for b in group)):
            out += [b[i] for b in group if i < len(b)]
    return out


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the QR code (error correction M) for `text`, True for dark."""
    probe = q.QRCode(None, LEVEL)
    probe.addData(text)
    version = probe.calculate_version()
    template, path = _template(version)
    modules = [list(r) for r in template]
    words = _codewords(probe.dataList, version)
    bits = format(int.from_bytes(bytes(words), "big"), f"0{8 * len(words)}b")
    for (row, col, m), bit in zip(path, bits):
        if bit == "1":
            modules[row][col] = not m
    return modules


def qr_ops(text: str) -> tuple[int, str]:
    """The code as PDF path operators in module units, one rectangle per horizontal run of dark
    modules, the quiet zone included: (modules across, "x y w h re ..."). The caller scales and
    fills it; a single fill per code instead of a widget's drawing with a shape per run."""
    modules = qr_matrix(text)
    n = len(modules)
    side = n + 2 * BORDER
    ops = []
    for r, row in enumerate(modules):
        y = side - BORDER - 1 - r
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start + BORDER} {y} {c - start} 1 re")
            else:
                c += 1
    return side, " ".join(ops)
