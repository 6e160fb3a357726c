"""Write ``src/storyline/data/given_names.tsv``: given names that are strongly gendered.

Source: the name-gender table of the ``nomquamgender`` package (version 0.1.4 on PyPI, MIT
licence, copyright (c) 2022 Ian Van Buskirk; Van Buskirk, Clauset and Larremore, "An open-source
cultural consensus approach to name-based gender classification", ICWSM 2023), which pools 36
public name-gender sources. Each row of its ``name_data.json`` is
``name: [sources, count, p(gf), ...]``. Kept: ASCII alphabetic names seen in at least
``MIN_SOURCES`` sources and ``MIN_COUNT`` times whose share of women is at most ``LOW`` ("m") or
at least ``HIGH`` ("f"). The margins keep names borne by many men and women out ("Lindsey" 0.90,
"Kelly" 0.89, "Chris" 0.12, "Jean" 0.48): a pronoun is only kept from a person whose given name
says the opposite gender with a wide margin.

    pip download nomquamgender==0.1.4 --no-deps -d /tmp/nqg && unzip /tmp/nqg/*.whl -d /tmp/nqg
    python benchmarks/build_given_names.py /tmp/nqg/nomquamgender/name_data.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "given_names.tsv"
MIN_SOURCES = 5
MIN_COUNT = 300
LOW, HIGH = 0.08, 0.92

HEADER = """\
# Given names and the gender most of their bearers have: m or f (one name a line, lower case).
# Used by storyline.claims.speakers to keep "he said" from resolving to "Hillary Clinton".
# Derived by benchmarks/build_given_names.py from nomquamgender 0.1.4 (MIT licence):
#   Copyright (c) 2022 Ian Van Buskirk
#   Permission is hereby granted, free of charge, to any person obtaining a copy of this
#   software and associated documentation files (the "Software"), to deal in the Software
#   without restriction, including without limitation the rights to use, copy, modify, merge,
#   publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
#   to whom the Software is furnished to do so, subject to the following conditions:
#   The above copyright notice and this permission notice shall be included in all copies or
#   substantial portions of the Software.
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
#   INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
#   PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
#   FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
#   OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
#   DEALINGS IN THE SOFTWARE.
"""


def main(argv: list[str]) -> int:
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, pgf, *_) in sorted(data.items()):
        if not (name.isascii() and name.isalpha()) or sources < MIN_SOURCES \
                or count < MIN_COUNT:
            continue
        if pgf <= LOW:
            rows.append(f"{name}\tm")
        elif pgf >= HIGH:
            rows.append(f"{name}\tf")
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
