import pytest

from eval import metrics_eval
from rehearse.analysis.metrics import find_metrics


@pytest.mark.parametrize("sentence,text,kind", [
    ("Latency dropped from 8 seconds to 150ms.", "from 8 seconds to 150ms", "change"),
    ("We cut errors by forty percent.", "forty percent", "percent"),
    ("It saved about $180K a year.", "about $180K a year", "money"),
    ("I restored service in 18 minutes.", "18 minutes", "duration"),
    ("The build got 3x faster.", "3x", "multiplier"),
    ("Throughput doubled.", "doubled", "multiplier"),
    ("The outage hit 500+ active traders.", "500+ active traders", "count"),
])
def test_metrics_that_measure_the_story(sentence, text, kind):
    found = find_metrics(sentence)
    assert [(m.text, m.kind) for m in found] == [(text, kind)]


@pytest.mark.parametrize("sentence", [
    "I had a one on one with him.",
    "We had a couple of ideas.",
    "First, I read the logs.",
    "In Q3 we planned it.",
    "Back in 2019 I joined a startup.",
    "Support works 24/7.",
    "We moved to a 3-tier architecture.",
    "We used Python 3.",
])
def test_numbers_that_measure_nothing(sentence):
    assert find_metrics(sentence) == []


def test_precision_and_recall_on_the_labeled_lists():
    for path in metrics_eval.SETS.values():
        tp, fp, fn, _ = metrics_eval.count(metrics_eval.load(path))
        assert tp / (tp + fp) >= 0.9, path.name
        assert tp / (tp + fn) >= 0.9, path.name
