"""CPU time of the entities stage (``resolve_entities``) and of reading claims back from their
stored form (``from_dict``, what ``report`` does with every article's cached claims) on the
generated 1k story, against the code of another checkout in the same run.

    python benchmarks/entities_speed.py [--n 1000] [--old-src /tmp/base/src]

The inputs are those of ``crosscheck_one_story.py`` (cached in ``--cache``). With ``--old-src``
(``git archive REV src | tar -x -C /tmp/base``) the same inputs go through that code in a fresh
process first; the entities and claims of both are compared (same records). Prints CPU seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

from crosscheck_one_story import generated_inputs


def measure(inputs: Path) -> dict:
    from storyline.claims import resolve_entities
    from storyline.models import Claim
    from storyline.serialize import from_dict, to_dict
    from storyline.settings import Settings

    with inputs.open("rb") as fh:
        d = pickle.load(fh)
    c0 = time.process_time()
    entities, claims = resolve_entities(d["docs"], d["claims"], Settings().claims)
    cpu = round(time.process_time() - c0, 2)
    digest = hashlib.sha256(json.dumps([to_dict(entities), to_dict(claims)]).encode()).hexdigest()
    stored = [to_dict(c) for c in claims]
    c0 = time.process_time()
    back = [from_dict(Claim, c) for c in stored]
    read_cpu = round(time.process_time() - c0, 2)
    read_digest = hashlib.sha256(repr(back).encode()).hexdigest()
    return {"cpu_s": cpu, "entities": len(entities), "digest": digest[:16],
            "claims_read_cpu_s": read_cpu, "claims": len(back), "read_digest": read_digest[:16]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--old-src", default=None)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/crosscheck_scale_cache"))
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    inputs = generated_inputs(args.n, args.cache)
    if args.child:
        print(json.dumps(measure(inputs)))
        return
    rows = {}
    variants = [("old", args.old_src)] if args.old_src else []
    for name, src in [*variants, ("now", None)]:
        env = dict(os.environ, **({"PYTHONPATH": src} if src else {}))
        out = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--cache",
                              str(args.cache), "--child"], env=env, check=True,
                             capture_output=True, text=True).stdout
        rows[name] = json.loads(out.strip().splitlines()[-1])
        print(name, rows[name], flush=True)


if __name__ == "__main__":
    main()
