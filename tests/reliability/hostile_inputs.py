"""Builders of hostile inputs shared by the reliability tests and ``benchmarks/fuzz.py``."""

from __future__ import annotations

import gzip
import io

ARTICLE = ("Fire crews fought a blaze at the Portville harbour on Saturday, the port authority "
           "said. About {n} workers were evacuated from the east quay as smoke spread. ")


def page(n: int) -> bytes:
    body = ARTICLE.format(n=n) * 6
    return (f"<html><head><title>Port fire {n}</title></head><body><article><p>{body}</p>"
            "</article></body></html>").encode()


def warc_bytes(pages: int = 2, gz: bool = False) -> bytes:
    """A valid WARC of ``pages`` HTML responses, written by warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://portville.example/{i}", "response", payload=io.BytesIO(page(i + 10)),
            http_headers=headers))
    return buf.getvalue()


def warc_header_bomb(inflated: int = 64 << 20) -> bytes:
    """A small ``.warc.gz`` whose first header line inflates to ``inflated`` bytes."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        gz.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ")
        block = b"A" * (1 << 20)
        for _ in range(inflated >> 20):
            gz.write(block)
    return out.getvalue()


TOWNS = ("Portville", "Eastbridge", "Marlow", "Kestrel Bay", "Alderney", "Fenwick", "Dunmore")
CAUSES = ("a faulty substation", "an electrical fault", "a cooking fire", "arson", "lightning")


def small_corpus(n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` distinct small news items (JSON Lines records) about local fires."""
    import random

    rng = random.Random(seed)
    items = []
    for i in range(n):
        town, cause = rng.choice(TOWNS), rng.choice(CAUSES)
        hurt, day = rng.randint(2, 90), rng.randint(1, 28)
        items.append({
            "id": f"item-{seed}-{i}",
            "outlet": rng.choice(("Northwire", "Coastal Herald", "Valley Gazette")),
            "published": f"2025-03-{day:02d}",
            "title": f"Fire in {town} injures {hurt}",
            "text": (f"A fire at a warehouse in {town} injured {hurt} people on Tuesday, "
                     f"officials said. Investigators blamed {cause}. \u201cWe were lucky it "
                     f"was not worse,\u201d fire chief Dana Moss said of case {seed}-{i}."),
        })
    return items
