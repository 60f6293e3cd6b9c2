"""Tools that build data: the prompts from the guide, the samples and the test speech.
Run from the project root: python -m scripts.build_prompts (see each module)."""
