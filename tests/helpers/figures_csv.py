"""Reading the figures' CSV back as Dutch Excel does: semicolons, UTF-8 with its mark."""

from __future__ import annotations

import csv
import io

from intake.reports.export_tables import CSV_DELIMITER, CSV_ENCODING


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with the byte order mark"
    return list(csv.DictReader(io.StringIO(data.decode(CSV_ENCODING)), delimiter=CSV_DELIMITER))
