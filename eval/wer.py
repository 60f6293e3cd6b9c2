"""Word error rate: (substitutions + deletions + insertions) / words in the reference,
after lower-casing and dropping punctuation. Digits are not spelled out, so "2" for
"two" counts as an error, the same for every engine and mode compared."""

from __future__ import annotations

import re


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = words_of(reference), words_of(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / max(len(ref), 1)
