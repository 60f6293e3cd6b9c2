"""Word error rate: (substitutions + deletions + insertions) / words in the reference,
after normalizing both sides the same way: lower case, no punctuation, numbers written as
digits ("twenty five percent" and "25%" are both "25 percent"), "all right" as
"alright", "gonna", "wanna" and "gotta" as "going to", "want to" and "got to" (as Whisper's
own English normalizer writes them: a transcriber that writes either has heard the words
right), and every filled pause (um, uh, er, hmm) as one token, so "um" heard as "uh"
is not an error. Filled pauses are scored on their own (`fillers`): a plain transcript
leaves most of them out, and that should not hide in the word error rate.
"""

from __future__ import annotations

import re

from rehearse.analysis.fillers import FILLED_PAUSES as ANALYSIS_FILLED_PAUSES

FILLER = "uh"
# rehearse's own list, and "hm", which transcripts of real speech write.
FILLED_PAUSES = ANALYSIS_FILLED_PAUSES | {"hm"}
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_SPELLING = {r"\ball right\b": "alright", r"\bok\b": "okay", "%": " percent", "&": " and ", r"\by'know\b": "you know",
             r"\bgonna\b": "going to", r"\bwanna\b": "want to", r"\bgotta\b": "got to"}


def _digits(tokens: list[str]) -> list[str]:
    """Runs of number words as one number in digits."""
    out: list[str] = []
    total = current = 0
    in_number = False
    tokens = tokens + [""]
    for i, token in enumerate(tokens):
        after_scale = in_number and current % 100 == 0 and (current or total)
        if token == "and" and after_scale and (tokens[i + 1] in _UNITS or tokens[i + 1] in _TENS):
            continue  # one hundred and twenty
        if token in _UNITS or token in _TENS:
            value = _UNITS.index(token) if token in _UNITS else _TENS[token]
            if in_number and current % 10 == 0 and current % 100 != 0 and value < 10 and current:
                current += value  # twenty five
            elif in_number and current and not (current % 100 == 0 and value < 100):
                out.append(str(total + current))  # "one two" is two numbers
                total, current = 0, value
            else:
                current += value
            in_number = True
        elif token in _SCALES and in_number:
            scale = _SCALES[token]
            if scale == 100:
                current *= 100
            else:
                total, current = total + current * scale, 0
        else:
            if in_number:
                out.append(str(total + current))
                total = current = 0
                in_number = False
            if token:
                out.append(token)
    return out


def words_of(text: str) -> list[str]:
    text = text.lower()
    for written, spoken in _SPELLING.items():
        text = re.sub(written, spoken, text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000
    text = re.sub(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)", " ", text)
    tokens = re.findall(r"[a-z0-9']+", text.replace("-", " "))
    tokens = [t.strip("'") for t in tokens if t.strip("'")]
    return [FILLER if t in FILLED_PAUSES else t for t in _digits(tokens)]


def _align(ref: list[str], hyp: list[str]) -> list[tuple[str | None, str | None]]:
    """Levenshtein alignment as (reference, hypothesis) pairs; None where one side has nothing."""
    rows = [list(range(len(hyp) + 1))]
    for i, r in enumerate(ref, 1):
        row = [i]
        for j, h in enumerate(hyp, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (r != h)))
        rows.append(row)
    pairs: list[tuple[str | None, str | None]] = []
    i, j = len(ref), len(hyp)
    while i or j:
        if i and j and rows[i][j] == rows[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            pairs.append((ref[i - 1], hyp[j - 1]))
            i, j = i - 1, j - 1
        elif i and rows[i][j] == rows[i - 1][j] + 1:
            pairs.append((ref[i - 1], None))
            i -= 1
        else:
            pairs.append((None, hyp[j - 1]))
            j -= 1
    return pairs[::-1]


def errors(reference: str, hypothesis: str, with_fillers: bool = False) -> dict[str, int]:
    """Substitutions, deletions, insertions and reference words. Without `with_fillers`,
    filled pauses are left out of both sides."""
    ref, hyp = words_of(reference), words_of(hypothesis)
    if not with_fillers:
        ref, hyp = [t for t in ref if t != FILLER], [t for t in hyp if t != FILLER]
    counts = {"sub": 0, "del": 0, "ins": 0, "words": len(ref)}
    for r, h in _align(ref, hyp):
        if r is None:
            counts["ins"] += 1
        elif h is None:
            counts["del"] += 1
        elif r != h:
            counts["sub"] += 1
    return counts


def wer(reference: str, hypothesis: str, with_fillers: bool = False) -> float:
    e = errors(reference, hypothesis, with_fillers)
    return (e["sub"] + e["del"] + e["ins"]) / max(e["words"], 1)


def fillers(reference: str, hypothesis: str) -> dict[str, int]:
    """Filled pauses found where the reference has them (aligned with the words around
    them), written where it has none, and missed."""
    ref, hyp = words_of(reference), words_of(hypothesis)
    pairs = _align(ref, hyp)
    found = sum(r == h == FILLER for r, h in pairs)
    return {"true": ref.count(FILLER), "written": hyp.count(FILLER), "found": found}
