"""CPU time of the similarity model (the related papers of every paper page) on the real and synthetic catalogs.

    .venv/bin/python benchmarks/similarity.py                 # real, 1,000 and 10,000 papers
    .venv/bin/python benchmarks/similarity.py --sizes 1000

The catalog is loaded first (not timed); then `related_papers` runs 3 times and the median CPU time
(`time.process_time`) is printed with the work the model counts (posting entries read and candidates
scored), per paper, and the scaling exponent log(t10k / t1k) / log(10).
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

import synth

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from catalog.load import load_catalog
from catalog.models import Catalog
from catalog.similarity import SimilarityModel, related_papers

RUNS = 3


def catalog_of(size: int | None, work: Path) -> Catalog:
    """The real catalog (size None), or a synthetic one of `size` papers written under work."""
    if size is None:
        return load_catalog(ROOT / "data")
    synth.make_synthetic_project(ROOT, work / str(size), size)
    return load_catalog(work / str(size) / "data")


def measure(catalog: Catalog) -> tuple[float, int]:
    """(median CPU seconds of related_papers, comparisons the model counted)."""
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        related_papers(catalog, 5)
        times.append(time.process_time() - start)
    model = SimilarityModel.of_catalog(catalog)
    for index in range(len(catalog.papers)):
        model.nearest(index, 5)
    return statistics.median(times), model.comparisons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="synthetic catalog sizes")
    args = parser.parse_args()
    print("| catalog | papers | CPU s (median of 3) | ms per paper | comparisons per paper |")
    print("|---|---|---|---|---|")
    seconds = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in [None, *args.sizes]:
            catalog = catalog_of(size, Path(tmp))
            cpu, comparisons = measure(catalog)
            count = len(catalog.papers)
            seconds[count] = cpu
            print(f"| {'real' if size is None else 'synthetic'} | {count} | {cpu:.3f} | {1000 * cpu / count:.2f} "
                  f"| {comparisons / count:.0f} |", flush=True)
    if 1000 in seconds and 10000 in seconds:
        print(f"\nscaling exponent 1,000 -> 10,000: {math.log(seconds[10000] / seconds[1000]) / math.log(10):.2f}")


if __name__ == "__main__":
    main()
