"""Reading printed PDFs back: per page, with words hyphenated at a line end joined again."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

# A hyphen at the end of a line followed by a lower-case letter is a syllable break.
_BREAK = re.compile(r"(?<=[^\W\d_])-\n(?=[a-zà-ÿ])")


def pdf_lines(pdf: bytes) -> list[list[str]]:
    """Per page, the text lines as printed (hyphens kept)."""
    return [(page.extract_text() or "").splitlines()
            for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_pages(pdf: bytes) -> list[str]:
    """Per page, syllable breaks joined and whitespace collapsed (table cells wrap lines)."""
    return [" ".join(_BREAK.sub("", "\n".join(lines)).split()) for lines in pdf_lines(pdf)]
