"""Errors the user can act on. The CLI turns each into one `error:` line and exit status 1."""

from __future__ import annotations


class RehearseError(Exception):
    """An input that cannot be used. The message says what was wrong and what to do."""

    exit_code = 1


class AudioError(RehearseError):
    """The audio file is missing, unreadable, empty, silent or unusable."""


class NoSpeechError(AudioError):
    """The audio decoded but holds no speech that could be transcribed."""


class ModelError(RehearseError):
    """The transcription model is not installed or cannot be loaded."""


class QuestionError(RehearseError):
    """An unknown question id or category."""


class DataFolderError(RehearseError):
    """The data folder (REHEARSE_HOME or the platform's) cannot be created or written."""
