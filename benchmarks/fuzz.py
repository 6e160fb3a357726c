"""Bounded fuzzing of the readers and the quote/date/figure extractors.

    python benchmarks/fuzz.py --seconds 60                # every target, 60 s each
    python benchmarks/fuzz.py --target warc --seconds 300 # one target

Engine: atheris (coverage-guided, libFuzzer) when it is installed (``pip install atheris``),
else Hypothesis with random inputs for the same time. Each target runs in its own process, seeded
with the example corpus and a valid WARC; the invariant is that nothing but the documented errors
escapes (readers: no exception at all, each input becomes articles or rejections; extractors:
spans inside the text and slicing out the claimed text). A crash input is saved under
``--out`` (default ``benchmarks/results/fuzz``) and printed; turn each into a regression test.

Prints one line per target: engine, runs, seconds, coverage (atheris: libFuzzer's ``cov``
edges), crashes. Figures go in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ("jsonl", "json", "text", "html", "warc", "quotes", "dates", "numbers", "claims")


# ----------------------------------------------------------------------------- targets


def _target(name: str) -> Callable[[bytes], None]:
    """The function one fuzz input is given to; raises only on a real defect."""
    from storyline.ingest import read_inputs
    from storyline.ingest.settings import IngestSettings
    from storyline.models import Article, Rejection

    settings = IngestSettings()
    tmp = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))

    def check(items: list) -> None:
        for x in items:
            assert isinstance(x, (Article, Rejection)), type(x)
            if isinstance(x, Article):
                x.text.encode("utf-8")  # storable: no lone surrogates

    def via_file(suffix: str) -> Callable[[bytes], None]:
        path = tmp / f"input{suffix}"

        def run(data: bytes) -> None:
            path.write_bytes(data)
            check(list(read_inputs([str(path)], settings)))

        return run

    if name == "jsonl":
        return lambda data: check(list(read_inputs(["-"], settings, stdin=io.BytesIO(data))))
    if name in ("json", "text", "html", "warc"):
        return via_file({"json": ".json", "text": ".txt", "html": ".html", "warc": ".warc"}[name])
    text_of = _text
    if name == "quotes":
        from storyline.claims.quote_marks import find_quote_spans

        def quotes(data: bytes) -> None:
            text = text_of(data)
            for q in find_quote_spans(text):
                assert 0 <= q.start <= q.end <= len(text), q

        return quotes
    if name == "dates":
        from storyline.claims.dates import dateline_date

        def dates(data: bytes) -> None:
            text = text_of(data)
            d = dateline_date(text)
            if d is not None:
                assert 0 <= d.span[0] <= d.span[1] <= len(text)

        return dates
    if name == "numbers":
        from storyline.claims.numbers import fraction_percent, parse_cardinal, parse_ordinal

        def numbers(data: bytes) -> None:
            words = text_of(data).split()
            parse_cardinal(words)
            fraction_percent(words)
            for w in words[:20]:
                parse_ordinal(w)

        return numbers
    if name == "claims":
        return _claims_target()
    raise SystemExit(f"unknown target {name!r}; one of {', '.join(TARGETS)}")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _claims_target() -> Callable[[bytes], None]:
    from storyline.annotate import AnnotateSettings, annotate, load_pipeline
    from storyline.claims import ClaimsSettings, extract_claims
    from storyline.models import Article, Document, content_id

    nlp = load_pipeline()
    a_settings, c_settings = AnnotateSettings(), ClaimsSettings()

    def claims(data: bytes) -> None:
        text = _text(data)[:3000]
        if not text.strip():
            return
        article = Article(id=content_id(text), text=text, source="fuzz.txt",
                          published="2025-03-04")
        (ann,) = annotate([article], a_settings, nlp)
        for c in extract_claims(Document(article, ann), c_settings):
            assert text[c.span[0]:c.span[1]] == c.text, (c.kind, c.span, c.text)

    return claims


def _seeds(name: str) -> list[bytes]:
    sys.path.insert(0, str(ROOT / "tests" / "reliability"))
    from hostile_inputs import page, warc_bytes

    example = ROOT / "examples" / "harbor-fire"
    files = {p.suffix: p.read_bytes() for p in sorted(example.iterdir())}
    dateline = (b"SEOUL, Dec 27 (Yonhap) -- \xe2\x80\x9cWe will rebuild,\xe2\x80\x9d the mayor "
                b"said of the 1,200 homes lost, up 4.5% on three hundred last year.")
    texts = [files[".txt"], dateline]
    return {
        "jsonl": [files[".jsonl"]], "json": [files[".json"]], "text": texts,
        "html": [files[".html"], page(3)], "warc": [warc_bytes(2), warc_bytes(1, gz=True)],
    }.get(name, texts)


# ----------------------------------------------------------------------------- engines


def run_atheris(name: str, seconds: int, out: Path) -> None:
    """In this process: libFuzzer over ``name`` for ``seconds`` (called in a child process)."""
    import atheris

    with atheris.instrument_imports(include=["storyline"]):
        target = _target(name)

    def one_input(data: bytes) -> None:
        target(data)

    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))
    for i, seed in enumerate(_seeds(name)):
        (corpus / f"seed{i}").write_bytes(seed)
    out.mkdir(parents=True, exist_ok=True)
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=6000",
                   "-timeout=60", "-max_len=65536", f"-artifact_prefix={out}/{name}-",
                   str(corpus)], one_input)
    atheris.Fuzz()


def run_hypothesis(name: str, seconds: int, out: Path) -> dict[str, object]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    target = _target(name)
    seeds = _seeds(name)
    runs, crashes = [0], []
    stop = time.monotonic() + seconds

    mutated = st.sampled_from(seeds).flatmap(lambda s: st.tuples(
        st.just(s), st.integers(0, len(s)), st.binary(max_size=64)))
    inputs = st.one_of(st.binary(max_size=4096),
                       mutated.map(lambda t: t[0][:t[1]] + t[2] + t[0][t[1]:]))

    @settings(max_examples=10**9, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data: bytes) -> None:
        if time.monotonic() > stop:
            raise _TimeUp
        runs[0] += 1
        try:
            target(data)
        except Exception as exc:  # noqa: BLE001 - every escape is a finding
            out.mkdir(parents=True, exist_ok=True)
            path = out / f"{name}-crash-{len(crashes)}"
            path.write_bytes(data)
            crashes.append(f"{type(exc).__name__}: {exc}"[:200])

    try:
        fuzz()
    except _TimeUp:
        pass
    return {"runs": runs[0], "crashes": crashes}


class _TimeUp(Exception):
    pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", choices=TARGETS, action="append")
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_atheris(args.child, args.seconds, args.out)
        return
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    print(f"{'target':<8} {'engine':<10} {'runs':>9} {'seconds':>8} {'cov':>6}  crashes")
    for name in args.target or TARGETS:
        start = time.monotonic()
        if engine == "atheris":
            res = subprocess.run(
                [sys.executable, __file__, "--child", name, "--seconds", str(args.seconds),
                 "--out", str(args.out)], capture_output=True, text=True, check=False,
                env={**os.environ, "PYTHONHASHSEED": "0"})
            log = res.stderr
            done = re.findall(r"Done (\d+) runs", log)
            cov = re.findall(r"cov: (\d+)", log)
            crashes = re.findall(r"Test unit written to (\S+)", log)
            runs = done[-1] if done else (re.findall(r"#(\d+)", log) or ["?"])[-1]
            line = (f"{name:<8} {engine:<10} {runs:>9} {time.monotonic() - start:>8.0f} "
                    f"{cov[-1] if cov else '?':>6}  {len(crashes)}")
            print(line + "".join(f"\n    {c}" for c in crashes), flush=True)
            if crashes:
                tail = [ln for ln in log.splitlines() if "Error" in ln or "Exception" in ln]
                print("    " + "\n    ".join(tail[-3:]), flush=True)
        else:
            found = run_hypothesis(name, args.seconds, args.out)
            print(f"{name:<8} {engine:<10} {found['runs']:>9} {time.monotonic() - start:>8.0f} "
                  f"{'-':>6}  {len(found['crashes'])}", flush=True)  # type: ignore[arg-type]
            for c in found["crashes"][:3]:  # type: ignore[index]
                print(f"    {c}", flush=True)


if __name__ == "__main__":
    main()
