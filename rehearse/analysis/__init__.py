"""Pure analysis: words (and their times) in, findings out. Nothing here does I/O."""
