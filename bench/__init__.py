"""Benchmarks: `python bench/run.py`. Not tests; nothing here runs in CI."""
