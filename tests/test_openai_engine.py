"""--engine openai-whisper: loaded by openai-whisper's own code from a checkpoint, either
one the test writes (small, randomly initialized) or tiny.en converted from the shipped
CTranslate2 model (rehearse/transcription/convert.py)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from tests.conftest import SAMPLES, run_cli, slow

pytestmark = slow

whisper = pytest.importorskip("whisper", reason="the optional engine: pip install 'rehearse-coach[openai]'")
import torch

from eval.wer import wer


@pytest.fixture(scope="module")
def random_checkpoint(tmp_path_factory):
    """A Whisper of the real shape family, two layers of width 64, with random weights.
    Its decoder's last layer norm is set to put out the end-of-text direction, whatever it
    hears, so it ends every window at once: random weights otherwise babble 224 tokens a
    window at up to six temperatures, and now and then reach a step with no valid token."""
    from whisper.model import ModelDimensions, Whisper
    from whisper.tokenizer import get_tokenizer

    torch.manual_seed(0)
    dims = ModelDimensions(n_mels=80, n_audio_ctx=1500, n_audio_state=64, n_audio_head=2, n_audio_layer=2,
                           n_vocab=51864, n_text_ctx=448, n_text_state=64, n_text_head=2, n_text_layer=2)
    model = Whisper(dims)
    with torch.no_grad():
        # openai-whisper leaves this one uninitialized (torch.empty): a checkpoint fills it.
        model.decoder.positional_embedding.normal_(0, 0.01)
        embedding = model.decoder.token_embedding.weight[get_tokenizer(multilingual=False).eot]
        embedding *= 10
        model.decoder.ln.weight.zero_()
        model.decoder.ln.bias.copy_(embedding / embedding.norm() * 10)
    path = tmp_path_factory.mktemp("ckpt") / "random-small.pt"
    torch.save({"dims": asdict(dims), "model_state_dict": model.state_dict()}, path)
    return path, dims


def test_a_checkpoint_path_is_loaded_and_transcribes(random_checkpoint):
    from rehearse.audio.files import load_audio
    from rehearse.audio.signal import SAMPLE_RATE
    from rehearse.transcription import openai_engine
    from rehearse.transcription.transcribe import transcribe_with_openai

    path, dims = random_checkpoint
    label, target = openai_engine.checkpoint_for(str(path))
    assert (label, target) == ("random-small", str(path))
    model = openai_engine.load(target)
    assert asdict(model.dims) == asdict(dims)
    audio = load_audio(SAMPLES / "we-heavy-q20.flac")[:4 * SAMPLE_RATE]
    words, settings = transcribe_with_openai(audio, target, beam_size=1)
    # It ran through openai-whisper's decoding, and said nothing (see the fixture).
    assert settings["compute_type"] == "float32" and settings["beam_size"] == 1
    assert words == []


def test_analyze_with_a_checkpoint_that_hears_nothing_says_so(random_checkpoint, tmp_path):
    import soundfile

    path, _ = random_checkpoint
    clip = tmp_path / "first-5-seconds.flac"
    audio, rate = soundfile.read(SAMPLES / "we-heavy-q20.flac", dtype="float32")
    soundfile.write(clip, audio[:5 * rate], rate)
    result = run_cli("analyze", str(clip), "--engine", "openai-whisper", "--model", str(path), "--no-save")
    # Loaded and run by the real code; what it heard is refused the way any silence is.
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: no English speech found in {clip}")


def test_ctranslate2_float16_weights_convert_to_an_equivalent_checkpoint(tmp_path, sample_reports):
    from rehearse.transcription.convert import convert, read_ctranslate2
    from rehearse.transcription.models import resolve

    folder = resolve("tiny.en").path
    checkpoint = convert(__import__("pathlib").Path(folder), tmp_path / "tiny.en.pt")
    saved = torch.load(checkpoint, weights_only=True)
    assert saved["dims"] == {"n_mels": 80, "n_audio_ctx": 1500, "n_audio_state": 384, "n_audio_head": 6, "n_audio_layer": 4,
                             "n_vocab": 51864, "n_text_ctx": 448, "n_text_state": 384, "n_text_head": 6, "n_text_layer": 4}
    # Every parameter of openai-whisper's model is there, with its shape; the split is exact.
    from whisper.model import ModelDimensions, Whisper

    expected = Whisper(ModelDimensions(**saved["dims"])).state_dict()
    assert {k: tuple(v.shape) for k, v in saved["model_state_dict"].items()} == {k: tuple(v.shape) for k, v in expected.items()}
    fused = read_ctranslate2(__import__("pathlib").Path(folder) / "model.bin")["decoder/layer_1/self_attention/linear_0/weight"]
    state = saved["model_state_dict"]
    assert torch.equal(torch.cat([state[f"decoder.blocks.1.attn.{p}.weight"] for p in ("query", "key", "value")]),
                       torch.from_numpy(fused.copy()))


def test_analyze_with_openai_whisper_on_the_shipped_weights_matches_faster_whisper(sample_reports):
    name = "we-heavy-q20"
    result = run_cli("analyze", str(SAMPLES / f"{name}.flac"), "-q", "Q20", "--engine", "openai-whisper", "--json", "--no-save",
                     timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["transcript"]["engine"], report["transcript"]["model"]) == ("openai-whisper", "tiny.en")
    reference = (SAMPLES / f"{name}.txt").read_text()
    faster = sample_reports[name]
    assert wer(reference, report["transcript"]["text"]) <= wer(reference, faster["transcript"]["text"]) + 0.02
    # The same verdicts as faster-whisper's on this answer.
    assert [(c["id"], c["status"]) for c in report["checks"]] == [(c["id"], c["status"]) for c in faster["checks"]]
    # Word times come from the converted alignment heads: the last word ends near the speech.
    assert abs(report["transcript"]["words"][-1]["end"] - faster["transcript"]["words"][-1]["end"]) < 0.5


def test_a_missing_or_damaged_checkpoint_and_a_missing_engine_each_get_one_error_line(tmp_path):
    missing = run_cli("analyze", str(SAMPLES / "we-heavy-q20.flac"), "--engine", "openai-whisper", "--model", str(tmp_path / "nope.pt"))
    assert missing.returncode == 1 and missing.stderr.startswith("error: no checkpoint file at")
    damaged = tmp_path / "damaged.pt"
    damaged.write_bytes(b"not a checkpoint" * 100)
    broken = run_cli("analyze", str(SAMPLES / "we-heavy-q20.flac"), "--engine", "openai-whisper", "--model", str(damaged))
    assert broken.returncode == 1 and broken.stderr.startswith(f"error: cannot load the checkpoint {damaged}")
    # openai-whisper not installed: its import fails, as it does without the package.
    shadow = tmp_path / "shadow"
    (shadow / "whisper").mkdir(parents=True)
    (shadow / "whisper" / "__init__.py").write_text("raise ImportError(\"No module named 'whisper'\")\n")
    absent = run_cli("analyze", str(SAMPLES / "we-heavy-q20.flac"), "--engine", "openai-whisper", env={"PYTHONPATH": str(shadow)})
    assert absent.returncode == 1
    assert absent.stderr.strip() == ("error: the openai-whisper engine is not installed; run: pip install 'rehearse-coach[openai]', "
                                     "or use --engine faster-whisper")
