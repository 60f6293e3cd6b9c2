"""`rehearse play`: a take's audio through the speakers, with the sentence being spoken
shown as it goes (coloured by its STAR part), from the start, one sentence, or a time."""

from __future__ import annotations

import math
import signal

from rich.console import Console, Group
from rich.live import Live
from rich.text import Text

from rehearse.analysis.length import clock
from rehearse.analysis.safetext import visible_strings
from rehearse.audio.recorder import StopSignal
from rehearse.errors import RehearseError
from rehearse.ui.keys import watch_keys
from rehearse.ui.report_view import LABEL_STYLES


def parse_time(text: str) -> float:
    """"0:42", "1:05" or "42" (seconds)."""
    try:
        if ":" in text:
            minutes, seconds = text.split(":", 1)
            value = int(minutes) * 60 + float(seconds)
        else:
            value = float(text)
    except ValueError:
        raise RehearseError(f"--from takes a time like 0:42 or 42 (seconds), not {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise RehearseError(f"--from takes a time from 0:00 on, like 0:42 or 42 (seconds), not {text!r}")
    return value


def _sentence_at(sentences: list[dict], seconds: float) -> int | None:
    for n, sentence in enumerate(sentences):
        if sentence.get("start") is not None and sentence["start"] <= seconds < (sentence.get("end") or seconds + 1):
            return n
    return None


def panel(sentences: list[dict], seconds: float, total: float) -> Group:
    n = _sentence_at(sentences, seconds)
    head = Text.assemble(("▶ ", "bold green"), f"{clock(seconds)} / {clock(total)}",
                         f"   sentence {n + 1} of {len(sentences)}" if n is not None else "",
                         ("   Enter stops", "dim"))
    if n is None:
        return Group(head, Text(""))
    sentence = sentences[n]
    body = Text.assemble((sentence["label"][0].upper() + " ", f"bold {LABEL_STYLES[sentence['label']]}"),
                         (sentence["text"], LABEL_STYLES[sentence["label"]]))
    return Group(head, body)


def play_take(report: dict, answer_file, *, name: str, sentence: int | None, start: str | None,
              device: str | None, console: Console) -> float:
    """Play a saved answer (its report and kept audio file): a take, or a spoken follow-up
    answer, named as the messages say it ("take 3", "take 3's follow-up 1"). Returns where
    it stopped."""
    from rehearse.audio.files import TEXT_SUFFIXES, load_audio
    from rehearse.audio.player import play, speaker_problem
    from rehearse.audio.signal import SAMPLE_RATE

    if answer_file is None or answer_file.suffix.lower() in TEXT_SUFFIXES:
        raise RehearseError(f"{name} was typed: there is no recording to play")
    if not answer_file.exists():
        raise RehearseError(f"{name}: its recording is gone ({answer_file}); `rehearse doctor` checks the history")
    report = visible_strings(report)
    sentences = report["sentences"]
    begin, end = 0.0, None
    if sentence is not None:
        if sentence > len(sentences):
            raise RehearseError(f"{name} has {len(sentences)} sentences; give --sentence 1 to {len(sentences)}")
        chosen = sentences[sentence - 1]
        begin, end = chosen["start"] or 0.0, chosen["end"]
    elif start is not None:
        begin = parse_time(start)
    samples = load_audio(answer_file)
    total = len(samples) / SAMPLE_RATE
    if begin >= total:
        raise RehearseError(f"{name} is {clock(total)} long; start before that")
    problem = speaker_problem(device)
    if problem:  # said before the panel, which would look as if it played
        raise RehearseError(f"{problem}: nothing can be played; connect or enable a speaker, or open the recording "
                            f"in any player: {answer_file}")
    stop = StopSignal()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set("ctrl-c"))
    stop_watching = watch_keys(stop)
    try:
        with Live(panel(sentences, begin, total), console=console, refresh_per_second=10) as live:
            reached = play(samples, SAMPLE_RATE, start_s=begin, end_s=end, device=device, stop=stop,
                           on_tick=lambda at: live.update(panel(sentences, at, total)))
            # The last frame shows the last sentence heard (its end is the next one's start).
            live.update(panel(sentences, max(begin, min(reached, end or total) - 0.01), total))
    finally:
        stop_watching()
        signal.signal(signal.SIGINT, previous)
    if not console.is_terminal:
        console.line()
    console.print(Text(f"Played {clock(begin)}-{clock(reached)} of {name}"
                       + (" (stopped)" if stop.is_set() else "") + ".", style="dim"))
    return reached
