"""Audio: reading answer files, recording from a microphone (or a replayed file) into a
crash-safe WAV, and finding recordings cut short. The only layer that imports sounddevice."""
