"""Leave-one-source-out cross-validation for the learned STAR labeler: one model per
training source, trained on every other source, so no source is ever in both train and
test; and the per-part "missing" thresholds chosen on those models' predictions.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace

from eval.star_data import Answer
from rehearse.analysis.sentences import split_sentences
from rehearse.analysis.star import STAR, StarModel, analyze_labels
from rehearse.analysis.transcript import from_text
from scripts.train_star import MAX_FALSE_MISSING, Sequence, drop_one, train, weighted_sequences

# The thresholds tried; the calibration picks the highest one that is safe.
THRESHOLDS = (0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.25, 0.3)


def fold_models(answers: list[Answer]) -> dict[str, StarModel]:
    """One model per training source, trained without that source's answers."""
    sequences: dict[str, list[Sequence]] = {}
    for answer in answers:
        sequences.setdefault(answer.source, []).extend(weighted_sequences([answer]))
    folds = [[seq for other, seqs in sorted(sequences.items()) if other != source for seq in seqs]
             for source in sorted(sequences)]
    # The folds are independent: train them on every core (the result does not depend on it).
    with multiprocessing.get_context("fork").Pool(min(len(folds), os.cpu_count() or 1)) as pool:
        trained = pool.map(train, folds)
    return dict(zip(sorted(sequences), trained))


def calibrate(answers: list[Answer], models: dict[str, StarModel] | None = None) -> dict[str, float]:
    """For each part, the confidence under which it is called missing.

    On leave-one-source-out predictions for the complete answers and their drop-one
    variants: the highest threshold that calls the part missing in at most
    MAX_FALSE_MISSING of the answers that have it. (Where the labeler gives the part a
    sentence, no threshold applies: only the parts with no sentence are compared.)
    """
    if models is None:
        models = fold_models(answers)
    has_part: dict[str, list[float]] = {part: [] for part in STAR}
    has_count = dict.fromkeys(STAR, 0)
    for answer in answers:
        if not answer.parts >= set(STAR):
            continue
        for variant, dropped in [(answer, None)] + [(drop_one(answer, p), p) for p in STAR]:
            labels = analyze_labels(split_sentences(from_text(variant.text).words), models[answer.source])
            labeled = {lab.label for lab in labels.labels}
            for part in STAR:
                if part != dropped:
                    has_count[part] += 1
                    if part not in labeled:
                        has_part[part].append(labels.confidence[part])
    thresholds = {}
    for part in STAR:
        if not has_count[part]:  # nothing to calibrate on: the safest threshold
            thresholds[part] = THRESHOLDS[0]
            continue
        allowed = MAX_FALSE_MISSING * has_count[part]
        thresholds[part] = max([t for t in THRESHOLDS if sum(c < t for c in has_part[part]) <= allowed],
                               default=THRESHOLDS[0])
    return thresholds


def with_threshold(models: dict[str, StarModel], thresholds: dict[str, float]) -> dict[str, StarModel]:
    return {source: replace(model, missing_below=thresholds) for source, model in models.items()}
