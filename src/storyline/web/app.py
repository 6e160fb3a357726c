"""``storyline serve``: a read-only local web page over a stored corpus (FastAPI).

Server-rendered with the report's own Jinja2 templates and macros (so the story page is the
report's story section), no build step, no client framework. The report dict is computed once
when the app is made, from the store (:func:`storyline.api.report_from_db`); only the search
goes to the store per request (SQLite FTS5 through :meth:`storyline.store.Store.search`, opened
read-only).

Safety: only GET routes exist; every page carries a Content-Security-Policy that allows no
network request and no script but the report's one inline script; a Host-header allow-list
(localhost by default) keeps other web sites from reading the API through DNS rebinding.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from markupsafe import Markup
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storyline.report import view
from storyline.report.html import _asset, environment, script_hash

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

ReportLoader = Callable[[str, Any], Mapping[str, Any]]
Searcher = Callable[[str, str, int], list[str]]


def _default_loader(db_path: str, settings: Any) -> Mapping[str, Any]:
    from storyline.api import report_from_db

    return report_from_db(db_path, settings)


def _default_search(db_path: str, query: str, limit: int) -> list[str]:
    from storyline.store import Store

    with Store(db_path, readonly=True) as store:
        return store.search(query, limit=limit)


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return environment((jinja2.PackageLoader("storyline.web", "templates"),))


def web_csp() -> str:
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src {script_hash(_asset('report.js'))}; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


def create_app(
    db_path: str | os.PathLike,
    settings: Any | None = None,
    *,
    allowed_hosts: Sequence[str] = LOCAL_HOSTS,
    report_loader: ReportLoader | None = None,
    search: Searcher | None = None,
) -> FastAPI:
    """The read-only web app over the store at ``db_path``.

    ``allowed_hosts`` are the Host headers answered (``("*",)`` for any, when serving on a
    network address on purpose); ``report_loader`` and ``search`` replace the store access
    (tests, or a report computed elsewhere).
    """
    from storyline.settings import Settings

    settings = settings or Settings()
    db = str(db_path)
    report = (report_loader or _default_loader)(db, settings)
    searcher = search or _default_search
    ix = view.Index.of(report)
    views = view.story_views(ix)
    stories = {sv.id: sv for sv in views}
    checks = {c["id"]: c for c in report.get("checks") or ()}
    rsettings = settings.report
    env = _env()
    base_ctx = {
        "report": report, "ix": ix, "views": views, "settings": rsettings,
        "css": Markup(_asset("report.css")), "js": Markup(_asset("report.js")),
        "db_name": Path(db).name,
    }
    csp = web_csp()

    app = FastAPI(title="storyline", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(**base_ctx, **ctx)
        return HTMLResponse(html, status_code=status)

    def not_found(message: str) -> HTMLResponse:
        return page("error.html.j2", status=404, message=message)

    # ------------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return page("index.html.j2")

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = Query("", max_length=500)) -> HTMLResponse:
        ids = searcher(db, q, 50) if q.strip() else []
        hits = [ix.articles[i] for i in ids if i in ix.articles]
        words = q.casefold().split()
        story_hits = [sv for sv in views
                      if words and all(w in sv.title.casefold() for w in words)]
        story_hits += [stories[sid] for sid in dict.fromkeys(
            ix.story_of.get(a["id"], view.UNASSIGNED_ID) for a in hits)
            if sid in stories and stories[sid] not in story_hits]
        return page("search.html.j2", q=q, hits=hits, story_hits=story_hits)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        sv = stories.get(story_id)
        if sv is None:
            return not_found("No story with this id.")
        return page("story.html.j2", sv=sv)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str) -> HTMLResponse:
        a = ix.articles.get(article_id)
        if a is None:
            return not_found("No article with this id.")
        sid = ix.story_of.get(article_id, view.UNASSIGNED_ID)
        return page("article.html.j2", a=a, story=stories.get(sid),
                    links=ix.links_by_article.get(article_id, []))

    @app.get("/checks/{check_id}")
    def check_redirect(check_id: str):
        if check_id not in checks:
            return not_found("No check with this id.")
        sid = next((sv.id for sv in views if any(c["id"] == check_id for c in sv.checks)),
                   view.UNASSIGNED_ID)
        target = view.href("story", sid, "web") + "#" + view.anchor("check", check_id)
        return RedirectResponse(target, status_code=303)

    # ------------------------------------------------------------------ JSON

    def records(key: str, **filters: str | None) -> list[Mapping[str, Any]]:
        out = list(report.get(key) or ())
        for field, value in filters.items():
            if value is None:
                continue
            out = [r for r in out if r.get(field) == value
                   or (isinstance(r.get(field), list) and value in r.get(field))]
        return out

    @app.get("/api/report")
    def api_report() -> JSONResponse:
        return JSONResponse(report)

    @app.get("/api/stories")
    def api_stories() -> JSONResponse:
        return JSONResponse(list(report.get("stories") or ()))

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> JSONResponse:
        for s in report.get("stories") or ():
            if s["id"] == story_id:
                return JSONResponse(s)
        raise HTTPException(404, "no story with this id")

    @app.get("/api/articles")
    def api_articles(offset: int = Query(0, ge=0), limit: int = Query(100, ge=1, le=1000),
                     text: bool = True) -> JSONResponse:
        arts = list(report.get("articles") or ())[offset:offset + limit]
        if not text:
            arts = [{k: v for k, v in a.items() if k not in ("text", "sentences", "mentions")}
                    for a in arts]
        return JSONResponse(arts)

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> JSONResponse:
        a = ix.articles.get(article_id)
        if a is None:
            raise HTTPException(404, "no article with this id")
        return JSONResponse(a)

    @app.get("/api/checks")
    def api_checks(status: str | None = None, story_id: str | None = None,
                   article_id: str | None = None) -> JSONResponse:
        out = records("checks", status=status, article_ids=article_id)
        if story_id is not None:
            ids = {c["id"] for c in stories[story_id].checks} if story_id in stories else set()
            out = [c for c in out if c["id"] in ids]
        return JSONResponse(out)

    @app.get("/api/checks/{check_id}")
    def api_check(check_id: str) -> JSONResponse:
        if check_id not in checks:
            raise HTTPException(404, "no check with this id")
        return JSONResponse(checks[check_id])

    @app.get("/api/claims")
    def api_claims(article_id: str | None = None, kind: str | None = None) -> JSONResponse:
        return JSONResponse(records("claims", article_id=article_id, kind=kind))

    @app.get("/api/reuse")
    def api_reuse(article_id: str | None = None) -> JSONResponse:
        out = list(report.get("reuse") or ())
        if article_id is not None:
            out = [x for x in out if article_id in (x.get("source_id"), x.get("target_id"))]
        return JSONResponse(out)

    @app.get("/api/families")
    def api_families() -> JSONResponse:
        return JSONResponse(list(report.get("families") or ()))

    @app.get("/api/entities")
    def api_entities() -> JSONResponse:
        return JSONResponse(list(report.get("entities") or ()))

    @app.get("/api/timeline")
    def api_timeline(story_id: str | None = None) -> JSONResponse:
        return JSONResponse(records("timeline", story_id=story_id))

    @app.get("/api/rejected")
    def api_rejected() -> JSONResponse:
        return JSONResponse(list(report.get("rejected") or ()))

    @app.get("/api/search")
    def api_search(q: str = Query(..., max_length=500),
                   limit: int = Query(50, ge=1, le=500)) -> JSONResponse:
        ids = searcher(db, q, limit) if q.strip() else []
        return JSONResponse([i for i in ids if i in ix.articles])

    app.state.report = report
    return app
