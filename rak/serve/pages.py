"""The HTML of the pages around the reports: one file, many files, a job.

Each page is the same frame (the bar with the two pages and the language switch) around a
small body; ``static/serve.js`` does the uploading and the polling, with the words it needs
handed to it as JSON in the page (in the page's language). Nothing comes from the network:
the stylesheet and the script are the server's own files. Every value put in the HTML goes
through ``esc``; the words for the script are JSON with ``<`` escaped, so no text closes the
script element.
"""

from __future__ import annotations

import json

from extractor.language import in_language

from ..bulk.indexpage import esc
from .settings import ServeSettings
from .words import WORDS

# The words static/serve.js says, by key (filled in the page's language).
SCRIPT_WORDS = ("uploading", "queued", "running", "done", "pages", "files_done", "downloads",
                "dl_report", "dl_json", "dl_csv", "dl_xlsx", "kept_until", "upload_failed",
                "too_big", "too_many")


def _w(key: str, lang: str, **values: object) -> str:
    return in_language(WORDS[key], lang, **values)


def _frame(lang: str, here: str, title: str, body: str, settings: ServeSettings,
           wide: bool = False) -> str:
    other = "en" if lang == "id" else "id"
    mark = ' class="here"'
    nav = "".join(
        f'<a href="{href}"{mark if here == key else ""}>{esc(_w(key, lang))}</a>'
        for key, href in (("nav_one", "/"), ("nav_many", "/banyak")))
    limits = {"mb": settings.max_upload_mb, "files": settings.max_files}
    # The limits are said now; the other values ({done}, {total}, {time}) by the script.
    script_words = {k: in_language(WORDS[k], lang, **limits)
                    if k in ("upload_failed", "too_big", "too_many")
                    else WORDS[k].get(lang, WORDS[k]["id"]) for k in SCRIPT_WORDS}
    words_json = json.dumps(script_words, ensure_ascii=False).replace("<", "\\u003c")
    return f"""<!doctype html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · {esc(_w("title", lang))}</title>
<link rel="stylesheet" href="/static/serve.css">
</head>
<body>
<header class="bar">
<a class="brand" href="/">{esc(_w("title", lang))}</a>
<nav>{nav}</nav>
<a class="lang" href="?lang={other}" hreflang="{other}">{esc(_w("switch", lang))}</a>
</header>
<main{' class="wide"' if wide else ""}>
{body}
<div id="message" class="message error" role="alert"></div>
</main>
<script type="application/json" id="words">{words_json}</script>
<script src="/static/serve.js"></script>
</body>
</html>
"""


def _upload_form(lang: str, settings: ServeSettings, many: bool) -> str:
    drop = _w("drop_many" if many else "drop_one", lang)
    accept = ".pdf,.docx,.docm,.doc,.xlsx,.xlsm,.xls,.json" + (",.zip" if many else "")
    limits = _w("limits", lang, mb=settings.max_upload_mb, files=settings.max_files,
                minutes=f"{settings.keep_minutes:g}")
    return f"""<form class="drop" id="upload-form" method="post" action="/api/jobs"
 enctype="multipart/form-data" data-max-bytes="{settings.upload_bytes}"
 data-max-files="{settings.max_files}">
<div class="big">{esc(drop)}</div>
<input type="file" name="file" accept="{accept}"{" multiple" if many else ""}>
<div class="chosen"></div>
<button type="submit" disabled>{esc(_w("send", lang))}</button>
</form>
<div class="progress" id="upload" hidden><div class="track"><div class="fill"></div></div>
<div class="words">{esc(_w("uploading", lang))}</div></div>
<p class="small">{esc(limits)}</p>
<div id="recent" hidden><h2>{esc(_w("recent", lang))}</h2><ul class="recent"></ul></div>"""


def upload_page(lang: str, settings: ServeSettings, many: bool) -> str:
    """The page a person drops one file (or many, or a zip) on."""
    key = "nav_many" if many else "nav_one"
    body = (f"<h1>{esc(_w(key, lang))}</h1>\n<p class=\"lead\">{esc(_w('tagline', lang))}</p>\n"
            + _upload_form(lang, settings, many))
    return _frame(lang, key, _w(key, lang), body, settings)


def job_page(job_id: str, lang: str, settings: ServeSettings, many: bool) -> str:
    """A job's page: its progress while it runs, then the report (one file) or the summary
    (many), with the downloads; the script fills it from ``GET /api/jobs/{id}``."""
    heads = "".join(f"<th>{esc(_w(k, lang))}</th>" for k in ("file", "status"))
    heads += "".join(f'<th class="n">{esc(_w(k, lang))}</th>'
                     for k in ("th_errors", "th_warnings", "th_infos"))
    heads += f"<th>{esc(_w('note', lang))}</th>"
    again = _w("nav_many" if many else "again", lang)
    body = f"""<section data-job="{esc(job_id)}" data-state="queued">
<h1>{esc(_w("job", lang))}</h1>
<div class="progress"><div class="track"><div class="fill busy"></div></div>
<div class="words">{esc(_w("queued", lang))}</div></div>
<div class="downloads" hidden></div>
<p class="small reupload" hidden>{esc(_w("reupload", lang))}
 <a href="/">{esc(_w("again", lang))}</a></p>
<table class="files"><thead><tr>{heads}</tr></thead><tbody></tbody></table>
<iframe class="report" title="{esc(_w("dl_report", lang))}" hidden></iframe>
<p class="small"><span class="kept"></span>
 <a href="{"/banyak" if many else "/"}">{esc(again)}</a></p>
</section>"""
    return _frame(lang, "nav_many" if many else "nav_one", _w("job", lang), body, settings,
                  wide=True)
