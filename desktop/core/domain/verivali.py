"""Fixed lists of the DTKS/DTSEN cycle: the result codes as typed and printed (1-8), and the
criteria of poverty a proposal ticks (the fourteen BPS criteria that SIKS-NG's usulan form follows)."""

from __future__ import annotations

from desktop.core.domain.enums import ResultCode

# The key typed in the entry table and the box on the worksheet: 1 tetap layak … 8 usulan baru.
RESULT_ORDER: tuple[ResultCode, ...] = tuple(ResultCode)
RESULT_BY_KEY: dict[str, ResultCode] = {str(n): code for n, code in enumerate(RESULT_ORDER, 1)}
KEY_OF: dict[ResultCode, str] = {code: key for key, code in RESULT_BY_KEY.items()}

# As the worksheet's legend and the BA print them.
RESULT_TEXT: dict[ResultCode, str] = {
    ResultCode.ELIGIBLE: "Tetap layak",
    ResultCode.NOT_ELIGIBLE: "Tidak layak / mampu",
    ResultCode.DECEASED: "Meninggal",
    ResultCode.MOVED: "Pindah",
    ResultCode.NOT_FOUND: "Tidak ditemukan",
    ResultCode.DUPLICATE: "Ganda",
    ResultCode.FIX_ID: "Perbaikan NIK/KK",
    ResultCode.PROPOSED: "Usulan baru",
}
# Results that take a family (or member) off the list: the BA's "dikeluarkan" table.
REMOVALS = frozenset({ResultCode.NOT_ELIGIBLE, ResultCode.DECEASED, ResultCode.MOVED, ResultCode.NOT_FOUND,
                      ResultCode.DUPLICATE})

CRITERIA: tuple[tuple[str, str], ...] = (
    ("K01", "Luas lantai bangunan tempat tinggal kurang dari 8 m² per orang"),
    ("K02", "Lantai tanah, bambu, atau kayu murahan"),
    ("K03", "Dinding bambu, rumbia, kayu murahan, atau tembok tanpa plester"),
    ("K04", "Tidak memiliki fasilitas buang air besar sendiri"),
    ("K05", "Penerangan rumah tangga tidak menggunakan listrik"),
    ("K06", "Air minum dari sumur/mata air tidak terlindung, sungai, atau air hujan"),
    ("K07", "Bahan bakar memasak kayu bakar, arang, atau minyak tanah"),
    ("K08", "Hanya mengonsumsi daging/susu/ayam satu kali seminggu"),
    ("K09", "Hanya membeli satu stel pakaian baru dalam setahun"),
    ("K10", "Hanya sanggup makan satu atau dua kali sehari"),
    ("K11", "Tidak sanggup membayar biaya pengobatan di puskesmas/poliklinik"),
    ("K12", "Penghasilan kepala rumah tangga di bawah Rp600.000 per bulan"),
    ("K13", "Pendidikan tertinggi kepala rumah tangga tidak sekolah atau tidak tamat SD"),
    ("K14", "Tidak memiliki tabungan/barang yang mudah dijual senilai minimal Rp500.000"),
)
CRITERIA_TEXT = dict(CRITERIA)
# The house, as the usulan form and the DTSEN ground check ask about it.
HOUSE_FIELDS: tuple[tuple[str, str], ...] = (
    ("tenure", "Status rumah"), ("floor", "Lantai"), ("wall", "Dinding"), ("roof", "Atap"),
    ("water", "Sumber air minum"), ("lighting", "Penerangan"), ("toilet", "Fasilitas BAB"),
    ("fuel", "Bahan bakar memasak"),
)
# What the form offers for each (the answers of the BPS/DTSEN questionnaire; other text may be typed).
HOUSE_CHOICES: dict[str, tuple[str, ...]] = {
    "tenure": ("Milik sendiri", "Kontrak/sewa", "Bebas sewa (menumpang)", "Dinas", "Lainnya"),
    "floor": ("Tanah", "Bambu", "Kayu/papan kualitas rendah", "Semen/bata merah", "Kayu/papan kualitas tinggi",
              "Keramik", "Marmer/granit"),
    "wall": ("Bambu", "Anyaman bambu", "Kayu/papan", "Tembok tanpa plester", "Tembok", "Rumbia/lainnya"),
    "roof": ("Daun/ijuk/rumbia", "Bambu", "Seng", "Asbes", "Genteng", "Beton"),
    "water": ("Sumur tak terlindung", "Mata air tak terlindung", "Air sungai/danau", "Air hujan",
              "Sumur terlindung", "Sumur bor/pompa", "Leding/PDAM", "Air isi ulang/kemasan"),
    "lighting": ("Bukan listrik", "Listrik PLN tanpa meteran", "Listrik PLN 450 VA", "Listrik PLN 900 VA",
                 "Listrik PLN di atas 900 VA", "Listrik non-PLN"),
    "toilet": ("Tidak ada", "Bersama/umum", "Sendiri"),
    "fuel": ("Kayu bakar", "Arang", "Minyak tanah", "Gas 3 kg", "Gas lebih dari 3 kg", "Listrik"),
}
