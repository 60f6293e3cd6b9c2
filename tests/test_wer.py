"""The benchmarks' word error rate counts what a listener would call a mishearing, no more."""

from eval.wer import errors, words_of


def test_numbers_are_compared_as_digits_and_informal_forms_as_spelled_out():
    assert words_of("Twenty five percent, gonna") == ["25", "percent", "going", "to"]
    assert errors("we were gonna ship in 3 weeks", "We were going to ship in three weeks.") == \
        {"sub": 0, "del": 0, "ins": 0, "words": 8}


def test_a_misheard_word_still_counts():
    assert errors("eleven servers", "Antilubon servers")["sub"] == 1
