"""Signing in the window with a key locked by the signer's passphrase: asked, opened once for the
session, and a wrong passphrase asked again."""

import datetime as dt

from desktop.core.services import signing, signing_keys
from desktop.core.services.referrals import ReferralInput, create_referral, letter_data, move
from desktop.core.services.registry import PersonInput, create_person
from desktop.gui.referrals.passphrase import PassphraseDialog, write_signing

PASSPHRASE = "frasa-sandi-camat-1"


def _draft(db) -> int:
    with db.transaction() as s:
        signing_keys.new_key(s, PASSPHRASE)
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        return create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid)).id


def test_a_locked_key_asks_for_the_passphrase_and_signs(qtbot, ops, sqlite_db, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.gui.referrals.passphrase.show_error", lambda parent, exc: shown.append(exc))
    ref = _draft(sqlite_db)
    answers = iter(["bukan-frasa-ini", PASSPHRASE])
    asked = []

    def ask(parent, wrong):
        asked.append(wrong)
        return next(answers)

    try:
        outcome = write_signing(ops, lambda s: move(s, ref, "ditandatangani", letter_date=dt.date(2026, 11, 22)),
                                parent=None, ask=ask)
        assert outcome and asked == [False, True] and shown == []
        code = ops.read(lambda s: letter_data(s, ref).qr)
        assert signing.verify(sqlite_db, code).authentic
    finally:
        signing_keys.lock()


def test_cancelling_the_passphrase_signs_nothing(qtbot, ops, sqlite_db, monkeypatch):
    monkeypatch.setattr("desktop.gui.referrals.passphrase.show_error", lambda parent, exc: None)
    ref = _draft(sqlite_db)
    outcome = write_signing(ops, lambda s: move(s, ref, "ditandatangani"), parent=None, ask=lambda p, w: None)
    assert not outcome and outcome.error.code == "signing.passphrase_needed"
    assert ops.read(lambda s: letter_data(s, ref).draft)


def test_the_dialog_hides_what_is_typed(qtbot):
    dialog = PassphraseDialog(wrong=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    assert dialog.passphrase() == PASSPHRASE
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
