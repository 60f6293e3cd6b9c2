"""rehearse: a local speech-rehearsal coach for behavioral job interviews."""

__version__ = "0.1.0"

# The name on PyPI. The command and the import package are `rehearse`, but that name on PyPI
# belongs to an unrelated project: every install hint must name this one.
DISTRIBUTION = "rehearse-coach"


def install_hint(extra: str | None = None, *, upgrade: bool = False) -> str:
    """The pip command that installs rehearse (with an optional extra), for messages."""
    target = f"{DISTRIBUTION}[{extra}]" if extra else DISTRIBUTION
    return f"pip install {'-U ' if upgrade else ''}'{target}'"
