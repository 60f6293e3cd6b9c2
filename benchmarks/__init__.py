"""Speed benchmarks, run from the project root: python -m benchmarks.bench, python -m benchmarks.table."""
