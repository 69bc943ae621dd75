"""Serve a built site on 127.0.0.1 and drive Debian's Chromium through Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# The flags every headless run here needs: the machine has no network but loopback.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Runs before any script of the page. Keeps a reference to every shadow root,
# closed ones included, *without* opening it (opening changes Material's behaviour),
# and records every Mermaid error picture ("Syntax error in text", the bomb) the
# moment it enters the document or a shadow root, even if it is replaced later.
WATCH_DIAGRAMS = """
(() => {
  const watch = { errors: [], roots: [], drawn: 0, drawnAt: null };
  window.__diagramWatch = watch;
  const seen = new WeakSet();
  const isErrorPicture = el => el.matches('svg[aria-roledescription="error"], .error-icon, .error-text') ||
    /Syntax error in text/.test(el.textContent || "");
  const inspect = node => {
    if (node.nodeType !== 1) return;
    for (const el of [node, ...node.querySelectorAll("*")]) {
      const picture = el.closest("svg") || el;
      if (!seen.has(picture) && isErrorPicture(el)) {
        seen.add(picture);
        watch.errors.push((picture.textContent || picture.outerHTML).slice(0, 120));
      }
    }
  };
  // How many diagrams are drawn: in the page (build time) or in a shadow root (Material).
  const count = () => document.querySelectorAll("div.diagram > svg").length + watch.roots.filter(root =>
    [...root.querySelectorAll("svg")].some(svg => svg.getAttribute("aria-roledescription") !== "error")).length;
  const observe = root => new MutationObserver(records => {
    records.forEach(record => {
      record.addedNodes.forEach(inspect);
      if (record.type === "characterData" && record.target.parentElement) inspect(record.target.parentElement);
    });
    const drawn = count();
    if (drawn > watch.drawn) { watch.drawn = drawn; watch.drawnAt = performance.now(); }
  }).observe(root, { childList: true, subtree: true, characterData: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch.roots.push(root);
    observe(root);
    return root;
  };
  observe(document);
})();
"""
# What a reader sees of each diagram, read from the page (no shadow root involved).
DIAGRAMS_ON_PAGE = """() => [...document.querySelectorAll("div.diagram")].map(box => {
  const svg = box.querySelector(":scope > svg");
  const rect = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  const id = attr => svg && svg.getAttribute(attr);
  const byId = name => name && svg.querySelector(`[id="${name}"]`);
  return {
    role: id("role"),
    title: byId(id("aria-labelledby"))?.textContent ?? null,
    description: byId(id("aria-describedby"))?.textContent ?? null,
    width: rect.width, height: rect.height,
    labels: svg ? [...svg.querySelectorAll("text")].map(t => t.textContent.trim()).filter(Boolean) : [],
  };
})"""


# Resolves once the page has loaded, its fonts are in and two frames are painted: the
# page as a reader first sees it settled (an event to wait on; "networkidle" adds half
# a second of silence to every visit and is kept for tests about requests).
SETTLED_PAGE = """() => new Promise(resolve => {
  const painted = () => requestAnimationFrame(() => requestAnimationFrame(resolve));
  const loaded = () => document.fonts.ready.then(painted);
  document.readyState === "complete" ? loaded() : addEventListener("load", loaded, { once: true });
})"""


def open_settled(page, url: str, *, scripts: bool = True) -> None:
    """Go to `url` and wait until it is loaded, its fonts are in and it is painted (SETTLED_PAGE).

    `scripts=False` for a page opened with JavaScript off: no frame callback ever runs
    there, and nothing but the HTML can change it, so its `load` is the settled page.
    """
    page.goto(url, wait_until="load")
    if scripts:
        page.evaluate(SETTLED_PAGE)


def diagram_errors(page) -> list[str]:
    """Every Mermaid error picture seen on this page so far, in the document or any shadow root."""
    return page.evaluate("() => window.__diagramWatch.errors")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` on http://127.0.0.1:<free port>/ for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


# Resolves once the search result list has not changed for three animation frames: Material
# renders results in batches, each in a frame of its own (an event to wait on, not a delay).
SETTLED = """() => new Promise(resolve => {
  const list = document.querySelector(".md-search-result__list") || document.body;
  let quiet = 0;
  const observer = new MutationObserver(() => { quiet = 0; });
  observer.observe(list, {childList: true, subtree: true, characterData: true});
  const tick = () => { if (++quiet >= 3) { observer.disconnect(); resolve(); } else requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})"""


def search_results(page, query: str, timeout: float = 10_000) -> list[list[str]]:
    """Type `query` into Material's search box; return what a reader sees, in order.

    One list per result page: the page's link first, then its best sections. The
    other sections wait folded under "n개 더 보기" and are left out. Each link is
    the path and anchor from the site root, e.g.
    'virtualization/hypervisor/#paravirtualization' (highlight parameters dropped).
    """
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon[for=__search]").first.click()
    # Clear the box first and wait for the list to empty, so the results read below
    # cannot be those of the previous query.
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=timeout)
    # Hangul is typed through an IME, which sends no key events; Material reads the
    # box on `keyup`, so finish with a key press as a reader's last keystroke does.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """query => {
          const meta = document.querySelector(".md-search-result__meta");
          const input = document.querySelector("input.md-search__input");
          return input.value === query && meta && !/초기화|initializ/i.test(meta.textContent)
                 && (document.querySelector(".md-search-result__item") || /없습니다|No matching/.test(meta.textContent));
        }""",
        arg=query,
        timeout=timeout,
    )
    page.evaluate(SETTLED)  # the list renders in batches: wait until it stops changing
    return page.evaluate(
        """() => [...document.querySelectorAll(".md-search-result__item")].map(item =>
             [...item.querySelectorAll("a.md-search-result__link")]
               .filter(a => !a.closest("details.md-search-result__more"))
               .map(a => { const url = new URL(a.href); return url.pathname.replace(/^\\//, "") + url.hash; }))"""
    )


# -----------------------------------------------------------------------------
# Typing Korean as an IME delivers it
# -----------------------------------------------------------------------------

# Runs before any script of the page: notes each query Material's page posts to its
# search worker and each answer, so a helper knows when the list shown is that of
# the box's current text (Material renders the first results in the same task as
# the answer arrives), and the moment the first result entered the page.
WATCH_SEARCH = """
(() => {
  const watch = { sent: [], answered: 0, ready: false, firstResultAt: null };
  window.__searchWatch = watch;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 1) watch.ready = true;      // READY
        if (ev.data && ev.data.type === 3) watch.answered += 1;     // RESULT
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) watch.sent.push(message.data);  // QUERY
      return super.postMessage(message, ...rest);
    }
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector(".md-search-result__item")) {
      watch.firstResultAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();
"""

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
           "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
# Two keys of the standard (두벌식) layout that the IME joins into one letter.
_COMPOUND_VOWELS = {"ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ"}
_COMPOUND_FINALS = {"ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ",
                    "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ"}
_JOIN_VOWEL = {keys: vowel for vowel, keys in _COMPOUND_VOWELS.items()}
_JOIN_FINAL = {keys: final for final, keys in _COMPOUND_FINALS.items()}


def hangul_keys(text: str) -> list[str]:
    """The keys a reader presses on the 두벌식 layout to type `text` (ㄲ is one key, ㅘ two)."""
    keys = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            initial, vowel, final = _INITIALS[code // 588], _VOWELS[code % 588 // 28], _FINALS[code % 28]
            keys += [initial, *_COMPOUND_VOWELS.get(vowel, vowel), *_COMPOUND_FINALS.get(final, final)]
        else:
            keys.append(char)
    return keys


def _syllable(initial: str, vowel: str, final: str = "") -> str:
    if not initial:
        return vowel
    if not vowel:
        return initial
    return chr(0xAC00 + _INITIALS.index(initial) * 588 + _VOWELS.index(vowel) * 28 + _FINALS.index(final))


def composing_states(text: str) -> list[str]:
    """What the box shows after each key while a 두벌식 IME composes `text`.

    '컨테이너' → ㅋ, 커, 컨, 컨ㅌ, 컨테, 컨텡, 컨테이, 컨테인, 컨테이너: a consonant after a
    vowel first joins the syllable as its final and moves on when a vowel follows
    (컨텡 → 컨테이, 하이펍 → 하이퍼바); 반가상호 → 반가상화; a key outside Hangul ends
    the syllable. The last state is `text` itself unless no IME shows it (컨테ㅇ: the
    IME shows 컨텡).
    """
    states: list[str] = []
    done, initial, vowel, final = "", "", "", ""

    def commit() -> None:
        nonlocal done, initial, vowel, final
        done += _syllable(initial, vowel, final)
        initial = vowel = final = ""

    for key in hangul_keys(text):
        if key in _INITIALS:
            if initial and vowel and not final and key in _FINALS:
                final = key
            elif final and final + key in _JOIN_FINAL:
                final = _JOIN_FINAL[final + key]
            else:
                commit()
                initial = key
        elif key in _VOWELS:
            if initial and not vowel:
                vowel = key
            elif vowel and not final and vowel + key in _JOIN_VOWEL:
                vowel = _JOIN_VOWEL[vowel + key]
            elif final:
                moved = final
                if final in _COMPOUND_FINALS:
                    final, moved = _COMPOUND_FINALS[final][0], _COMPOUND_FINALS[final][1]
                else:
                    final = ""
                commit()
                initial, vowel = moved, key
            else:
                commit()
                vowel = key
        else:
            commit()
            done += key
        state = done + _syllable(initial, vowel, final)
        if not states or states[-1] != state:
            states.append(state)
    return states


def _open_search_box(page):
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon[for=__search]").first.click()
    return box


def _wait_for_answer(page, value: str, timeout: float) -> None:
    """Wait until Material has asked its worker for `value` and shown the answer."""
    page.wait_for_function(
        """value => {
          const watch = window.__searchWatch, input = document.querySelector("input.md-search__input");
          return input.value === value && watch.ready &&
                 (value === "" || watch.sent[watch.sent.length - 1] === value) &&
                 watch.answered >= watch.sent.length;
        }""",
        arg=value,
        timeout=timeout,
    )


def type_as_ime(page, text: str, timeout: float = 10_000, states: list[str] | None = None) -> list[tuple[str, list[list[str]]]]:
    """Type `text` into Material's search box state by state, as an IME composes it.

    Starts from an empty box. For each composing state (composing_states, or the
    given `states`), the changed tail of the box is selected and replaced with
    `keyboard.insert_text` (an `input` event and no key events, as an IME's
    composition update), then End is pressed: Material reads the box on `keyup`,
    as after a reader's keystroke. Returns (state, results) after each state,
    results as search_results gives them. The page must run WATCH_SEARCH
    (context.add_init_script) so the results read belong to that state.
    """
    if not page.evaluate("() => !!window.__searchWatch"):
        raise RuntimeError("type_as_ime needs browsing.WATCH_SEARCH as an init script of the page")
    box = _open_search_box(page)
    box.fill("")
    box.press("End")
    _wait_for_answer(page, "", timeout)
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=timeout)
    shown, seen = "", []
    if states is None:
        states = composing_states(text)
        if states[-1:] != [text]:  # 컨테ㅇ: typed jamo by jamo, not composed
            states.append(text)
    for state in states:
        seen.append((state, type_state(page, shown, state, timeout)))
        shown = state
    return seen


def type_state(page, shown: str, state: str, timeout: float = 10_000) -> list[list[str]]:
    """From the box showing `shown`, make it show `state` as an IME's composition update
    does (type_as_ime), release End, and return the results once shown."""
    box = _open_search_box(page)
    common = 0
    while common < min(len(shown), len(state)) and shown[common] == state[common]:
        common += 1
    box.evaluate("(el, start) => { el.focus(); el.setSelectionRange(start, el.value.length); }", common)
    if state[common:]:
        page.keyboard.insert_text(state[common:])
    else:
        page.keyboard.press("Delete")
    box.press("End")
    _wait_for_answer(page, state, timeout)
    return _shown_results(page)


def typed_results(page, query: str, timeout: float = 10_000) -> list[list[str]]:
    """The results once `query` is typed the way an IME delivers it (type_as_ime)."""
    return type_as_ime(page, query, timeout)[-1][1]


def _shown_results(page) -> list[list[str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll(".md-search-result__item")].map(item =>
             [...item.querySelectorAll("a.md-search-result__link")]
               .filter(a => !a.closest("details.md-search-result__more"))
               .map(a => { const url = new URL(a.href); return url.pathname.replace(/^\\//, "") + url.hash; }))"""
    )
