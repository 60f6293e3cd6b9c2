"""Accuracy harnesses, run from the project root: python -m eval.star_eval (see each module)."""
