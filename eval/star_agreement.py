"""How far a second reader agrees with the public answers' own labels: the ceiling the
STAR labeler's word accuracy is measured against.

Usage: python -m eval.star_agreement

The public answers (../shared/data/star-external-dev.json, third-party text read at run
time) were split into sentences as rehearse splits them, and a second reader labeled each
sentence S, T, A, R or O from the sentences alone (eval/star_second_reader.tsv: answer
ids, sentence numbers and letters, no text). This prints, as eval.star_eval does for the
labeler, the share of words both label alike and each part's precision and recall, with
the sources' labels as the truth.
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
