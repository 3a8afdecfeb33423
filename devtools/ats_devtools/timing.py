"""Timing helper the benchmarks share."""

import statistics
import time


def timed(fn, runs: int) -> tuple[float, float]:
    """Median and p95 in ms of fn() over runs (after one warm-up)."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]
