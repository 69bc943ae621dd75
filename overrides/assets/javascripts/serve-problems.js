/*
 * The build's problems, in the page, while a writer runs `mkdocs serve`.
 *
 * hooks/serving.py adds this script to every served page (never to a built
 * site) and writes __problems__.json at the site root after each build:
 * {problems: [{level, path, line, message}], pages: {"docs/x.md": {url, sections: [[line, id]]}}}.
 *
 * - every page: a count in the corner, which opens the list of all problems;
 * - the page a problem is in: a banner at the top of the content listing its
 *   problems, each linked to the section that holds the line.
 * MkDocs reloads the page after each rebuild, so a fixed problem disappears.
 */
;(function () {
  // This file is assets/javascripts/serve-problems.js: the site root is two folders up.
  var root = new URL("../../", document.currentScript.src)

  var STYLE = [
    ".serve-problems{margin:0 0 1.2em;padding:.8em 1em;border-left:.3em solid #d32f2f;background:#fdecea;color:#3b0b0b;",
    "font-size:.8rem;line-height:1.5}",
    ".serve-problems h2{margin:0 0 .4em;font-size:.85rem;color:inherit}",
    ".serve-problems ul{margin:0;padding-left:1.2em}.serve-problems li{margin:.2em 0}",
    ".serve-problems a{color:#8e0000;text-decoration:underline}",
    ".serve-problems code{white-space:pre-wrap;background:none;color:inherit;padding:0}",
    ".serve-problems-count{position:fixed;right:1rem;bottom:1rem;z-index:5;padding:.4em .8em;border:0;",
    "border-radius:1em;background:#b71c1c;color:#fff;font:inherit;font-size:.75rem;cursor:pointer}",
    ".serve-problems--all{position:fixed;right:1rem;bottom:3.2rem;z-index:5;max-width:40rem;max-height:60vh;overflow:auto;",
    "box-shadow:0 .2em 1em rgba(0,0,0,.3)}"
  ].join("")

  function where(problem, pages) {
    var page = pages[problem.path]
    if (!page) return null
    var anchor = ""
    page.sections.forEach(function (section) { if (section[0] <= problem.line) anchor = section[1] })
    return new URL(page.url + (anchor ? "#" + anchor : ""), root).href
  }

  function list(problems, pages, heading) {
    var box = document.createElement("section")
    box.className = "serve-problems"
    box.setAttribute("role", "alert")
    var title = document.createElement("h2")
    title.textContent = heading
    box.append(title)
    var items = document.createElement("ul")
    problems.forEach(function (problem) {
      var item = document.createElement("li")
      var href = where(problem, pages)
      var text = document.createElement(href ? "a" : "span")
      if (href) text.href = href
      var code = document.createElement("code")
      code.textContent = problem.message
      text.append(code)
      item.append(text)
      items.append(item)
    })
    box.append(items)
    return box
  }

  function show(report) {
    document.querySelectorAll(".serve-problems, .serve-problems-count").forEach(function (old) { old.remove() })
    var problems = report.problems || []
    document.documentElement.dataset.serveProblems = problems.length // shown: for tests, and to inspect
    if (!problems.length) return
    var style = document.createElement("style")
    style.className = "serve-problems"
    style.textContent = STYLE
    document.head.append(style)
    // The page shown now (instant navigation changes it without running this again).
    var here = Object.keys(report.pages).find(function (path) {
      return new URL(report.pages[path].url, root).pathname === location.pathname
    })
    var mine = problems.filter(function (problem) { return problem.path === here })
    var content = document.querySelector(".md-content__inner") || document.body
    if (mine.length)
      content.prepend(list(mine, report.pages, "이 페이지의 빌드 문제 " + mine.length + "개 (mkdocs serve에서만 보입니다)"))
    var count = document.createElement("button")
    count.type = "button"
    count.className = "serve-problems-count"
    count.textContent = "빌드 문제 " + problems.length + "개"
    count.setAttribute("aria-expanded", "false")
    count.addEventListener("click", function () {
      var open = document.querySelector(".serve-problems--all")
      if (open) { open.remove(); count.setAttribute("aria-expanded", "false"); return }
      var all = list(problems, report.pages, "사이트 전체의 빌드 문제 " + problems.length + "개")
      all.classList.add("serve-problems--all")
      document.body.append(all)
      count.setAttribute("aria-expanded", "true")
    })
    document.body.append(count)
  }

  var report = null
  fetch(new URL("__problems__.json", root), { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : { problems: [] } })
    .then(function (loaded) {
      report = loaded
      show(report)
      if (window.document$) window.document$.subscribe(function () { show(report) })
    })
    // Between two builds the file may be missing for a moment; MkDocs reloads the page after the build.
    .catch(function () { document.documentElement.dataset.serveProblems = "unknown" })
})()
