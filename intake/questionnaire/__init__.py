"""The questionnaire engine: definitions are data (resources/questionnaires), read here.

- ``definition``: load and validate a versioned definition,
- ``conditions``: ``show_if`` and trigger conditions evaluated against answers,
- ``engine``: the ordered visible steps, value checks, signals and proposed help questions.
"""
