"""name parts: every part of a member's names, for search on each part of a name

Revision ID: 0007_name_parts
Revises: 0006_sync
Create Date: 2026-12-01 10:30:00
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007_name_parts'
down_revision: str | Sequence[str] | None = '0006_sync'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of intake.core.text.name_parts as this revision ships it.
_FOLD_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ß": "ss",
                             "ı": "i", "þ": "th", "ð": "d"})
TUSSENVOEGSELS = frozenset({"van", "de", "der", "den", "het", "'t", "t", "ter", "ten", "te",
                            "op", "in", "v.d.", "vd"})
_PART_BREAK = re.compile(r"[\s,\-\u2010\u2011\u2013]+")
_APOSTROPHE = re.compile(r"['\u2019`]")
BATCH = 2000


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.translate(_FOLD_EXTRA).split())


def _words(value: str) -> list[str]:
    return [word for word in _PART_BREAK.split(_fold(_APOSTROPHE.sub("'", value))) if word]


def _name_parts(given: str, family: str) -> list[str]:
    parts: list[str] = []
    for word in (*_words(given), *_words(family)):
        pieces = [word, *(piece for piece in word.split("'") if len(piece) > 1 and piece != word)]
        for piece in pieces:
            if piece and piece not in TUSSENVOEGSELS and piece not in parts:
                parts.append(piece[:100])
    return parts


def upgrade() -> None:
    op.create_table('member_name_parts',
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('part', sa.String(length=100), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_member_name_parts_household_id_households'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_member_name_parts_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', 'part', name=op.f('pk_member_name_parts'))
    )
    with op.batch_alter_table('member_name_parts', schema=None) as batch_op:
        batch_op.create_index('ix_member_name_parts_part_household', ['part', 'household_id'], unique=False)
        batch_op.create_index('ix_member_name_parts_household_part', ['household_id', 'part'], unique=False)

    members = sa.table("members", sa.column("id", sa.Uuid()), sa.column("household_id", sa.Uuid()),
                       sa.column("given_name", sa.String()), sa.column("family_name", sa.String()))
    parts = sa.table("member_name_parts", sa.column("member_id", sa.Uuid()),
                     sa.column("part", sa.String()), sa.column("household_id", sa.Uuid()))
    bind = op.get_bind()
    rows: list[dict[str, object]] = []
    for member_id, household_id, given, family in bind.execute(
            sa.select(members.c.id, members.c.household_id, members.c.given_name,
                      members.c.family_name)):
        rows.extend({"member_id": member_id, "part": part, "household_id": household_id}
                    for part in _name_parts(given or "", family or ""))
        if len(rows) >= BATCH:
            bind.execute(parts.insert(), rows)
            rows = []
    if rows:
        bind.execute(parts.insert(), rows)


def downgrade() -> None:
    with op.batch_alter_table('member_name_parts', schema=None) as batch_op:
        batch_op.drop_index('ix_member_name_parts_household_part')
        batch_op.drop_index('ix_member_name_parts_part_household')

    op.drop_table('member_name_parts')
