"""report.md: a short summary to paste into a ticket or a chat.

Per story: the counts (articles, independent sources, conflicts, misquotes, single-source and
corroborated claims, time span), then each conflict and misquote with the sentences behind it,
one per article. Everything from an article is escaped for CommonMark (backslash before every
ASCII punctuation character that can start or end markup, and HTML-looking text defused), and
kept on one line, so an article cannot inject links, headings, tables or HTML into the ticket.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from storyline.report import view
from storyline.report.settings import ReportSettings

# CommonMark: any ASCII punctuation may be backslash-escaped. Text is always written after a
# list marker and a label on one line, so block syntax (headings, lists, quotes) cannot start;
# these are the characters that make inline markup: emphasis, code, links and images (brackets),
# raw HTML and autolinks (angle brackets), entities (&), GFM tables, strikethrough, math.
_ACTIVE = re.compile(r"([\\`*_\[\]<>|~&$])")


def md_escape(text: Any, limit: int | None = None) -> str:
    """``text`` on one line with every Markdown-active character escaped."""
    s = " ".join(str(text if text is not None else "").split())
    if limit is not None and len(s) > limit:
        s = s[: limit - 1].rstrip() + "\u2026"
    return _ACTIVE.sub(r"\\\1", s)


def _window(segments: list, limit: int) -> str:
    """The sentence, or, when longer than ``limit``, a window of it around the claim."""
    text = " ".join("".join(s.text for s in segments).split())
    if len(text) <= limit:
        return text
    raw = "".join(s.text for s in segments)
    start = 0
    focus_at = None
    for s in segments:
        if s.focus and focus_at is None:
            focus_at = start
        start += len(s.text)
    focus_at = focus_at or 0
    lo = max(0, min(focus_at - limit // 3, len(raw) - limit))
    piece = " ".join(raw[lo:lo + limit].split())
    return ("\u2026" if lo > 0 else "") + piece + ("\u2026" if lo + limit < len(raw) else "")


def render_markdown(report: Mapping[str, Any], settings: ReportSettings | None = None) -> str:
    """The report as a short Markdown summary."""
    settings = settings or ReportSettings()
    ix = view.Index.of(report)
    views = view.story_views(ix)
    out = ["# storyline report", ""]
    out.append(f"{len(report.get('articles') or ())} articles, {len(views)} "
               f"stor{'y' if len(views) == 1 else 'ies'}, "
               f"{len(report.get('rejected') or ())} rejected input(s). "
               f"{md_escape(report.get('generator', ''))}")
    for sv in views:
        out += ["", f"## {md_escape(sv.title)}", ""]
        n_src = view.independent_sources(ix, sv.article_ids)
        span = view.time_span(ix, sv.article_ids)
        out.append(f"- Articles: {len(sv.article_ids)}")
        out.append(f"- Independent sources: {n_src if n_src is not None else 'not computed'}")
        out.append(f"- Conflicts: {sv.count('conflicting')}; misquotes: {sv.count('misquoted')}")
        out.append(f"- Single-source claims: {sv.count('single_source')}; "
                   f"corroborated: {sv.count('corroborated')}")
        if span:
            out.append(f"- Published: {span[0]}" + (f" to {span[1]}" if span[1] != span[0] else ""))
        bad = [c for c in sv.checks if c.get("status") in ("conflicting", "misquoted")]
        if bad:
            out += ["", "### Conflicts and misquotes", ""]
        for ch in bad[: settings.markdown_max_items]:
            label = view.STATUS_LABEL.get(ch.get("status"), ch.get("status"))
            out.append(f"- **{label}**: {md_escape(ch.get('summary', ''), 400)}")
            seen: set[tuple[str, int, int]] = set()
            for row in view.claim_rows(ix, ch):
                if row["missing"]:
                    continue
                key = (row["article"]["id"], row["sentence_start"], row["sentence_end"])
                if key in seen:  # two claims of one sentence: quote it once
                    continue
                seen.add(key)
                sentence = _window(row["segments"], settings.markdown_max_quote_chars)
                where = md_escape(ix.label(row["article"]["id"]))
                date = row["article"].get("published")
                if date:
                    where += f", {md_escape(date[:10])}"
                out.append(f"  - {where}: \u201c{md_escape(sentence)}\u201d")
        if len(bad) > settings.markdown_max_items:
            out.append(f"- \u2026 and {len(bad) - settings.markdown_max_items} more "
                       f"(see report.html)")
        repeated = {k: g for k, _, g in sv.check_groups()}.get("repeated", [])
        if repeated:
            out += ["", "### Repeated by several articles, from one source", ""]
        for ch in repeated[: settings.markdown_max_items]:
            what = ch.get("label") or ch.get("summary", "")
            out.append(f"- {md_escape(what, 200)} ({len(ch.get('article_ids') or ())} articles, "
                       f"{ch.get('independent_sources', '?')} independent source)")
        if len(repeated) > settings.markdown_max_items:
            out.append(f"- \u2026 and {len(repeated) - settings.markdown_max_items} more "
                       f"(see report.html)")
    rejected = report.get("rejected") or ()
    if rejected:
        out += ["", "## Rejected inputs", ""]
        for r in rejected[: settings.markdown_max_items]:
            out.append(f"- {md_escape(r.get('source'))}: {md_escape(r.get('code'))} "
                       f"{md_escape(r.get('reason'), 200)}")
        if len(rejected) > settings.markdown_max_items:
            out.append(f"- \u2026 and {len(rejected) - settings.markdown_max_items} more")
    return "\n".join(out) + "\n"
