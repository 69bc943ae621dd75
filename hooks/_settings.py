"""The build's switches: one section of mkdocs.yml, `extra: checks:`, typed and validated once.

Every switch a hook reads is listed there, with its default; a value the environment sets
(CI, `tasks.py inventory`, a writer's machine without Chromium) comes through MkDocs'
`!ENV` tag in that section, so mkdocs.yml shows which variable sets what. A bad value
stops the build before any page is read, naming the key, the variable and the fix. Read
by the hooks as `_build.build_of(config).checks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SECTION = "checks"  # under `extra:` in mkdocs.yml


class Checks(base.Config):
    # hooks/links.py: external links are fetched only when asked (CI's publishing job).
    external_links = c.Type(bool, default=False)
    external_link_cache = c.Type(str, default=".cache/external-links.json")  # next to mkdocs.yml
    external_link_max_age_hours = c.Type((int, float), default=24)
    external_link_timeout_seconds = c.Type((int, float), default=10)
    external_link_retries = c.Type(int, default=2)
    # hooks/stable_urls.py: write published.yml instead of checking it (`tasks.py inventory`).
    update_inventory = c.Type(bool, default=False)
    # hooks/diagrams.py: the Chromium that draws diagrams; "none": draw in the reader's browser.
    diagram_browser = c.Type(str, default="/usr/bin/chromium")
    # hooks/page_dates.py: each page's last-changed date from git; off for a copy without git.
    page_dates = c.Type(bool, default=True)
    # hooks/handout.py: print handout.pdf (needs Chromium); false: a build without it.
    handout = c.Type(bool, default=True)


# Each key's environment variable in mkdocs.yml and the value it takes, for the message
# about a bad value (in words, not read from MkDocs' private option attributes).
KEYS = {
    "external_links": ("CHECK_EXTERNAL_LINKS", "true나 false"),
    "external_link_cache": ("LINK_CACHE", "경로"),
    "external_link_max_age_hours": ("LINK_CACHE_MAX_AGE_HOURS", "숫자"),
    "external_link_timeout_seconds": ("LINK_TIMEOUT_SECONDS", "숫자"),
    "external_link_retries": ("LINK_RETRIES", "정수"),
    "update_inventory": ("UPDATE_INVENTORY", "true나 false"),
    "diagram_browser": ("DIAGRAM_BROWSER", "경로"),
    "page_dates": ("PAGE_DATES", "true나 false"),
    "handout": ("HANDOUT", "true나 false"),
}


def load_checks(config: MkDocsConfig) -> Checks:
    written = (config.extra or {}).get(SECTION) or {}
    if not isinstance(written, dict):
        raise PluginError(f"mkdocs.yml의 extra.{SECTION}는 `키: 값` 목록이어야 합니다 — hooks/_settings.py의 키를 쓰세요")
    checks = Checks(config_file_path=config.config_file_path)
    checks.load_dict(dict(written))
    errors, warnings = checks.validate()
    problems = [_message(key, str(error)) for key, error in errors]
    problems += [f"mkdocs.yml의 extra.{SECTION}.{key}: 알 수 없는 키입니다 — 쓸 수 있는 키: {', '.join(KEYS)}"
                 for key, _ in warnings if key not in KEYS]
    if problems:
        raise PluginError("빌드 설정에 문제가 있습니다:\n" + "\n".join(problems))
    return checks


def _message(key: str, error: str) -> str:
    variable, wanted = KEYS[key]
    return (f"mkdocs.yml의 extra.{SECTION}.{key}: {error} (환경 변수 {variable}에서 온 값일 수 있습니다)"
            f" — {wanted}(으)로 지정하세요")
