#!/usr/bin/env python3
"""Benchmark of the assignment solver (src/domain/matching/solver.rs).

Times, on the same seeded random matrices:
  - scipy.optimize.linear_sum_assignment (capacity cases on the matrix with
    every column repeated `cap` times, which is how scipy has to see them);
  - the solver compiled natively (bench/wasm-solver, binary solve_matrix);
  - the same solver compiled to wasm, in headless Chromium.
Checks that all totals agree, then prints times and ratios against targets.

Run from the repository root:  python3 bench/solver.py [--quick] [--no-wasm] [--rounds N]
The numpy/scipy venv lives in ${INVERSA_CACHE:-~/.cache/inversa}/bench-venv.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.environ.get("INVERSA_CACHE") or os.path.expanduser("~/.cache/inversa")
VENV = os.path.join(CACHE, "bench-venv")
CRATE = os.path.join(ROOT, "bench", "wasm-solver")
WASM_BINDGEN_VERSION = "0.2.130"


def ensure_venv():
    """Re-exec inside the venv, creating it and installing numpy/scipy if needed."""
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        print(f"creating venv {VENV}", flush=True)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    if subprocess.call([python, "-c", "import numpy, scipy"], stderr=subprocess.DEVNULL) != 0:
        print("installing numpy and scipy into the venv", flush=True)
        subprocess.check_call([python, "-m", "pip", "install", "-q", "numpy", "scipy"])
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


ensure_venv()

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores; numpy {np.__version__}, scipy {scipy.__version__}"


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(CACHE, "bench-target")


def cargo_build(extra, target, rustflags=None):
    env = dict(os.environ, CARGO_TARGET_DIR=target)
    if rustflags is not None:
        env["RUSTFLAGS"] = rustflags
    cmd = ["cargo", "build", "--release", "--quiet", "--manifest-path", os.path.join(CRATE, "Cargo.toml"), *extra]
    subprocess.check_call(cmd, env=env)


def build_native():
    cargo_build([], target_dir())
    return os.path.join(target_dir(), "release", "solve_matrix")


# The wasm builds: as the app is built today (no target features), and with
# the fixed-width SIMD proposal (every current browser has it) turned on.
WASM_VARIANTS = [("wasm", None), ("wasm-simd", "-C target-feature=+simd128")]


def build_wasm(out_dir):
    version = subprocess.check_output(["wasm-bindgen", "--version"], text=True).split()[-1]
    if version != WASM_BINDGEN_VERSION:
        sys.exit(f"wasm-bindgen CLI {version} found, {WASM_BINDGEN_VERSION} needed")
    for name, flags in WASM_VARIANTS:
        # A target dir per flag set, so switching does not rebuild each time.
        target = os.path.join(target_dir(), name)
        # RUSTFLAGS replaces the repository's [target.wasm32] rustflags (only
        # a leptos cfg, meaningless here): set it for both, same conditions.
        cargo_build(["--target", "wasm32-unknown-unknown", "--lib"], target, flags or "")
        wasm = os.path.join(target, "wasm32-unknown-unknown", "release", "inversa_solver_bench.wasm")
        subprocess.check_call(["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", os.path.join(out_dir, name), wasm])


# (name, rows, cols, cap, native/scipy target)
CASES = [
    ("n=1000", 1000, 1000, 1, 0.9),
    ("n=2000", 2000, 2000, 1, 1.0),
    ("n=4000", 4000, 4000, 1, None),
    ("300x300 cap 3", 300, 300, 3, 0.35),
    ("1000x1000 cap 3", 1000, 1000, 3, 0.35),
]
QUICK = {"n=1000", "300x300 cap 3"}
WASM_TARGET = 1.4


def samples_for(rows, cols, cap):
    cells = rows * cols * cap
    return 3 if cells >= 8_000_000 else 5


def time_scipy(m, samples):
    """Same protocol as solve_matrix and the page: a cold run, warm-up runs
    (at least 2 and 500 ms), then `samples` batches lasting >= 20 ms; best
    batch mean."""
    import time

    def once():
        r, c = linear_sum_assignment(m)
        return float(m[r, c].sum())

    t0 = time.perf_counter()
    total = once()
    cold = (time.perf_counter() - t0) * 1e3
    w = 0
    while w < 2 or time.perf_counter() - t0 < 0.5:
        once()
        w += 1
    k = max(1, math.ceil(20 / max(cold, 0.01)))
    best = float("inf")
    for _ in range(samples):
        t = time.perf_counter()
        for _ in range(k):
            once()
        best = min(best, (time.perf_counter() - t) * 1e3 / k)
    return best, total


# Same protocol as solve_matrix and scipy: one cold run, warm-up runs (at
# least 2, and 500 ms in all, so V8 has finished compiling the optimised tier
# in the background), then `samples` batches of k runs, k chosen so a batch
# lasts >= 20 ms (the browser clock is coarse); best batch mean.
PAGE = """<!doctype html><meta charset="utf-8"><title>solver bench</title>
<link rel="icon" href="data:,">
<script type="module">
const pkg = new URLSearchParams(location.search).get('pkg');
const solver = await import(`./${pkg}/inversa_solver_bench.js`);
await solver.default();
window.bench = async (file, rows, cols, cap, samples) => {
  const buf = await (await fetch(file)).arrayBuffer();
  solver.load(new Float64Array(buf));
  let t = performance.now();
  let total = solver.run(rows, cols, cap);
  const cold = performance.now() - t;
  for (let w = 0; w < 2 || performance.now() - t < 500; w++) solver.run(rows, cols, cap);
  const k = Math.max(1, Math.ceil(20 / Math.max(cold, 0.01)));
  let best = Infinity;
  for (let s = 0; s < samples; s++) {
    t = performance.now();
    for (let i = 0; i < k; i++) total = solver.run(rows, cols, cap);
    best = Math.min(best, (performance.now() - t) / k);
  }
  solver.load(new Float64Array(0));
  return { best, total };
};
window.ready = true;
</script>"""

DRIVER = """import { createRequire } from 'node:module';
const [root, base, pkgsJson, jobsJson] = process.argv.slice(2);
const require = createRequire(root + '/package.json');
const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const out = {};
  for (const pkg of JSON.parse(pkgsJson)) {
    const page = await browser.newPage();
    page.on('console', (m) => process.stderr.write('page: ' + m.text() + '\\n'));
    await page.goto(`${base}/index.html?pkg=${pkg}`);
    await page.waitForFunction(() => window.ready === true, null, { timeout: 60000 });
    out[pkg] = [];
    for (const j of JSON.parse(jobsJson)) {
      out[pkg].push(await page.evaluate((j) => window.bench(j.file, j.rows, j.cols, j.cap, j.samples), j));
    }
    await page.close();
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
"""


def run_wasm(tmp, jobs):
    """Serves tmp on 127.0.0.1 (random port) and runs the jobs in Chromium,
    once per wasm variant. Returns {variant: [{best, total}, ...]}."""
    import functools
    import http.server

    with open(os.path.join(tmp, "index.html"), "w") as f:
        f.write(PAGE)
    driver = os.path.join(tmp, "driver.mjs")
    with open(driver, "w") as f:
        f.write(DRIVER)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    Quiet.extensions_map = {**Quiet.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=tmp))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        pkgs = json.dumps([name for name, _ in WASM_VARIANTS])
        out = subprocess.check_output(["node", driver, ROOT, base, pkgs, json.dumps(jobs)], text=True)
        return json.loads(out.strip().splitlines()[-1])
    finally:
        server.shutdown()
        server.server_close()


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only n=1000 and 300x300 cap 3")
    parser.add_argument("--no-wasm", action="store_true", help="skip the Chromium/wasm timings")
    parser.add_argument("--rounds", type=int, default=2, help="measure everything this many times, keep the best (default 2)")
    args = parser.parse_args()

    print(f"machine: {machine()}", flush=True)
    cases = [c for c in CASES if not args.quick or c[0] in QUICK]
    print("building...", flush=True)
    native = build_native()
    variants = [] if args.no_wasm else [name for name, _ in WASM_VARIANTS]
    tmp = tempfile.mkdtemp(prefix="inversa-solver-bench-")
    try:
        if variants:
            build_wasm(tmp)
        results, jobs = [], []
        for k, (name, rows, cols, cap, target) in enumerate(cases):
            file = f"m{k}.f64"
            np.random.default_rng(20240 + k).random((rows, cols)).astype("<f8").tofile(os.path.join(tmp, file))
            samples = samples_for(rows, cols, cap)
            results.append(dict(name=name, target=target, total=None, scipy=math.inf, native=math.inf, **{v: math.inf for v in variants}))
            jobs.append(dict(file=file, rows=rows, cols=cols, cap=cap, samples=samples))
        # The machine may be shared: interleave everything in rounds and keep
        # each side's best, so a busy moment does not land on one side only.
        for rnd in range(max(1, args.rounds)):
            print(f"round {rnd + 1}:", flush=True)
            for res, job in zip(results, jobs):
                rows, cols, cap = job["rows"], job["cols"], job["cap"]
                path = os.path.join(tmp, job["file"])
                m = np.fromfile(path, dtype="<f8").reshape(rows, cols)
                wide = np.repeat(m, cap, axis=1) if cap > 1 else m
                scipy_ms, scipy_total = time_scipy(wide, job["samples"])
                del m, wide
                out = subprocess.check_output([native, path, str(rows), str(cols), str(cap), str(job["samples"])], text=True)
                native_ms, native_total = map(float, out.split())
                if not close(scipy_total, native_total):
                    sys.exit(f"{res['name']}: totals differ, scipy {scipy_total!r} vs native {native_total!r}")
                res["total"] = native_total
                res["scipy"] = min(res["scipy"], scipy_ms)
                res["native"] = min(res["native"], native_ms)
                print(f"  {res['name']}: scipy {scipy_ms:.2f} ms, native {native_ms:.2f} ms (total {native_total:.6f})", flush=True)
            if variants:
                print("  wasm builds in headless Chromium...", flush=True)
                for variant, runs in run_wasm(tmp, jobs).items():
                    for res, w in zip(results, runs):
                        if not close(res["total"], w["total"]):
                            sys.exit(f"{res['name']}: totals differ, native {res['total']!r} vs {variant} {w['total']!r}")
                        res[variant] = min(res[variant], w["best"])
                    print(f"    {variant}: " + ", ".join(f"{w['best']:.2f}" for w in runs) + " ms", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def verdict(ratio, target):
        return "" if target is None else ("ok" if ratio <= target else "MISSED")

    print()
    header = f"{'case':<17}{'scipy ms':>10}{'native ms':>11}{'nat/scipy':>10}{'target':>8}{'':>7}"
    for v in variants:
        header += f"{v + ' ms':>14}{v.replace('wasm', 'w') + '/nat':>12}{'target':>7}{'':>7}"
    print(header)
    for r in results:
        ratio = r["native"] / r["scipy"]
        t = f"{r['target']:.2f}" if r["target"] is not None else "-"
        line = f"{r['name']:<17}{r['scipy']:>10.2f}{r['native']:>11.2f}{ratio:>10.2f}{t:>8}{verdict(ratio, r['target']):>7}"
        for v in variants:
            wr = r[v] / r["native"]
            line += f"{r[v]:>14.2f}{wr:>12.2f}{WASM_TARGET:>7.2f}{verdict(wr, WASM_TARGET):>7}"
        print(line)
    print(f"\nTimes: best over {max(1, args.rounds)} round(s) of several batches (mean per solve). scipy solves")
    print("the capacity cases on the matrix with each column repeated 3 times, the others on the same matrix.")
    print("wasm: no extra target feature, like the app's build; wasm-simd: -C target-feature=+simd128. Both at")
    print("opt-level 3 (bench/wasm-solver); the app's release profile uses opt-level \"z\", slower for this code.")


if __name__ == "__main__":
    main()
