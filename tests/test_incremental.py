"""Transcription while the answer is spoken (rehearse/transcription/incremental.py), with the real
default model: as accurate as transcribing the whole file, on the whole answer's clock,
and never in the way of the recording."""

from __future__ import annotations

import difflib
import json
import io
import statistics
import sys

import numpy as np
import soundfile
from rich.console import Console

from eval.incremental_wer import compare, feed_as_recorded, pooled
from eval.wer import wer, words_of
from rehearse.audio.files import load_audio
from rehearse.audio.recorder import BLOCK_S
from rehearse.analysis.transcript import Word
from rehearse.audio.signal import SAMPLE_RATE, voiced_spans
from rehearse.transcription.incremental import CHUNK_S, IncrementalTranscriber
from rehearse.transcription.models import resolve
from tests.conftest import ROOT, SAMPLES, slow
from tests.standin import StandInMicrophone

pytestmark = slow

BLOCK = int(SAMPLE_RATE * BLOCK_S)  # what the recorder hands over


def matched_starts(words_a, words_b) -> list[float]:
    """Start-time differences of the words two transcripts agree on."""
    a = [(t, w.start) for w in words_a for t in words_of(w.text)[:1]]
    b = [(t, w.start) for w in words_b for t in words_of(w.text)[:1]]
    matcher = difflib.SequenceMatcher(a=[t for t, _ in a], b=[t for t, _ in b], autojunk=False)
    return [abs(a[m.a + k][1] - b[m.b + k][1]) for m in matcher.get_matching_blocks() for k in range(m.size)]


def test_transcribed_in_chunks_as_accurately_as_the_whole_file_and_on_its_clock(sample_reports):
    from rehearse.analysis.transcript import Word

    results = []
    for name, report in sample_reports.items():
        # Against the whole file decoded the same way, without the question: analyze -q
        # decodes an unpunctuated answer again with it, which chunks do not (two samples,
        # 4.5% to 3.4% pooled); eval/incremental_wer.py does the rest.
        result = compare(name)
        results.append(result)
        audio, transcriber, words = result.audio, result.transcriber, result.chunk_words
        seconds = len(audio) / SAMPLE_RATE
        assert len(transcriber.cuts) >= int(seconds // (2 * CHUNK_S))
        # Every cut is in a pause: never inside a stretch of voice.
        for cut in transcriber.cuts:
            assert not any(lo < cut < hi for lo, hi in voiced_spans(audio)), (name, cut)
        # Word times are on the answer's clock, not the chunk's.
        whole_words = [Word(w["text"], w["start"], w["end"]) for w in report["transcript"]["words"]]
        gaps = matched_starts(words, whole_words)
        assert len(gaps) > 0.9 * len(whole_words)
        assert statistics.median(gaps) < 0.1 and max(gaps) < 1.5, name
        assert words[-1].end <= seconds and words[-1].end > seconds - 3
    whole, chunks = pooled(results)
    # The target: within 1 point of the whole file's word error rate.
    assert chunks <= whole + 0.01


def test_the_whole_answer_is_handed_back_with_the_words():
    audio = load_audio(SAMPLES / "we-heavy-q20.flac")
    words, settings, whole_audio = feed_as_recorded(audio).finish()
    assert settings["incremental"] and words
    assert np.array_equal(whole_audio, audio)


def test_a_pause_at_the_end_leaves_nothing_to_transcribe_after_the_stop():
    audio = load_audio(SAMPLES / "we-heavy-q20.flac")
    voiced = voiced_spans(audio)
    # The first sentence or so (less than a chunk), then a second of silence.
    end = max(hi for lo, hi in voiced if hi < CHUNK_S - 1)
    answer = np.concatenate([audio[:int(end * SAMPLE_RATE)], np.zeros(SAMPLE_RATE, np.float32)])
    transcriber = feed_as_recorded(answer, wait_idle_at={1})
    words, settings, _ = transcriber.finish()
    assert transcriber.tails >= 1 and settings["tail_ready_at_stop"] is True
    assert transcriber.cuts == []
    assert words and words[-1].end <= end + 0.5


def test_speech_after_a_provisional_tail_is_still_transcribed():
    audio = load_audio(SAMPLES / "we-heavy-q20.flac")
    voiced = voiced_spans(audio)
    pause = next(hi for lo, hi in voiced if 1.5 < hi < CHUNK_S - 2)
    # Make the first pause long enough for a provisional tail, then keep talking.
    at = int(pause * SAMPLE_RATE)
    answer = np.concatenate([audio[:at], np.zeros(SAMPLE_RATE // 2, np.float32), audio[at:int(CHUNK_S * 0.9 * SAMPLE_RATE)]])
    transcriber = IncrementalTranscriber(resolve(None))
    transcriber._idle.wait(60)
    blocks = [answer[i:i + BLOCK] for i in range(0, len(answer), BLOCK)]
    pause_blocks = int((pause + 0.4) * 10)
    for block in blocks[:pause_blocks]:
        transcriber.feed(block)
    assert transcriber.tails == 1
    for block in blocks[pause_blocks:]:
        transcriber.feed(block)
    words, settings, _ = transcriber.finish()
    assert settings["tail_ready_at_stop"] is False
    whole = " ".join(w.text for w in words)
    later_words = [w for w in words if w.start > pause + 0.5]
    assert len(later_words) >= 3, whole


def test_practice_at_real_speed_transcribes_while_recording_without_overflows(monkeypatch, sample_reports):
    """The whole session with a stand-in microphone delivering at real speed: the worker
    runs beside the recorder, and no block arrives later than a device buffer allows."""
    from rehearse.ui import practice

    name = "we-heavy-q20"
    audio, rate = soundfile.read(SAMPLES / f"{name}.flac", dtype="float32")
    mic = StandInMicrophone(audio, rate, speed=1.0).install(monkeypatch)
    console = Console(record=True, width=100, file=io.StringIO(), force_terminal=True)
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    seconds = len(audio) / rate
    practice.run("Q20", practice.Options(max_seconds=seconds + 1.0), console)
    from rehearse.history.store import History

    with History() as store:
        (take,) = store.takes()
        report = store.report(take.id)
    assert report["recording"]["transcribed_while_recording"] is True
    assert report["recording"]["overflows"] == 0 and mic.late_s < mic.buffer_s, f"a block came {mic.late_s:.3f} s late"
    assert report["transcript"]["settings"]["incremental"] is True
    assert report["timings"]["transcribe_while_recording_s"] > 0
    assert 0 < report["timings"]["stop_to_report_s"] < report["timings"]["total_s"] + 1
    reference = (SAMPLES / f"{name}.txt").read_text()
    assert wer(reference, report["transcript"]["text"]) <= wer(reference, sample_reports[name]["transcript"]["text"]) + 0.03
    assert next(c for c in report["checks"] if c["id"] == "i_vs_we")["status"] == "fail"
    assert "Score" in console.export_text()


def test_a_device_at_44_1_khz_is_transcribed_while_recording_too(monkeypatch, sample_reports):
    """A microphone that refuses 16 kHz records at its own rate; its blocks are resampled as
    they come, so the answer is still transcribed while spoken (a tryout's 22 kHz take,
    transcribed after the stop, got its feedback 16.7 s after it)."""
    from faster_whisper.audio import decode_audio

    from rehearse.ui import practice

    name = "no-result-q13"
    audio = decode_audio(str(SAMPLES / f"{name}.flac"), sampling_rate=44100)
    StandInMicrophone(audio, 44100, accepts_16k=False, speed=2.0).install(monkeypatch)
    console = Console(record=True, width=100, file=io.StringIO(), force_terminal=True)
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    seconds = len(audio) / 44100
    practice.run("Q13", practice.Options(max_seconds=seconds + 1.0), console)
    from rehearse.history.store import History

    with History() as store:
        (take,) = store.takes()
        report = store.report(take.id)
    assert soundfile.info(str(take.answer_file)).samplerate == 44100  # the file keeps the device's rate
    assert report["recording"]["transcribed_while_recording"] is True
    assert report["transcript"]["settings"]["incremental"] is True and report["transcript"]["settings"]["chunks"] >= 2
    reference = (SAMPLES / f"{name}.txt").read_text()
    assert wer(reference, report["transcript"]["text"]) <= wer(reference, sample_reports[name]["transcript"]["text"]) + 0.03
    # On the recording's clock: the words sit where the whole file's do.
    offsets = matched_starts(*(_words(r) for r in (report, sample_reports[name])))
    assert len(offsets) > 50 and statistics.median(offsets) < 0.1


def _words(report: dict) -> list[Word]:
    return [Word(w["text"], w["start"], w["end"], w.get("probability", 1.0)) for w in report["transcript"]["words"]]


def test_filled_pauses_are_found_while_recording_too():
    """Each chunk looks for its own filled pauses while the person talks: in order, none
    added twice, none taken from another chunk."""
    path = ROOT / "eval" / "delivery" / "d01-q4.flac"
    transcript, _ = feed_as_recorded(load_audio(path)).transcript(path)
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts)
    truth = [f["start"] for f in json.loads(path.with_suffix(".json").read_text())["filled_pauses"]]
    found = [f.start for f in transcript.filled_pauses]
    assert sum(any(abs(f - t) <= 0.5 for f in found) for t in truth) >= len(truth) - 1
    assert len(found) <= len(truth) + 1
