"""`rehearse export`: every saved take, oldest first, as CSV (key figures) or JSON (key
figures and whole reports)."""

from __future__ import annotations

import csv
import io
import json

from rehearse.history.figures import EXPORT_FIELDS, export_row

FORMATS = ("csv", "json")


def export_text(store, format: str) -> tuple[str, int]:
    """The export document and how many takes it holds."""
    if format not in FORMATS:
        raise ValueError(f"format is one of {FORMATS}, not {format!r}")
    rows = [export_row(take) for take in store.takes(newest_first=False)]
    if format == "json":
        for row in rows:
            row["report"] = store.report(row["id"])
        return json.dumps({"takes": rows}, indent=2, ensure_ascii=False) + "\n", len(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(EXPORT_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue(), len(rows)
