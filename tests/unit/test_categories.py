import pytest

from desktop.core.domain.categories import PPKS_NAMES, category_key, ppks_category_no

TELANTAR = [(no, name) for no, _code, name in PPKS_NAMES if "Telantar" in name]


def test_the_three_telantar_categories_are_all_covered():
    assert [no for no, _ in TELANTAR] == [1, 2, 8]


@pytest.mark.parametrize(("no", "name"), TELANTAR)
def test_both_spellings_of_telantar_in_any_case(no, name):
    regulation = name.replace("Telantar", "Terlantar")  # Permensos 8/2012 writes "terlantar"
    for text in (name, regulation, name.upper(), regulation.upper(), regulation.lower()):
        assert ppks_category_no(text) == no, text


@pytest.mark.parametrize(("no", "code", "name"), PPKS_NAMES)
def test_every_category_by_code_number_and_name(no, code, name):
    assert ppks_category_no(code) == no
    assert ppks_category_no(code.lower()) == no
    assert ppks_category_no(str(no)) == no
    assert ppks_category_no(f"{no:02d}") == no
    assert ppks_category_no(f"PPKS-{no:02d}") == no
    assert ppks_category_no(f"pmks {no}") == no
    assert ppks_category_no(name) == no
    assert ppks_category_no(f"  {name.upper()}.  ") == no
    assert ppks_category_no(f"{no}. {name}") == no
    assert ppks_category_no(f"{name} ({code})") == no


@pytest.mark.parametrize(("text", "no"), [
    ("LANJUT USIA TERLANTAR", 8), ("Lansia Terlantar", 8), ("LANSIA", 8), ("lansia telantar", 8),
    ("DISABILITAS", 9), ("Penyandang  Disabilitas", 9), ("penyandang-disabilitas", 9),
    ("FAKIR MISKIN", 24), ("fakir_miskin", 24), ("KOMUNITAS ADAT TERPENCIL", 26),
    ("Orang dengan HIV/AIDS", 16), ("ORANG DENGAN HIV AIDS", 16),
    ("Korban Perdagangan Orang (Trafficking)", 18), ("Korban Perdagangan Orang", 18), ("KORBAN TRAFFICKING", 18),
    ("Anak Berhadapan dengan Hukum", 3), ("Balita Terlantar", 1),
])
def test_usual_short_names_and_punctuation(text, no):
    assert ppks_category_no(text) == no


@pytest.mark.parametrize(("text", "no"), [
    # the 2007 PMKS scheme and other systems
    ("KFM", 24), ("Keluarga Fakir Miskin", 24), ("WRSE", 23), ("Wanita Rawan Sosial Ekonomi", 23),
    ("PACA", 9), ("Penyandang Cacat", 9), ("AN", 3), ("Anak Nakal", 3), ("PGMS", 12), ("GLDNG", 11),
    ("BWBLK", 15), ("PM", 20), ("KPN", 17), ("KTR", 18), ("AKTKDS", 6), ("PDIS", 9),
])
def test_old_pmks_names_and_codes(text, no):
    assert ppks_category_no(text) == no


@pytest.mark.parametrize("text", [
    "", "   ", "RTLH", "Rumah Tidak Layak Huni", "KLGRTN", "bukan apa-apa", "0", "27", "PPKS-99",
    "01 FM",  # the number and the code disagree: better asked than guessed
    "Gelandangan dan Pengemis",  # two categories in one name
    "LUT (FM)",
])
def test_what_names_no_category_is_none(text):
    assert ppks_category_no(text) is None


def test_key_folds_spelling_case_and_punctuation():
    assert category_key(" lanjut-usia  TERLANTAR. ") == "LANJUT USIA TELANTAR"
    assert category_key("Penyandang Disabilitas") == category_key("PENYANDANG_DISABILITAS")
