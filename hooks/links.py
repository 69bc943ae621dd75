"""Links: every internal link, image and anchor resolves; external links on request.

Checked: every link and image of a page as the page model reads it from the parse
(hooks/_page_model.py: inline and reference-style, `href`/`src` in raw HTML; code and
HTML comments hold none), and the `nav` of mkdocs.yml. Anchors are compared after decoding, so
`#하이퍼바이저-가상화` and `#%ED%95%98…` both work (MkDocs' own anchor check does
not decode). Every problem is logged as `docs/x.md:12: what is wrong — how to fix
it`, all of them in one pass, and a strict build then fails once.

MkDocs' own checks (`validation: not_found, anchors` in mkdocs.yml) stay on as a
backstop for links no writer wrote in the page (from an include, a macro, a
generated block): `_WrittenLinksFilter` drops MkDocs' message for a link this hook
checks itself (written in the page's source), so a writer reads each problem once.

External links are only collected, unless mkdocs.yml's `extra.checks.external_links`
is true (`CHECK_EXTERNAL_LINKS=true` sets it): then
they are fetched concurrently, with a timeout and retries, and the answers are
kept in a cache file so that repeated builds do not hit the network.
"""

from __future__ import annotations

import concurrent.futures
import json
import logging
import posixpath
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from _build import Build, build_of
from _page_model import Link, normalize_anchor
from _source import anchor_fix, closest, problem, relative_to_project, write_whole

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.links")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    build = build_of(config)
    build.keep(_Links(external=_external_options(config)))
    _MKDOCS_PAGES_LOG.addFilter(build.keep(_WrittenLinksFilter(build)))


def on_post_build(*, config: MkDocsConfig) -> None:
    _MKDOCS_PAGES_LOG.removeFilter(build_of(config).part(_WrittenLinksFilter))


def on_build_error(*, error: Exception) -> None:
    for found in [f for f in _MKDOCS_PAGES_LOG.filters if isinstance(f, _WrittenLinksFilter)]:
        _MKDOCS_PAGES_LOG.removeFilter(found)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    # Every page is rendered by now, so every anchor on every page is known.
    build = build_of(config)
    external = build.part(_Links).external
    links = [link for model in build.every_page(files) for link in model.links]
    problems = _nav_problems(config, files)
    problems += [message for link in links if (message := _internal_problem(link, files, config.docs_dir, build))]
    if external:
        problems += _external_problems([link for link in links if link.is_external], external)
    for message in problems:
        build.report(log, message)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExternalOptions:
    cache: Path
    max_age: float  # seconds
    timeout: float
    retries: int
    workers: int = 8


@dataclass
class _Links:
    """This hook's state for one build."""
    external: ExternalOptions | None


class _WrittenLinksFilter(logging.Filter):
    """Drops MkDocs' own message about a link that this hook checks: one written in the
    page's source (the page model's links). What is left is MkDocs' word on links
    nobody wrote in the page, this hook's backstop."""

    def __init__(self, build: Build) -> None:
        super().__init__()
        self._build = build

    def filter(self, record: logging.LogRecord) -> bool:
        match = _MKDOCS_LINK_MESSAGE.match(record.getMessage())
        if match is None:
            return True
        model = self._build.model(match["src"])
        return model is None or all(link.target != match["url"] for link in model.links)


# mkdocs.structure.pages' messages (MkDocs 1.6) about a link it cannot resolve.
_MKDOCS_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
_MKDOCS_LINK_MESSAGE = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?:a|an unrecognized relative) link '(?P<url>[^']*)'")


def _internal_problem(link: Link, files: Files, docs_dir: str, build: Build) -> str | None:
    if link.is_external or urlsplit(link.target).scheme or link.target.startswith("/"):
        return None  # external, or an absolute path that MkDocs' own validation reports
    parts = urlsplit(link.target)
    anchor = normalize_anchor(unquote(parts.fragment))
    if not parts.path:
        target = files.get_file_from_path(link.src_uri)
    else:
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(link.src_uri), unquote(parts.path)))
        if wanted.startswith("../"):
            return problem(link.path, link.line, f"docs/ 밖을 가리키는 링크입니다: '{link.target}'",
                           "파일을 docs/ 안으로 옮기거나 외부 주소를 쓰세요")
        target = files.get_file_from_path(wanted)
        if target is None:
            kind = "없는 이미지입니다" if link.is_image else "없는 페이지나 파일로 가는 링크입니다"
            return problem(link.path, link.line, f"{kind}: '{link.target}'", _fix_for_missing(wanted, link, files, docs_dir))
    model = build.model(target.src_uri) if anchor else None
    if model is not None:
        known = model.anchors
        if known is not None and anchor not in known:
            fix = anchor_fix(anchor, known, target.src_uri)
            return problem(link.path, link.line, f"없는 앵커입니다: '{target.src_uri}#{anchor}'", fix)
    return None


def _fix_for_missing(wanted: str, link: Link, files: Files, docs_dir: str) -> str:
    # A directory-style URL ("../glossary/") points at a page that exists as .md.
    stem = wanted.rstrip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md"):
        if files.get_file_from_path(candidate) is not None:
            return f"Markdown 파일로 링크하세요: '{_relative(candidate, link.src_uri)}'"
    # Only the writers' files: a theme's favicon is never what a page meant.
    candidates = [
        f.src_uri for f in files
        if f.abs_src_path and f.abs_src_path.startswith(docs_dir) and not (link.is_image and f.is_documentation_page())
    ]
    found = closest(wanted, candidates)
    if found:
        return f"'{_relative(found, link.src_uri)}'(으)로 고치세요"
    return "docs/ 기준 경로와 파일 이름을 확인하세요" if link.is_image else "docs/ 기준 경로와 파일 이름(.md 포함)을 확인하세요"


def _nav_problems(config: MkDocsConfig, files: Files) -> list[str]:
    source = Path(config.config_file_path).read_text(encoding="utf-8")
    lines = source.splitlines()
    path = relative_to_project(config.config_file_path, config)
    problems = []
    for target in nav_targets(config.nav or []):
        if urlsplit(target).scheme or files.get_file_from_path(target.split("#")[0]) is not None:
            continue
        line = next((n for n, text in enumerate(lines, 1) if target in text and "nav" not in text), 1)
        found = closest(target, (f.src_uri for f in files.documentation_pages()))
        fix = f"'{found}'(으)로 고치세요" if found else "docs/ 기준 경로를 확인하세요"
        problems.append(problem(path, line, f"nav의 페이지가 없습니다: '{target}'", fix))
    return problems


def nav_targets(items) -> list[str]:
    """Every page path in a `nav` configuration, in order."""
    targets = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        targets += nav_targets(value) if isinstance(value, list) else [value]
    return targets


def _external_problems(links: list[Link], options: ExternalOptions) -> list[str]:
    by_url: dict[str, list[Link]] = {}
    for link in links:
        by_url.setdefault(link.target.split("#")[0], []).append(link)
    cache = _read_cache(options.cache)
    now = time.time()
    stale = [url for url in by_url if now - cache.get(url, {}).get("checked", 0) > options.max_age]
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.workers) as pool:
        for url, result in zip(stale, pool.map(lambda u: _fetch(u, options), stale)):
            cache[url] = {**result, "checked": now}
    _write_cache(options.cache, {url: cache[url] for url in sorted(by_url)})
    problems = []
    for url, where in by_url.items():
        error = cache[url].get("error")
        if error:
            problems += [problem(link.path, link.line, f"외부 링크가 응답하지 않습니다: {url} ({error})",
                                 "주소를 고치거나 보관본(archive) 주소로 바꾸세요") for link in where]
    return problems


def _fetch(url: str, options: ExternalOptions) -> dict:
    """{'status': 200} or {'error': '…'} after `retries` more tries; redirects are followed."""
    error = ""
    for attempt in range(options.retries + 1):
        for method in ("HEAD", "GET"):  # some servers refuse HEAD
            request = urllib.request.Request(url, method=method, headers={"User-Agent": "docs-link-check"})
            try:
                with urllib.request.urlopen(request, timeout=options.timeout) as response:
                    return {"status": response.status}
            except urllib.error.HTTPError as failure:
                error = f"HTTP {failure.code}"
                if failure.code in (405, 403, 501) and method == "HEAD":
                    continue
                if failure.code < 500 and failure.code != 429:
                    return {"error": error}  # a definite answer: retrying will not change it
                break
            except (urllib.error.URLError, TimeoutError, OSError) as failure:
                error = "시간 초과" if "timed out" in str(failure) else str(getattr(failure, "reason", failure))
                break
        if attempt < options.retries:
            time.sleep(min(0.5 * 2**attempt, 4))
    return {"error": error}


def _external_options(config: MkDocsConfig) -> ExternalOptions | None:
    checks = build_of(config).checks  # mkdocs.yml extra.checks (hooks/_settings.py), validated
    if not checks.external_links:
        return None
    return ExternalOptions(
        cache=Path(config.config_file_path).parent / checks.external_link_cache,
        max_age=float(checks.external_link_max_age_hours) * 3600,
        timeout=float(checks.external_link_timeout_seconds),
        retries=checks.external_link_retries,
    )


def _read_cache(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: check again


def _write_cache(path: Path, cache: dict) -> None:
    write_whole(path, json.dumps(cache, ensure_ascii=False, indent=1).encode("utf-8"))


def _relative(src_uri: str, from_src_uri: str) -> str:
    return posixpath.relpath(src_uri, posixpath.dirname(from_src_uri) or ".")

