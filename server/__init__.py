"""The team server: PostgreSQL behind an HTTPS API that signs people in and runs the domain.

Layers: ``server`` → ``intake`` → ``db``. Nothing in ``intake`` imports this package except
``intake.cli.frontends``, lazily, when ``intake server …`` is run.
"""
