"""resident plan: members who live elsewhere; UWV work support and bewindvoering shipped

Revision ID: 0005_resident_plan
Revises: 0004_reports
Create Date: 2026-11-23 10:00:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = '0005_resident_plan'
down_revision: str | Sequence[str] | None = '0004_reports'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of what this revision ships, whatever later releases change in the files.
LABELS_FROM = datetime(2000, 1, 1)
# (catalogue, code, label, law_code)
NEW_ENTRIES: list[tuple[str, str, str, str]] = [
    ('hulpvraagtype', 'werk_reintegratie_uwv', 'Werk en re-integratie via UWV (Wajong)', 'wajong'),
]
# (code, name, organisation, kind, domain_code, description, search_key)
NEW_SERVICES: list[tuple[str, str, str, str, str, str, str]] = [
    ('uwv_werkcoach_wajong', 'Werkcoach voor Wajongers', 'UWV', 'maatwerk', 'werk_opleiding',
     'Begeleiding naar betaald werk voor wie een Wajong-uitkering heeft: werkcoach, jobcoach en '
     'proefplaatsing (UWV, niet de Participatiewet).',
     'werkcoach voor wajongers uwv'),
    ('bewindvoering', 'Beschermingsbewind (bewindvoering)',
     'Bewindvoerder, benoemd door de kantonrechter', 'maatwerk', 'financien',
     'De bewindvoerder beheert het inkomen, betaalt de vaste lasten en regelt de schulden; de '
     'kosten zijn vaak te vergoeden via bijzondere bijstand.',
     'beschermingsbewind (bewindvoering) bewindvoerder, benoemd door de kantonrechter'),
]

_entries = sa.table(
    "catalogue_entries",
    sa.column("catalogue", sa.String), sa.column("code", sa.String),
    sa.column("label", sa.String), sa.column("law_code", sa.String),
    sa.column("ijw_code", sa.String), sa.column("active", sa.Boolean),
    sa.column("position", sa.Integer), sa.column("shipped", sa.Boolean),
    sa.column("created_at", sa.DateTime), sa.column("version", sa.Integer),
)
_labels = sa.table(
    "catalogue_labels",
    sa.column("id", sa.Uuid), sa.column("catalogue", sa.String), sa.column("code", sa.String),
    sa.column("label", sa.String), sa.column("valid_from", sa.DateTime),
    sa.column("set_by_id", sa.Uuid),
)
_services = sa.table(
    "social_services",
    sa.column("id", sa.Uuid), sa.column("code", sa.String), sa.column("name", sa.String),
    sa.column("organisation", sa.String), sa.column("kind", sa.String),
    sa.column("domain_code", sa.String), sa.column("description", sa.String),
    sa.column("contact", sa.String), sa.column("active", sa.Boolean),
    sa.column("shipped", sa.Boolean), sa.column("search_key", sa.String),
    sa.column("version", sa.Integer),
)


def upgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('residence', sa.String(length=32), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('residence_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('residence_note', sa.String(length=200),
                                      server_default='', nullable=False))
    connection = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    for catalogue, code, label, law_code in NEW_ENTRIES:
        exists = connection.execute(sa.select(_entries.c.code).where(
            _entries.c.catalogue == catalogue, _entries.c.code == code)).first()
        if exists:  # a beheerder may have added the same code by hand
            continue
        last = connection.execute(sa.select(sa.func.max(_entries.c.position)).where(
            _entries.c.catalogue == catalogue)).scalar()
        connection.execute(_entries.insert().values(
            catalogue=catalogue, code=code, label=label, law_code=law_code, ijw_code=None,
            active=True, position=(last if last is not None else -1) + 1, shipped=True,
            created_at=now, version=1))
        connection.execute(_labels.insert().values(
            id=uuid.uuid4(), catalogue=catalogue, code=code, label=label,
            valid_from=LABELS_FROM, set_by_id=None))
    taken = set(connection.execute(sa.select(_services.c.code)).scalars())
    rows = [{"id": uuid.uuid4(), "code": code, "name": name, "organisation": organisation,
             "kind": kind, "domain_code": domain_code, "description": description,
             "contact": "", "active": True, "shipped": True, "search_key": search_key,
             "version": 1}
            for code, name, organisation, kind, domain_code, description, search_key
            in NEW_SERVICES if code not in taken]
    if rows:
        connection.execute(_services.insert(), rows)


def downgrade() -> None:
    connection = op.get_bind()
    codes = [code for code, *_rest in NEW_SERVICES]
    connection.execute(_services.delete().where(_services.c.code.in_(codes)))
    for catalogue, code, _label, _law in NEW_ENTRIES:
        connection.execute(_labels.delete().where(_labels.c.catalogue == catalogue,
                                                  _labels.c.code == code))
        connection.execute(_entries.delete().where(_entries.c.catalogue == catalogue,
                                                   _entries.c.code == code))
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('residence_note')
        batch_op.drop_column('residence_since')
        batch_op.drop_column('residence')
