"""Data shipped with the application: questionnaires, catalogues and fonts."""

from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent
CATALOGUE_DIR = RESOURCE_DIR / "catalogues"
QUESTIONNAIRE_DIR = RESOURCE_DIR / "questionnaires"
FONT_DIR = RESOURCE_DIR / "fonts"
