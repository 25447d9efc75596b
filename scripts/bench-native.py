"""Native float32 throughput (numpy with its BLAS, e.g. Debian's OpenBLAS) for `npm run bench`.

Prints one JSON object: {"numpy": version, "blas": name, "rows": [{"workload", "size", "cols", "msPerOp", "gflops"}]}.
Arguments: matMul sizes n ("512") and gradient-descent steps m x n ("gd:10000x20"), the same
workloads as the Benchmarks page. Exits 3 when numpy is not installed.
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.exit(3)


def timed(op) -> float:
    op()
    repeats, start = 0, time.perf_counter()
    while repeats < 3 or time.perf_counter() - start < 0.3:
        op()
        repeats += 1
    return (time.perf_counter() - start) * 1000 / repeats


def time_matmul(n: int) -> dict:
    rng = np.random.default_rng(n)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    ms = timed(lambda: a @ b)
    return {"workload": "matmul", "size": n, "cols": n, "msPerOp": ms, "gflops": 2 * n**3 / (ms * 1e6)}


def time_gd_step(m: int, n: int) -> dict:
    rng = np.random.default_rng(m)
    x = rng.random((m, n), dtype=np.float32)
    y = rng.random((m, 1), dtype=np.float32)
    theta = np.zeros((n, 1), dtype=np.float32)
    ms = timed(lambda: theta - (0.01 / m) * (x.T @ (x @ theta - y)))
    return {"workload": "gd-step", "size": m, "cols": n, "msPerOp": ms, "gflops": 4 * m * n / (ms * 1e6)}


def blas_name() -> str:
    try:
        config = np.show_config(mode="dicts")
        return config["Build Dependencies"]["blas"]["name"]
    except Exception:
        return "unknown"


def measure(arg: str) -> dict:
    if arg.startswith("gd:"):
        m, n = arg[3:].split("x")
        return time_gd_step(int(m), int(n))
    return time_matmul(int(arg))


args = sys.argv[1:] or ["512"]
print(json.dumps({"numpy": np.__version__, "blas": blas_name(), "rows": [measure(a) for a in args]}))
