/*
 * "혹시 하이퍼바이저를 찾으셨나요?" under an empty search result.
 *
 * When Material's result list says nothing matched, this script offers up to
 * three glossary names nearest to the query (edit distance on jamo, from
 * hangul.js), each a link to the section that explains the term. The names and
 * URLs come from search/terms.json, written by hooks/search.py. It and
 * hangul.js are fetched once, on the first empty result, and not before: the
 * page loads this script async, so nothing delays Material's search.
 *
 * Material's search box and result list live in the header, which instant
 * navigation keeps; the script still re-attaches on every page Material
 * shows (`document$`), should the header ever be replaced.
 */
;(function () {
  var MAX = 3
  var config = JSON.parse(document.getElementById("__config").textContent)
  // `base` is relative to the page first loaded: resolved now, it stays right
  // after instant navigation (which never runs this script again).
  var base = new URL(config.base, location.href)
  var NONE = (config.translations || {})["search.result.none"] || "검색어와 일치하는 문서가 없습니다"
  var terms = null // [{name, url}], once loaded
  var loading = null
  var observed = null // the .md-search-result being watched

  function loadTerms() {
    if (!loading)
      loading = Promise.all([
        fetch(new URL("search/terms.json", base))
          .then(function (response) { return response.ok ? response.json() : [] })
          .catch(function () { return [] }),
        loadHangul()
      ]).then(function (loaded) { terms = typeof Hangul === "undefined" ? [] : loaded[0] })
    return loading
  }

  function loadHangul() {
    if (typeof Hangul !== "undefined") return Promise.resolve()
    return new Promise(function (resolve) {
      var script = document.createElement("script")
      script.src = new URL("assets/javascripts/hangul.js", base).href
      script.onload = script.onerror = function () { resolve() }
      document.head.append(script)
    })
  }

  function squash(text) {
    return Hangul.jamo(text.toLowerCase().replace(/\s+/g, ""))
  }

  /* Up to MAX terms nearest to the query (the whole query, or any one of its
     words), one name per term: the name closest to what was typed. */
  function nearest(query) {
    var words = [query].concat(query.split(/\s+/).filter(Boolean))
      .map(squash).filter(function (word, i, all) { return word && all.indexOf(word) === i })
    var best = {} // url -> {name, url, distance}
    terms.forEach(function (term) {
      var name = squash(term.name)
      words.forEach(function (word) {
        var d = Hangul.distance(word, name)
        if (d <= Math.max(1, Math.floor(word.length / 3)) && (!best[term.url] || d < best[term.url].distance))
          best[term.url] = { name: term.name, url: term.url, distance: d }
      })
    })
    return Object.keys(best).map(function (url) { return best[url] })
      .sort(function (a, b) { return a.distance - b.distance || a.name.length - b.name.length })
      .slice(0, MAX)
  }

  /* 을 after a final consonant (받침), 를 after a vowel; "(을)를" after Latin. */
  function objectParticle(name) {
    var code = name.charCodeAt(name.length - 1) - 0xac00
    if (code < 0 || code >= 11172) return "(을)를"
    return code % 28 ? "을" : "를"
  }

  function render(result, query, found) {
    var box = document.createElement("div")
    box.className = "search-suggest"
    box.setAttribute("role", "status")
    box.dataset.query = query
    box.append("혹시 ")
    found.forEach(function (term, i) {
      if (i) box.append(i === found.length - 1 ? " 또는 " : ", ")
      var link = document.createElement("a")
      link.href = new URL(term.url, base).href
      link.textContent = term.name
      box.append(link)
    })
    box.append(objectParticle(found[found.length - 1].name) + " 찾으셨나요?")
    result.firstElementChild.after(box) // under the meta line, above the (empty) list
  }

  /* Show, keep or remove the suggestion after each change of the result. */
  function update(result) {
    var meta = result.querySelector(".md-search-result__meta")
    var list = result.querySelector(".md-search-result__list")
    var input = document.querySelector(".md-search__input")
    var shown = result.querySelector(".search-suggest")
    var query = input ? input.value.trim() : ""
    var empty = meta && list && !list.children.length && meta.textContent.trim() === NONE && query
    if (shown && (!empty || shown.dataset.query !== query)) shown.remove()
    if (!empty || (shown && shown.dataset.query === query)) return
    loadTerms().then(function () {
      // The reader may have typed on while terms.json loaded: check again.
      if (input.value.trim() !== query || result.querySelector(".search-suggest")) return
      if (meta.textContent.trim() !== NONE || list.children.length) return
      var found = nearest(query)
      if (found.length) render(result, query, found)
    })
  }

  function attach() {
    var result = document.querySelector(".md-search-result")
    if (!result || result === observed) return
    observed = result
    new MutationObserver(function () { update(result) })
      .observe(result, { childList: true, subtree: true, characterData: true })
  }

  attach()
  if (window.document$) window.document$.subscribe(attach)
})()
