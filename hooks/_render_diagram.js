// Runs in the headless Chromium of hooks/_diagram_renderer.py, never on the site.
// window.renderDiagram(source, options, id) -> {svg} or {error}: Mermaid draws the
// source, then the SVG is made ready to be inlined into a page as it is.
import mermaid from "./mermaid.esm.min.mjs"

window.renderDiagram = async (source, options, id) => {
  mermaid.initialize(options)
  try {
    await mermaid.parse(source)
    const { svg } = await mermaid.render(id, source)
    return { svg: finish(svg) }
  } catch (error) {
    return { error: String((error && error.message) || error) }
  }
}

function finish(markup) {
  const template = document.createElement("template")
  template.innerHTML = markup
  const svg = template.content.firstElementChild
  // One picture with a name and a description (accTitle/accDescr): role="img"
  // makes screen readers announce exactly those, not every box one by one.
  svg.setAttribute("role", "img")
  svg.removeAttribute("aria-roledescription")
  // Each box carries its first label line, so the build can link a box whose
  // label is a glossary term (hooks/glossary.py). An <a> without href is a plain group.
  for (const node of svg.querySelectorAll("g.node")) {
    const label = firstLine(node)
    if (!label) continue
    const wrapper = document.createElementNS("http://www.w3.org/2000/svg", "a")
    wrapper.setAttribute("data-diagram-label", label)
    node.replaceWith(wrapper)
    wrapper.append(node)
  }
  return svg.outerHTML
}

function firstLine(node) {
  // A label is a <text> with one tspan.row per line (`<br>` in the source).
  const row = node.querySelector("text .row") || node.querySelector("text")
  return row ? row.textContent.replace(/\s+/g, " ").trim() : ""
}
