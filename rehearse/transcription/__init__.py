"""Speech to a Transcript: the Whisper models (found offline), faster-whisper and the optional
openai-whisper engine, and transcription while the answer is spoken."""
