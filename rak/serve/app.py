"""The web application: pages, the JSON API and the downloads, on Starlette.

Routes (README, "Web page"):

    GET  /                     one file: drop it, see its report
    GET  /banyak               many files or a zip: a job with its summary
    GET  /jobs/{id}            a job's page (survives a reload; kept ``keep_minutes``)
    GET  /jobs/{id}/out/...    what the job's bulk run wrote (index.html, ringkasan.*, berkas/)
    GET  /jobs/{id}/files/{n}.xlsx    file n as ``rak check -f xlsx`` writes it
    GET  /jobs/{id}/laporan.zip       every report of the job
    POST /api/check            one file -> exactly the ``rak check --format json`` object
    POST /api/jobs             files or a zip -> a job id (202)
    GET  /api/jobs/{id}        its progress, its lines, its downloads

Everything the requests ask for is decided here and nowhere else: the status code (413 past
a limit, 415 not a document, 422 a document that cannot be read, 404 a job that is gone,
401 without the token), the language (``lang`` of the form or query, then the page's cookie,
then the server's), and the headers that keep the pages to themselves (no resource from
anywhere else, no framing by other sites). The work is the jobs' (``rak.serve.jobs``).
"""

from __future__ import annotations

import asyncio
import hmac
import shutil
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from extractor.language import LANGS, in_language

from .jobs import DONE, Job, JobStore
from .pages import job_page, upload_page
from .settings import ServeSettings, is_loopback
from .uploads import Stored, UploadRefused, limited, plain_name
from .words import WORDS

STATIC = Path(__file__).with_name("static")
LANG_COOKIE, TOKEN_COOKIE = "rak_lang", "rak_token"
HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'self'; form-action 'self'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "SAMEORIGIN",
    "cache-control": "no-store",
}
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _lang(request: Request, settings: ServeSettings, asked: object = None) -> str:
    for value in (asked, request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if isinstance(value, str) and value in LANGS:
            return value
    return settings.lang


def _refused(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class Guard:
    """Every request: the token (when the server has one), then the pages' own headers.

    The token may come as ``Authorization: Bearer``, as the cookie the page sets, or once
    as ``?token=`` in the address rak serve printed: a page opened that way is sent on to
    the same address without it, the cookie set (HttpOnly, SameSite=Strict)."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                have = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()
                            if k.encode() not in have]
            await send(message)

        token = self.settings.token
        if token is not None:
            request = Request(scope)
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            in_query = request.query_params.get("token", "")
            given = bearer or request.cookies.get(TOKEN_COOKIE, "") or in_query
            if not hmac.compare_digest(given.encode(), token.encode()):
                lang = _lang(request, self.settings)
                await _refused(401, in_language(WORDS["need_token"], lang))(
                    scope, receive, with_headers)
                return
            if in_query and request.method == "GET" and not scope["path"].startswith("/api/"):
                rest = {k: v for k, v in request.query_params.items() if k != "token"}
                url = scope["path"] + ("?" + urlencode(rest) if rest else "")
                response = RedirectResponse(url, status_code=303)
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
                await response(scope, receive, with_headers)
                return
        await self.app(scope, receive, with_headers)


class Server:
    """The routes over one ``JobStore``."""

    def __init__(self, settings: ServeSettings, store: JobStore) -> None:
        self.settings = settings
        self.store = store

    def _page(self, request: Request, html: str) -> HTMLResponse:
        response = HTMLResponse(html)
        asked = request.query_params.get("lang")
        if asked in LANGS:
            response.set_cookie(LANG_COOKIE, asked, samesite="strict")
        return response

    async def one(self, request: Request) -> Response:
        return self._page(request, upload_page(_lang(request, self.settings), self.settings,
                                               many=False))

    async def many(self, request: Request) -> Response:
        return self._page(request, upload_page(_lang(request, self.settings), self.settings,
                                               many=True))

    def _job(self, request: Request) -> Job | None:
        return self.store.get(request.path_params["job"])

    def _no_job(self, request: Request) -> JSONResponse:
        return _refused(404, in_language(WORDS["no_job"], _lang(request, self.settings)))

    async def job(self, request: Request) -> Response:
        job = self._job(request)
        if job is None:
            return self._no_job(request)
        lang = _lang(request, self.settings)
        many = len(job.files) + len(job.skipped) != 1
        return self._page(request, job_page(job.id, lang, self.settings, many))

    async def job_status(self, request: Request) -> Response:
        job = self._job(request)
        if job is None:
            return self._no_job(request)
        return JSONResponse(job.status(self.settings.keep_minutes))

    async def out_file(self, request: Request) -> Response:
        job = self._job(request)
        if job is None:
            return self._no_job(request)
        path = self.store.out_file(job, request.path_params["path"])
        if path is None:
            return _refused(404, in_language(WORDS["no_such_file"], job.lang))
        inline = path.suffix == ".html" and "download" not in request.query_params
        media = {".html": "text/html; charset=utf-8", ".json": "application/json",
                 ".csv": "text/csv; charset=utf-8", ".jsonl": "application/x-ndjson",
                 ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        return FileResponse(path, media_type=media.get(path.suffix, "application/octet-stream"),
                            filename=None if inline else path.name,
                            content_disposition_type="inline" if inline else "attachment")

    async def reports_zip(self, request: Request) -> Response:
        job = self._job(request)
        if job is None:
            return self._no_job(request)
        if job.state != DONE:
            return _refused(409, in_language(WORDS["not_ready"], job.lang))
        path = await run_in_threadpool(self.store.reports_zip, job)
        return FileResponse(path, media_type="application/zip", filename="laporan.zip")

    async def workbook(self, request: Request) -> Response:
        job = self._job(request)
        if job is None:
            return self._no_job(request)
        made = await run_in_threadpool(self.store.workbook, job, request.path_params["n"])
        if made is None:
            return _refused(404, in_language(WORDS["no_such_file"], job.lang))
        name, data = made
        return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                        "spreadsheetml.sheet",
                        headers={"content-disposition": f"attachment; filename*=UTF-8''"
                                 f"{_quoted(name)}"})

    async def _receive(self, request: Request) -> tuple[Stored, str]:
        """The request's files, stored in a new job folder; the language it asked for."""
        settings = self.settings
        lang = _lang(request, settings)
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise UploadRefused(415, "not_multipart")
        stored = Stored(self.store.new_folder())
        uploads: list[UploadFile] = []
        try:
            body = limited(request.stream(), settings.upload_bytes,
                           request.headers.get("content-length"))
            parser = MultiPartParser(request.headers, body, max_files=settings.max_files,
                                     max_fields=10)
            try:
                form = await parser.parse()
            except MultiPartException as e:
                if e.message.startswith("Too many files"):
                    raise UploadRefused(413, "too_many", files=settings.max_files) from e
                raise UploadRefused(400, "bad_form", detail=e.message) from e
            lang = _lang(request, settings, form.get("lang"))
            uploads = [v for v in form.getlist("file") if isinstance(v, UploadFile)]
            if not uploads:
                raise UploadRefused(400, "no_file")
            for upload in uploads:
                await run_in_threadpool(stored.add, plain_name(upload.filename), upload.file,
                                        settings)
            if await run_in_threadpool(stored.count) > settings.max_files:
                raise UploadRefused(413, "too_many", files=settings.max_files)
        except BaseException:
            shutil.rmtree(stored.root, ignore_errors=True)
            raise
        finally:
            for upload in uploads:
                await upload.close()
        return stored, lang

    async def api_jobs(self, request: Request) -> Response:
        try:
            stored, lang = await self._receive(request)
        except UploadRefused as e:
            return _refused(e.status, e.message(_lang(request, self.settings)))
        job = await run_in_threadpool(self.store.submit, stored, lang)
        return JSONResponse({"id": job.id, "page": f"/jobs/{job.id}",
                             "status": f"/api/jobs/{job.id}"}, status_code=202)

    async def api_check(self, request: Request) -> Response:
        """One file, checked: the body is the ``rak check --format json`` output itself."""
        try:
            stored, lang = await self._receive(request)
        except UploadRefused as e:
            return _refused(e.status, e.message(_lang(request, self.settings)))
        if len(stored.folders) != 1:
            shutil.rmtree(stored.root, ignore_errors=True)
            return _refused(400, in_language(WORDS["one_file"], lang))
        job = await run_in_threadpool(self.store.submit, stored, lang, True)
        try:
            while not job.ended.is_set():
                await asyncio.sleep(0.1)
            return await run_in_threadpool(_check_answer, job, lang)
        finally:
            await run_in_threadpool(self.store.discard, job)


def _check_answer(job: Job, lang: str) -> Response:
    if job.error:
        return _refused(500, job.error)
    if len(job.files) + len(job.skipped) != 1:
        return _refused(400, in_language(WORDS["one_file"], lang))
    if job.skipped:
        s = job.skipped[0]
        return _refused(415, in_language(WORDS["not_rak_file"], lang, file=s.display,
                                         reason=s.reason_in(lang)))
    line = job.lines.get(0)
    name = job.files[0].display
    if line is not None and line.jenis == "pk":
        from extractor.errors import IsPerjanjianKinerja

        return _refused(422, IsPerjanjianKinerja(name).message(lang))
    texts = job.result.texts[0] if job.result is not None and job.result.texts else {}
    if line is None or "json" not in texts:
        reason = line.reason if line is not None else ""
        return _refused(422, in_language(WORDS["not_rak_file"], lang, file=name, reason=reason))
    return Response(texts["json"].encode("utf-8"), media_type="application/json")


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


def create_app(settings: ServeSettings, store: JobStore | None = None) -> Starlette:
    """The application; its ``JobStore`` is made here unless given, and closed (every job's
    folder deleted) when the application shuts down."""
    jobs = store if store is not None else JobStore(settings)
    server = Server(settings, jobs)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        try:
            yield
        finally:
            await run_in_threadpool(jobs.close)

    routes = [
        Route("/", server.one),
        Route("/banyak", server.many),
        Route("/jobs/{job}", server.job),
        Route("/jobs/{job}/out/{path:path}", server.out_file),
        Route("/jobs/{job}/files/{n:int}.xlsx", server.workbook),
        Route("/jobs/{job}/laporan.zip", server.reports_zip),
        Route("/api/check", server.api_check, methods=["POST"]),
        Route("/api/jobs", server.api_jobs, methods=["POST"]),
        Route("/api/jobs/{job}", server.job_status),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(Guard, settings=settings)]
    if is_loopback(settings.host):
        # A page elsewhere cannot reach this server through a name it made point here.
        hosts = ["127.0.0.1", "localhost", "::1", "[::1]", settings.host]
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=hosts))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.jobs = jobs
    return app
