"""Signing in costs one key derivation: the key file's unlock proves the password when the
entry is settled; private keys wrapped with scrypt (stores from before Argon2id) still open
and are wrapped again with Argon2id at that account's next sign-in."""

from __future__ import annotations

import secrets

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from intake.core.errors import AuthenticationError
from intake.core.session import unit_of_work
from intake.store import accounts, crypto, open_store
from intake.store.keyring import KeyFile, Keyring
from intake.store.location import keyring_path
from intake.store.opening import sign_in
from tests.conftest import PASSWORD, Team
from tests.store.test_key_pairs import later


def keyring_of(team: Team) -> Keyring:
    assert team.location.path is not None
    return Keyring(keyring_path(team.location.path))


def scrypt_wrap(private: object, password: str) -> crypto.PrivateWrap:
    """A private key wrapped the way key files were written before Argon2id."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    assert isinstance(private, X25519PrivateKey)
    shell = crypto.PrivateWrap(salt=secrets.token_hex(16), nonce=secrets.token_hex(12),
                               ciphertext="", n=2**10, r=8, p=1)
    assert shell.kdf == crypto.SCRYPT
    ciphertext = ChaCha20Poly1305(shell.derive(password)).encrypt(
        bytes.fromhex(shell.nonce), private.private_bytes_raw(), crypto._PRIVATE_AD)
    return crypto.PrivateWrap(salt=shell.salt, nonce=shell.nonce, ciphertext=ciphertext.hex(),
                              n=shell.n, r=shell.r, p=shell.p)


def rewrap_with_scrypt(team: Team, usernames: list[str]) -> None:
    def change(found: KeyFile) -> None:
        for name in usernames:
            unlock = found.entries[name].unlocks[0]
            private = crypto.unwrap_private(unlock.private, PASSWORD)
            assert private is not None
            unlock.private = scrypt_wrap(private, PASSWORD)

    keyring_of(team).update(change)


def kdfs(team: Team) -> dict[str, str]:
    found = keyring_of(team).read()
    return {name: entry.unlocks[0].private.kdf for name, entry in found.entries.items()}


def test_new_key_files_wrap_private_keys_with_argon2id(team: Team) -> None:
    assert set(kdfs(team).values()) == {crypto.ARGON2ID}
    entry = keyring_of(team).read().entries["consulent"]
    assert not crypto.outdated(entry.unlocks[0].private)
    assert crypto.unwrap_private(entry.unlocks[0].private, "fout-wachtwoord") is None


def test_a_store_with_scrypt_wraps_opens_and_each_account_moves_to_argon2id_at_sign_in(
        team: Team) -> None:
    rewrap_with_scrypt(team, ["consulent", "regisseur"])
    assert kdfs(team)["consulent"] == crypto.SCRYPT
    store, actor = open_store(team.location, "consulent", PASSWORD)
    store.close()
    assert actor.username == "consulent"
    after = kdfs(team)
    assert after["consulent"] == crypto.ARGON2ID
    assert after["regisseur"] == crypto.SCRYPT  # not signed in yet
    store, _ = open_store(team.location, "consulent", PASSWORD)  # the new wrap opens
    store.close()
    with pytest.raises(AuthenticationError):
        open_store(team.location, "regisseur", "fout-wachtwoord")
    assert kdfs(team)["regisseur"] == crypto.SCRYPT  # a wrong password migrates nothing


def test_a_settled_entry_signs_in_without_the_second_derivation(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    def second(_hash: str, _password: str) -> bool:
        raise AssertionError("the users table's hash was checked as well")

    monkeypatch.setattr(crypto, "verify_password", second)
    store, actor = open_store(team.location, "teamleider", PASSWORD)
    store.close()
    assert actor.username == "teamleider"
    with pytest.raises(AuthenticationError):  # a wrong password fails at the key file
        open_store(team.location, "teamleider", "fout-wachtwoord")


def test_an_unsettled_entry_still_asks_the_users_table(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("intake.store.keys.after_transaction", lambda *args: None)
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.change_password(uow, "consulent", "een-nieuw-wachtwoord")
    checked: list[str] = []
    real = crypto.verify_password

    def counted(password_hash: str, password: str) -> bool:
        checked.append(password)
        return real(password_hash, password)

    monkeypatch.setattr(crypto, "verify_password", counted)
    with pytest.raises(AuthenticationError):  # the old password still opens an unlock
        open_store(team.location, "consulent", PASSWORD)
    assert checked == [PASSWORD]


def test_a_disabled_account_is_refused_though_the_password_was_proven(team: Team) -> None:
    with unit_of_work(team.store, team.beheerder) as uow:
        accounts.disable_account(uow, "consulent")
    with pytest.raises(AuthenticationError, match="geblokkeerd"):
        sign_in(team.store, "consulent", "niet-gecontroleerd", later(), proven=True)
