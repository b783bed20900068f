"""`make bench`, continued: the build's cost as the record grows (100× the data) and validation's cost per row
from 1,000 to 1,000,000 rows (issue 18). Split from bench.py, which keeps the timings users wait for."""

from __future__ import annotations

import csv
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


class _NoAliases(yaml.SafeDumper):
    """Write every repeated value out: the raw files refuse YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def synthetic_raw(times: int, target: Path) -> int:
    """A copy of the real raw data with every source and figure repeated `times` times under new ids."""
    shutil.copytree(ROOT / "data", target / "data")
    raw = target / "data" / "raw"
    sources = yaml.safe_load((raw / "sources.yaml").read_text())
    figures_dir = raw / "figures"
    originals = sorted(figures_dir.glob("*.csv"))
    new_sources, count = list(sources), 0
    for path in originals:
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        count += len(rows)
        for i in range(1, times):
            sid = f"{path.stem}-x{i}"
            with (figures_dir / f"{sid}.csv").open("w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()) if rows else [], lineterminator="\n")
                writer.writeheader()
                for row in rows:
                    writer.writerow({**row, "figure_id": row["figure_id"].replace(path.stem, sid, 1)})
                    count += 1
    by_id = {s["id"]: s for s in sources}
    for path in originals:
        for i in range(1, times):
            new_sources.append({**by_id[path.stem], "id": f"{path.stem}-x{i}"})
    (raw / "sources.yaml").write_text(yaml.dump(new_sources, Dumper=_NoAliases, sort_keys=False, allow_unicode=True))
    return count


def scale() -> dict:
    out = {}
    for times in (1, 100):
        with tempfile.TemporaryDirectory() as tmp:
            n = synthetic_raw(times, Path(tmp))
            cmd = [PY, "-m", "analysis", "build", "--root", tmp]
            timed(cmd)
            secs = statistics.median(timed(cmd) for _ in range(3))
            per_1000 = round(1000 * secs / n, 4)
            out[f"{times}x"] = {"figures": n, "build_s": round(secs, 3), "s_per_1000_figures": per_1000}
            print(f"build at {times:>3}×: {n:>6} figures in {secs:6.2f}s = {1000 * secs / n:.4f}s per 1,000 figures",
                  flush=True)
    out["linear_or_better"] = out["100x"]["s_per_1000_figures"] <= out["1x"]["s_per_1000_figures"]
    out["name"], out["meets_target"] = "build linear in the record's size", out["linear_or_better"]
    return out


def _validation_input(rows: int, root: Path) -> None:
    """One source and a figures file of `rows` valid rows (distinct ids, quotes and values, as real data has)."""
    raw = root / "data" / "raw"
    (raw / "figures").mkdir(parents=True)
    (raw / "sources.yaml").write_text(
        "- id: demo-2017\n  producer: Metropolitan Police Service\n  title: Demo press release\n"
        "  url_main: https://news.met.police.uk/demo\n  date_published: 2017-03-13\n  date_accessed: 2026-11-26\n"
        "  kind: press release\n  primary: true\n  outlet: producer\n"
        "  citation: Metropolitan Police Service, Demo, 13 March 2017.\n")
    with (raw / "figures" / "demo-2017.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["figure_id", "measure", "subject", "geography", "period_start", "period_end",
                         "value_as_printed", "unit", "location", "quote", "caveat"])
        for i in range(rows):
            value = f"{1000 + i:,}"
            writer.writerow([f"demo-2017/referrals-{i}", "cse_referrals", "CSE referrals", "London", "2016-01-01",
                             "2016-12-31", value, "referrals", f"para {i % 50 + 1}",
                             f"In 2016 there were {value} referrals.", ""])


def _validate_cost(root: Path) -> tuple[float, int]:
    """(CPU seconds, peak RSS bytes) of `python -m analysis validate` on `root`, measured by a fresh parent."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
             "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(u.ru_utime + u.ru_stime, u.ru_maxrss * 1024)")
    out = subprocess.run([PY, "-c", probe, PY, "-m", "analysis", "validate", "--root", str(root)], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout.split()
    return float(out[0]), int(out[1])


def validation_scale(sizes: tuple[int, ...] = (1_000, 1_000_000)) -> dict:
    """Validation's CPU per 1,000 rows at each size (above the cost of a 1-row file: start-up is not per row) and
    its peak memory. Targets (issue 18): per-row cost flat from the smallest to the largest size (within 1.5×),
    peak memory under 1 GB at 1,000,000 rows. CPU time, not wall time, so other work on the machine cancels."""
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        _validation_input(1, Path(tmp) / "one")
        start_up, _ = _validate_cost(Path(tmp) / "one")
    for rows in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            _validation_input(rows, Path(tmp))
            cpu, rss = _validate_cost(Path(tmp))
        per_1000 = 1000 * max(cpu - start_up, 0.0) / rows
        out[str(rows)] = {"cpu_s": round(cpu, 2), "cpu_s_per_1000_rows": round(per_1000, 4),
                          "peak_rss_mb": round(rss / 2**20, 1)}
        print(f"validate {rows:>9,} rows: {cpu:7.2f}s CPU = {per_1000:.4f}s per 1,000 rows, peak "
              f"{rss / 2**20:7.1f} MB", flush=True)
    small, large = out[str(sizes[0])], out[str(sizes[-1])]
    out["flat"] = large["cpu_s_per_1000_rows"] <= 1.5 * small["cpu_s_per_1000_rows"]
    out["peak_under_1gb"] = large["peak_rss_mb"] < 1024
    out["name"] = "validation: cost per row flat, peak under 1 GB at 1,000,000 rows"
    out["meets_target"] = out["flat"] and out["peak_under_1gb"]
    return out


#: Text shaped to make a personal-data pattern retry from every character: runs of digit groups that end in a
#: letter or an underscore, spelled-out addresses, capitals, dates (issue 24; "1_ 1_ …x" was quadratic in round 14).
HOSTILE_TEXT = ("1 ", "1_ ", "1-1_", "0 1_ ", "12345678,1 ", "1 1.", "2016 ", "2016-01-01 ", "a_at_", "JOHN ",
                "x@gmail,", "SMITH, John ", "born 1 ", "1 Ab Ab Ab ", "GB33 ", "1.1.1.", "crime ref ", "@a.a",
                "facebook.com/", "snapchat: a", "51.12345 ", "1°1' ", "AAAAA1 ", "prison number ",
                "1::", "a:", "Ab Ab, 1, ", "Ab Ab, aged 1 ", "snap is a1#", "1O", "O1o ",
                "A. Ab, now 1 years old, ", "turned 1 on 1 ", "Flat 1, Ab ",
                # round eighteen: ages in words and before a name, digits read out, Reddit users, MAC addresses
                "Ab Ab aged one ", "Ab Ab, a 1-year-old ", "1-year-old Ab ", "oh seven ", "one two three x ",
                "u/ab ", "0a:1b:2c:3d:4e:")


def hostile_text_scale(sizes: tuple[int, int] = (40_000, 400_000)) -> dict:
    """CPU seconds for the personal-data check of each hostile text at two sizes: linear when ten times the text
    costs at most 15 times as much."""
    from analysis.record import safeguarding

    out: dict = {"name": "personal-data check of hostile text in linear time"}
    for unit in HOSTILE_TEXT:
        secs = []
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size] + "x"
            safeguarding._scan.cache_clear()
            started = time.process_time()
            safeguarding.personal_data_in(text)
            secs.append(time.process_time() - started)
        out[repr(unit)] = {"small_s": round(secs[0], 3), "large_s": round(secs[1], 3)}
        print(f"hostile text {unit!r}: {sizes[0]:,} chars {secs[0]:.3f}s, {sizes[1]:,} {secs[1]:.3f}s", flush=True)
    out["meets_target"] = all(v["large_s"] <= 15 * max(v["small_s"], 0.01) for v in out.values() if isinstance(v, dict))
    return out
