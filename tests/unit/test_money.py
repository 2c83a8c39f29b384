import datetime as dt

import pytest

from desktop.core.domain.money import amount_in_words, figures, rupiah, spelled_date, thousands


def test_spelled_date_is_the_berita_acara_form():
    assert spelled_date(dt.date(2026, 11, 22)) == (
        "Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam (22-11-2026)")


def test_spelled_date_single_digit_day_and_month_keep_two_digit_figures():
    assert spelled_date(dt.date(2026, 1, 1)) == (
        "Kamis tanggal satu bulan Januari tahun dua ribu dua puluh enam (01-01-2026)")


@pytest.mark.parametrize(("amount", "words"), [
    (0, "nol rupiah"),
    (1_000, "seribu rupiah"),
    (11_000, "sebelas ribu rupiah"),
    (1_000_000, "satu juta rupiah"),
    (1_250_000, "satu juta dua ratus lima puluh ribu rupiah"),
    (1_001_000, "satu juta seribu rupiah"),
    (10**9, "satu miliar rupiah"),
])
def test_cash_in_words(amount, words):
    assert amount_in_words(amount, cash=True, unit="Rp") == words


def test_goods_in_words_take_the_unit():
    assert amount_in_words(120, cash=False, unit="paket") == "seratus dua puluh paket"
    assert amount_in_words(1_000, cash=False, unit="kg") == "seribu kg"


def test_figures():
    assert rupiah(1_250_000) == "Rp1.250.000"
    assert rupiah(0) == "Rp0"
    assert thousands(1_250_000) == "1.250.000"
    assert figures(600_000, cash=True, unit="Rp") == "Rp600.000"
    assert figures(1_200, cash=False, unit="kg") == "1.200 kg"


def test_whole_numbers_are_grouped_as_babel_groups_them():
    from babel.numbers import format_decimal

    from desktop.core import i18n

    before = i18n.language()
    try:
        for lang, locale in (("id", "id_ID"), ("en", "en_US")):
            i18n.set_language(lang)
            for value in (0, 7, 999, 1000, 7198, -1234567, 10**12):
                assert i18n.number(value) == format_decimal(value, format="#,##0", locale=locale)
            assert i18n.number(0.9, 1) == format_decimal(0.9, format="#,##0.0", locale=locale)
    finally:
        i18n.set_language(before)
