"""rehearse: a local speech-rehearsal coach for behavioral job interviews."""

__version__ = "0.1.0"
