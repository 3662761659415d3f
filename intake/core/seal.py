"""The audit seal: the chain's head (count and hash) written to a file the beheerder keeps
elsewhere. Anyone who can write the store can recompute the whole chain after an edit; they
cannot change the seal on a USB stick in a drawer, so ``verify`` against it shows the edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from intake.core import audit
from intake.core.context import UnitOfWork
from intake.core.errors import StoreError, ValidationError
from intake.core.files import write_private

FORMAT = 1
KIND = "intake-audit-zegel"
DAMAGED = "Dit is geen zegelbestand van de audittrail, of het is beschadigd."


@dataclass(frozen=True)
class Seal:
    head: audit.ChainHead
    sealed_at: datetime
    sealed_by: str

    def to_bytes(self) -> bytes:
        return json.dumps({"soort": KIND, "format": FORMAT, "regels": self.head.entries,
                           "hash": self.head.hash, "verzegeld_op": self.sealed_at.isoformat(),
                           "door": self.sealed_by}, indent=1).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> Seal:
        try:
            raw = json.loads(data.decode("utf-8"))
            if raw.get("soort") != KIND or int(raw["format"]) != FORMAT:
                raise StoreError(DAMAGED)
            digest = str(raw["hash"])
            if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
                raise StoreError(DAMAGED)
            return cls(audit.ChainHead(int(raw["regels"]), digest),
                       datetime.fromisoformat(raw["verzegeld_op"]), str(raw["door"]))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError) as error:
            raise StoreError(DAMAGED) from error

    @classmethod
    def read(cls, path: Path) -> Seal:
        try:
            return cls.from_bytes(path.read_bytes())
        except FileNotFoundError as error:
            raise StoreError(f"Het zegelbestand {path} bestaat niet.") from error


def seal_chain(uow: UnitOfWork) -> Seal:
    """The head of the chain as it stands, its own entry included; refused for a broken chain
    (sealing it would make the break look approved)."""
    audit.require_beheerder(uow, "audit-verzegelen")
    audit.record(uow, "audit-verzegelen", "audittrail")
    uow.session.flush()
    report = audit.walk_chain(uow.session)
    if report.broken_at is not None:
        raise ValidationError({"audit": (
            f"De audittrail is gebroken bij regel {report.broken_at}; een gebroken keten wordt "
            "niet verzegeld. Zoek eerst uit wat er gebeurd is.")})
    assert report.head is not None  # its own entry is there
    return Seal(report.head, uow.now, uow.actor.username)


def write_seal(seal: Seal, out: Path) -> None:
    write_private(out, seal.to_bytes())
