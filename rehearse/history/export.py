"""`rehearse export`: every saved take, oldest first, as CSV (key figures) or JSON (key
figures and whole reports)."""

from __future__ import annotations

import csv
import io
import json

from rehearse.history.store import HistoryError
from rehearse.history.figures import EXPORT_FIELDS, export_row

FORMATS = ("csv", "json")


def export_text(store, format: str) -> tuple[str, int, list[int]]:
    """The export document, how many takes it holds, and the takes whose stored report is
    damaged: those are exported with their key figures and `"report": null`, so one
    damaged take never costs the others."""
    if format not in FORMATS:
        raise ValueError(f"format is one of {FORMATS}, not {format!r}")
    rows = [export_row(take) for take in store.takes(newest_first=False)]
    damaged = []
    if format == "json":
        for row in rows:
            try:
                row["report"] = store.report(row["id"])
            except HistoryError:
                row["report"] = None
                damaged.append(row["id"])
        return json.dumps({"takes": rows}, indent=2, ensure_ascii=False) + "\n", len(rows), damaged
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(EXPORT_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue(), len(rows), damaged
