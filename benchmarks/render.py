"""How fast delarsrapport renders, measured against stock docxtpl and the cost of the zip.

Run ``python benchmarks/render.py`` (``--snabb`` for a short run). Everything is measured
in one process, the variants interleaved round by round so that a busy moment of the
machine hits all of them alike, and medians are reported. Nothing here passes or fails
on time: wall time belongs to the machine. docs/prestanda.md explains the numbers.

Sections:

1. per document kind and sample: our render (prepared template, render, package) against
   stock docxtpl (``DocxTemplate(path).render(ctx, jinja_env=<the same environment>)`` and
   ``save``) and against writing our output's parts into a zip at deflate level 6;
2. the command line's main job as a process (``delarsrapport render`` of the 2020 sample);
3. scale: a table of 1 000, 10 000 and 100 000 rows, and memory over 10 000 renders;
4. a batch of 200 reports with ``--jobs 1`` and ``--jobs 2``.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from delarsrapport import load, render_bytes
from delarsrapport._context import DokumentVy, bygg_kontext
from delarsrapport._render import diagram, media
from delarsrapport._render.engine import Karnegenskaper, prepare
from delarsrapport._render.layout import load_layout

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EGEN_LAYOUT = {
    "uppsala-socialnamnden-2020-08": "uppsala",
    "uppsala-omsorgsnamnden-2020-08": "uppsala",
    "uppsala-socialnamnden-2024-08": "uppsala-2024",
    "upplands-bro-socialnamnden-2022": "upplands-bro",
    "exempel-kulturnamnden-2023-08": "uppsala-2024",
}


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def _rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _zip_level6(data: bytes) -> Callable[[], bytes]:
    """Writing *data*'s parts, uncompressed in memory, into a new zip at deflate level 6."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = [(info.filename, zf.read(info)) for info in zf.infolist()]

    def write() -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zout:
            for name, raw in parts:
                zout.writestr(name, raw)
        return out.getvalue()

    return write


def per_dokument(rundor: int) -> list[str]:
    """Section 1: ours, stock docxtpl and the zip cost, per document kind and sample."""
    rader = [
        "| rapport | dokument | vår | varav diagram | docxtpl | zip (nivå 6) | docxtpl / vår "
        "| vår / zip | vår utan diagram / zip |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    # The time our render spends drawing charts (matplotlib), measured inside it: drawing
    # a picture is work that neither a template engine nor a zip does.
    ritat: list[float] = []
    rita = diagram._rita

    def tidtagen_rita(*args: Any, **kwargs: Any) -> bytes:
        start = time.perf_counter()
        try:
            return rita(*args, **kwargs)
        finally:
            ritat.append(time.perf_counter() - start)

    diagram._rita = tidtagen_rita
    for stem, layout_namn in EGEN_LAYOUT.items():
        rapport = load(SAMPLES / f"{stem}.yaml")
        layout = load_layout(layout_namn)
        inst = layout.installningar
        arende = rapport.arenden[0]
        fall: list[tuple[str, Path, dict[str, object]]] = [
            ("tjansteskrivelse", layout.mall("tjansteskrivelse"), bygg_kontext(rapport, arende, 1, inst))
        ]
        for bilaga in arende.bilagor:
            for del_ in bilaga.delar:
                ctx = bygg_kontext(rapport, arende, 1, inst, bilaga=bilaga, del_=del_)
                fall.append((del_.kind, layout.mall(del_.kind), ctx))
        for slag, mall, ctx in fall:
            prepared = prepare(mall, inst.talstil, inst.stilar, inst.typografi)
            vy = ctx["dokument"]
            assert isinstance(vy, DokumentVy)
            egenskaper = Karnegenskaper(
                titel=vy.titel, amne="", forfattare="", datum=vy.datum, identifierare=vy.diarienummer
            )

            def var(prepared: Any = prepared, ctx: dict[str, object] = ctx, eg: Any = egenskaper) -> bytes:
                return bytes(prepared.render(ctx).package(eg))

            def stock(mall: Path = mall, ctx: dict[str, object] = ctx, env: Any = prepared.env) -> bytes:
                # The charts of a text are drawn into the render's media collection; docxtpl
                # has none, so it gets one here: it draws the same pictures, and does not
                # pack them (a little less work than ours).
                with media.samla() as samling:
                    samling.del_ = "word/document.xml"
                    doc = DocxTemplate(mall)
                    doc.render(ctx, jinja_env=env)
                    out = io.BytesIO()
                    doc.save(out)
                    return out.getvalue()

            zip6 = _zip_level6(var())
            tider: dict[str, list[float]] = {"var": [], "stock": [], "zip": [], "diagram": []}
            for _ in range(rundor):
                for namn, fn in (("var", var), ("stock", stock), ("zip", zip6)):
                    ritat.clear()
                    start = time.perf_counter()
                    fn()
                    tider[namn].append(time.perf_counter() - start)
                    if namn == "var":
                        tider["diagram"].append(sum(ritat))
            v, s, z, d = (_median_ms(tider[k]) for k in ("var", "stock", "zip", "diagram"))
            rader.append(
                f"| {stem} | {slag} | {v:.1f} ms | {d:.1f} ms | {s:.1f} ms | {z:.1f} ms | {s / v:.1f}× "
                f"| {v / z:.2f}× | {(v - d) / z:.2f}× |"
            )
    diagram._rita = rita
    return rader


def huvudjobbet(rundor: int) -> list[str]:
    """Section 2: the command line's main job as a process, and where its time goes."""
    cli = Path(sys.executable).with_name("delarsrapport")
    with tempfile.TemporaryDirectory() as tmp:
        kommando = [str(cli), "render", str(SAMPLES / "uppsala-socialnamnden-2020-08.yaml"), "-o", tmp]
        utan_diagram = [str(cli), "render", str(SAMPLES / "uppsala-socialnamnden-2024-08.yaml"), "-o", tmp]
        importera = [sys.executable, "-c", "import delarsrapport._cli"]
        matplotlib = [
            sys.executable,
            "-c",
            "import matplotlib.figure, matplotlib.backends.backend_agg, matplotlib.style",
        ]
        tider: dict[str, list[float]] = {"render": [], "2024": [], "import": [], "matplotlib": []}
        for _ in range(rundor):
            steg = (("render", kommando), ("2024", utan_diagram), ("import", importera))
            for namn, cmd in (*steg, ("matplotlib", matplotlib)):
                start = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True)
                tider[namn].append(time.perf_counter() - start)
    return [
        "| process | median |",
        "|---|---:|",
        f"| `delarsrapport render samples/uppsala-socialnamnden-2020-08.yaml -o …` | "
        f"{_median_ms(tider['render']):.0f} ms |",
        "| `delarsrapport render samples/uppsala-socialnamnden-2024-08.yaml -o …` (utan diagram) | "
        f"{_median_ms(tider['2024']):.0f} ms |",
        "| `python -c 'import delarsrapport._cli'` (start och import) | "
        f"{_median_ms(tider['import']):.0f} ms |",
        "| `python -c 'import matplotlib.figure, …'` (start och import av det som ritar diagrammen) | "
        f"{_median_ms(tider['matplotlib']):.0f} ms |",
    ]


def _stor_rapport(rader: int) -> Any:
    """The 2024 sample with an internkontroll of *rader* kontrollmoment (one table row each)."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((SAMPLES / "uppsala-socialnamnden-2024-08.yaml").read_text(encoding="utf-8"))
    for bilaga in data["bilagor"]:
        for del_ in bilaga["delar"]:
            if "internkontroll" in del_:
                ik = del_["internkontroll"]
                mall = ik["moment"][0]
                ik["moment"] = [
                    {**mall, "kontrollmoment": f"{mall['kontrollmoment']} {i}"} for i in range(rader)
                ]
    return load(data)


def skala(snabb: bool) -> list[str]:
    """Section 3: time against the number of rows, and memory over many renders."""
    rader = [
        "| kontrollmoment i internkontrollen | hela rapporten (5 dokument) | per 1 000 rader |",
        "|---:|---:|---:|",
    ]
    for n in (1_000, 10_000) if snabb else (1_000, 10_000, 100_000):
        rapport = _stor_rapport(n)
        render_bytes(rapport, layout="uppsala-2024")
        tider = []
        for _ in range(1 if n >= 100_000 else 3):
            start = time.perf_counter()
            render_bytes(rapport, layout="uppsala-2024")
            tider.append(time.perf_counter() - start)
        t = statistics.median(tider)
        rader.append(f"| {n:,} | {t * 1000:,.0f} ms | {t / n * 1e6:.0f} ms |".replace(",", " "))
    rader += ["", "| rapport | renderingar av hela rapporten i en process | minne (RSS) |", "|---|---:|---:|"]
    # The 2024 sample the full 10 000 times; the 2020 sample, whose two charts take most of
    # its time, to 1 000, enough to show whether drawing leaks.
    for stem, layout, punkter in (
        ("uppsala-socialnamnden-2024-08", "uppsala-2024", (100, 300) if snabb else (100, 1_000, 10_000)),
        ("uppsala-socialnamnden-2020-08", "uppsala", (100,) if snabb else (100, 1_000)),
    ):
        rapport = load(SAMPLES / f"{stem}.yaml")
        gjorda = 0
        for punkt in punkter:
            while gjorda < punkt:
                render_bytes(rapport, layout=layout)
                gjorda += 1
            gc.collect()
            rader.append(f"| {stem} | {punkt:,} | {_rss_mb():.0f} MB |".replace(",", " "))
    return rader


def batch(antal: int, rundor: int) -> list[str]:
    """Section 4: *antal* reports through the command line with --jobs 1 and --jobs 2.

    The two are interleaved *rundor* times; the median of each is reported.
    """
    cli = Path(sys.executable).with_name("delarsrapport")
    with tempfile.TemporaryDirectory() as tmp:
        indata = Path(tmp) / "in"
        indata.mkdir()
        prov = sorted(SAMPLES.glob("*.yaml"))
        for i in range(antal):
            shutil.copy(prov[i % len(prov)], indata / f"r{i:03d}.yaml")
        alla: dict[int, list[float]] = {1: [], 2: []}
        for runda in range(rundor):
            for jobs in (1, 2):
                ut = Path(tmp) / f"ut{jobs}-{runda}"
                start = time.perf_counter()
                subprocess.run(
                    [str(cli), "render", str(indata), "-o", str(ut), "--jobs", str(jobs)],
                    check=True,
                    capture_output=True,
                )
                alla[jobs].append(time.perf_counter() - start)
                shutil.rmtree(ut)
        tider = {jobs: statistics.median(t) for jobs, t in alla.items()}
    return [
        "| --jobs | tid | rapporter per sekund |",
        "|---:|---:|---:|",
        *(f"| {j} | {t:.1f} s | {antal / t:.1f} |" for j, t in tider.items()),
        f"| | | --jobs 2 ger {tider[1] / tider[2]:.2f}× genomströmningen |",
    ]


def main(argv: list[str] | None = None) -> int:
    """Run every section and print Markdown tables."""
    parser = argparse.ArgumentParser(description="Mät hur snabbt delarsrapport skapar dokument.")
    parser.add_argument("--snabb", action="store_true", help="färre rundor och mindre skalor")
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} kärnor")
    print("\n## Per dokument (median, millisekunder)\n")
    print("\n".join(per_dokument(5 if args.snabb else 21)))
    print("\n## Huvudjobbet som process\n")
    print("\n".join(huvudjobbet(3 if args.snabb else 11)))
    print("\n## Skala\n")
    print("\n".join(skala(args.snabb)))
    print("\n## Batch\n")
    print("\n".join(batch(12, 1) if args.snabb else batch(200, 3)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
