"""Native float32 sgemm throughput (numpy with its BLAS, e.g. Debian's OpenBLAS) for `npm run bench`.

Prints one JSON object: {"numpy": version, "blas": name, "rows": [{"size": n, "msPerOp": ms, "gflops": g}]}.
Sizes come from argv. Exits 3 when numpy is not installed.
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.exit(3)


def time_matmul(n: int) -> dict:
    rng = np.random.default_rng(n)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    a @ b
    repeats, start = 0, time.perf_counter()
    while repeats < 3 or time.perf_counter() - start < 0.3:
        a @ b
        repeats += 1
    ms = (time.perf_counter() - start) * 1000 / repeats
    return {"size": n, "msPerOp": ms, "gflops": 2 * n**3 / (ms * 1e6)}


def blas_name() -> str:
    try:
        config = np.show_config(mode="dicts")
        return config["Build Dependencies"]["blas"]["name"]
    except Exception:
        return "unknown"


sizes = [int(s) for s in sys.argv[1:]] or [512]
print(json.dumps({"numpy": np.__version__, "blas": blas_name(), "rows": [time_matmul(n) for n in sizes]}))
