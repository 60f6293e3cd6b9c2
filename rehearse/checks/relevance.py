"""relevance: does the story answer the question that was asked?

What it checks: each of the guide's 25 questions asks about one thing (mentoring
someone, a disagreement, a migration, a decision you regret...). The answer's words are
compared with cue phrases for each of the 25, and read by a model learned from answers
to each question in many words (analysis.relevance, analysis.relevance_model): it passes
when it holds enough of the asked question's cues, including a defining one ("mentor",
"junior", "helped her grow" for Q13), or the model reads it as about the question; it
fails when it holds next to none of the question and reads as about another one (naming
that one only when the cues or the model are clear about it);
otherwise it warns that it could not tell, naming the question the answer may be more
about. Findings quote the cue words, or the sentence the model read as most on topic. Every finding quotes the
words that decided it. It runs only when the question is known (--question).

Why it matters: the first thing an interviewer judges is whether you answered their
question. A polished story about a disagreement, told for "a time you mentored someone",
earns nothing in an interview however well it is told, and it tells the interviewer you
did not listen. The guide: "Listen carefully to the question: ask for clarification if
needed."

Example: the billing-service disagreement in samples/strong-q4.txt passes for Q4 and
fails for Q13 ("The question asks about mentoring someone or helping them grow their
skills; your answer is about a disagreement with a colleague").

It carries no points of its own; a story that fails it scores at most 40 however well it
is told (the report shows how well it was told beside the score),
the failure is the one thing to change (every other figure is about the wrong story), and
such a take is never a question's best.
"""

# Thresholds: analysis.relevance (FITS_AT, MIN_STRONG, SHARE_OF_BEST, STRONG_ENOUGH, OTHER_AT,
# MARGIN, OFF_TOPIC_HOLDS_AT_MOST, P_FITS, OFF_BELOW, OFF_LEANS_AT, TOPIC_OFF, LEANS_AT,
# MODEL_FROM_FEATURES).

from __future__ import annotations

import re

from rehearse.analysis.answer import Analysis
from rehearse.analysis.relevance import COMPETENCIES, Evidence
from rehearse.analysis.transcript import misheard
from rehearse.checks.base import CheckResult
from rehearse.prompts import guide_quote

ID = "relevance"
MAX_POINTS = 0
NEEDS_QUESTION = True
SHOWN_WORDS = 4


def _words(evidence: Evidence) -> str:
    seen: list[str] = []
    for _, word in evidence.words:
        if word not in seen:
            seen.append(word)
    # The cues match lowercased text; "I" is shown as written ("I started", not "i started").
    shown = ", ".join('"' + re.sub(r"\bi\b", "I", w) + '"' for w in seen[:SHOWN_WORDS])
    return shown + (f" and {len(seen) - SHOWN_WORDS} more" if len(seen) > SHOWN_WORDS else "")


QUOTED_WORDS = 8
QUOTED_MISHEARD = 3


def _shown(evidence: Evidence | None, closest: tuple[int, ...], analysis: Analysis, lead: str = "most in ") -> str:
    """The cue words found, or else the sentence the learned model read as most about it."""
    if evidence is not None and evidence.words:
        return _words(evidence)
    if not closest:
        return ""
    words = analysis.sentences[closest[0]].text.split()
    return lead + '"' + " ".join(words[:QUOTED_WORDS]) + ('..."' if len(words) > QUOTED_WORDS else '"')


def _misheard_note(analysis: Analysis) -> str:
    """Words Whisper may have misheard, which may have hidden the question's own (a tryout's
    "bottleneck" came out as "matel neck" at 0.2, and a story about one was told it "may be
    more about introducing a new practice")."""
    words = misheard(word for sentence in analysis.sentences for word in sentence.words)
    if not words:
        return ""
    named = ", ".join(f'"{word}"' for word in words[:QUOTED_MISHEARD])
    return f" Whisper may have misheard {named}: if the question's words were among them, listen back."


def run(analysis: Analysis) -> CheckResult:
    relevance = analysis.relevance
    asked = COMPETENCIES[relevance.question_id]
    listen = guide_quote(ID)
    if relevance.verdict == "fits":
        return CheckResult(ID, "pass", f"Answers the question: it is about {asked.asks} "
                           f"({_shown(relevance.asked, relevance.closest, analysis)}).",
                           f"Keep the story on that: {asked.do}. {listen}", 0, MAX_POINTS)
    found = f" (the only words about the question: {_words(relevance.asked)})" if relevance.asked.words else ""
    other = COMPETENCIES[relevance.about.question_id] if relevance.about is not None else None
    # Its cue words when they are as many as a fitting story holds; else the sentence the
    # learned model read as most about it (one weak cue word, "data", shows nothing).
    why_other = "" if other is None else _shown(relevance.about if relevance.about_by_cues else None,
                                                relevance.about_closest, analysis)
    why_other = f" ({why_other})" if why_other else ""
    # With none of the question's own words, the sentence that came nearest is quoted, so
    # the finding shows what it read (and the speaker can see whether that is the point).
    nearest = "" if found else _shown(None, relevance.closest, analysis, lead="the nearest is ")
    nearest = f" ({nearest})" if nearest else ""
    if relevance.verdict == "off_topic":
        # What else it is about is said only when the cues, or a model clear about it, say
        # so: a story far from every question leans a little to some question at random.
        if relevance.leans and relevance.about_by_cues:
            said = f"your answer is about {other.about}{why_other}{found}"
        elif relevance.leans:  # the model's reading alone, said as one
            said = f"your answer reads more like a story about {other.about}{why_other}{found}"
        else:
            said = f"next to nothing in your answer is about that{found or nearest}"
        return CheckResult(ID, "fail", f"The question asks about {asked.asks}; {said}.{_misheard_note(analysis)}",
                           f"Tell a story that answers it: {asked.do}. {listen}", 0, MAX_POINTS)
    if other is not None and relevance.leans:
        return CheckResult(ID, "warn", f"The question asks about {asked.asks}; your answer may be more about "
                           f"{other.about}{why_other}{found}.{_misheard_note(analysis)}",
                           f"Make it plain: {asked.do}. {listen}", 0, MAX_POINTS)
    return CheckResult(ID, "warn", f"The question asks about {asked.asks}; little in the answer says so{found or nearest}."
                       f"{_misheard_note(analysis)}",
                       f"Make it plain: {asked.do}. {listen}", 0, MAX_POINTS)
