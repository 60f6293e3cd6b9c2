"""How far a second reader agrees with the public answers' own labels: the ceiling the
STAR labeler's word accuracy is measured against.

Usage: python -m eval.star_agreement

The public answers (../shared/data/star-external-dev.json, third-party text read at run
time) were split into sentences as rehearse splits them, and a second reader labeled each
sentence S, T, A, R or O from the sentences alone (eval/star_second_reader.tsv: answer
ids, sentence numbers and letters, no text). This prints, as eval.star_eval does for the
labeler, the share of words both label alike and each part's precision and recall, with
the sources' labels as the truth; and the reader's own `missing` on the complete answers
and each drop-one variant, a ceiling for those figures (print_drop_one).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from eval.star_data import EXTERNAL, LETTERS, load_external
from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.star import STAR
from rehearse.analysis.transcript import from_text

LABELS_PATH = Path(__file__).with_name("star_second_reader.tsv")


def load_labels(path: Path = LABELS_PATH) -> dict[tuple[str, int], str]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            answer, index, letter = line.split("\t")
            labels[(answer, int(index))] = LETTERS[letter]
    return labels


def main() -> int:
    answers, _weak = load_external()
    if not answers:
        print(f"error: {EXTERNAL} is absent: the second reader is scored against its labels", file=sys.stderr)
        return 1
    second = load_labels()
    same = total = 0
    hits: Counter = Counter()
    gold_n: Counter = Counter()
    read_n: Counter = Counter()
    for answer in answers:
        gold: list[str] = []
        for label, text in answer.lines:
            gold += [label] * len(from_text(text).words)
        sentences = split_sentences(from_text(answer.text).words)
        labeled = sum(1 for key in second if key[0] == answer.id)
        if labeled != len(sentences) or not all((answer.id, i) in second for i in range(len(sentences))):
            print(f"error: {answer.id} splits into {len(sentences)} sentences and the second reader labeled {labeled}: "
                  "the sentence splitter changed since the labels were made", file=sys.stderr)
            return 1
        offset = 0
        for i, sentence in enumerate(sentences):
            label = second[(answer.id, i)]
            for truth in gold[offset:offset + len(sentence.words)]:
                same += truth == label
                total += 1
                gold_n[truth] += 1
                read_n[label] += 1
                hits[truth] += truth == label
            offset += len(sentence.words)
    print(f"second reader against the sources' labels, {len(answers)} public answers, {total} words")
    print(f"  words labeled alike: {same / total:.1%}")
    for part in STAR:
        precision = f"{hits[part] / read_n[part]:.1%}" if read_n[part] else "-"
        recall = f"{hits[part] / gold_n[part]:.1%}" if gold_n[part] else "-"
        print(f"  {part:<9} precision {precision}  recall {recall}")
    print_drop_one(answers, second)
    return 0


def print_drop_one(answers, second: dict[tuple[str, int], str]) -> None:
    """A careful reader's `missing` on each drop-one variant, as eval.star_eval counts the
    labeler's: each sentence gets its source's majority label, the sentences of one part
    are taken out, and a part is missing when none of the rest carries the reader's label
    for it. (It flatters the reader, who labeled each sentence with the whole answer in
    view, the dropped part included.)"""
    exact: Counter = Counter()
    variants: Counter = Counter()
    complete = 0
    for answer in answers:
        gold: list[str] = []
        for label, text in answer.lines:
            gold += [label] * len(from_text(text).words)
        rows, offset = [], 0
        for i, sentence in enumerate(split_sentences(from_text(answer.text).words)):
            source = Counter(gold[offset:offset + len(sentence.words)]).most_common(1)[0][0]
            rows.append((source, second[(answer.id, i)]))
            offset += len(sentence.words)
        complete += all(any(read == part for _, read in rows) for part in STAR)
        for part in STAR:
            if any(source == part for source, _ in rows):
                left = {read for source, read in rows if source != part}
                variants[part] += 1
                exact[part] += [p for p in STAR if p not in left] == [part]
    print(f"  complete answers told nothing is missing: {complete / len(answers):.1%}")
    print("  drop-one exact: " + "  ".join(f"no {part[0].upper()} {exact[part] / variants[part]:.1%}" for part in STAR))


if __name__ == "__main__":
    sys.exit(main())
