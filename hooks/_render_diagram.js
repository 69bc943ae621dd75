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
  lighten(svg)
  return svg.outerHTML
}

// What the picture does not need once it is drawn, since every page carries it:
// style rules that match nothing in it, Mermaid's data-points (edge data for its
// own animations), empty style attributes and coordinates finer than 1/100 px.
function lighten(svg) {
  for (const style of svg.querySelectorAll("style")) {
    // Mermaid's own font variable under the name the site maps (see overrides/diagrams/theme.css).
    style.textContent = usedRules(style.textContent, svg).replaceAll("--mermaid-font-family", "--diagram-font-family")
  }
  const geometry = ["d", "transform", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "points", "viewBox", "rx", "ry", "cx", "cy", "r"]
  for (const el of [svg, ...svg.querySelectorAll("*")]) {
    el.removeAttribute("data-points")
    if (el.getAttribute("style") === "") el.removeAttribute("style")
    for (const name of geometry) {
      const value = el.getAttribute(name)
      // Arc commands pack their 0/1 flags against the next number ("a1 1 0 011.2345 2"): left as they are.
      if (value && !(name === "d" && /[aA]/.test(value))) el.setAttribute(name, rounded(value))
    }
  }
}

// Numbers to 1/100 px. Path data packs numbers without separators ("5.4.0523" is
// 5.4 then .0523), so numbers are read as SVG does, left to right, and a rounded
// number gets a space where it would otherwise run into its neighbour.
function rounded(value) {
  return value.replace(/-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g, (number, offset) => {
    const [, decimals = ""] = number.split(/[eE]/)[0].split(".")
    if (decimals.length <= 2) return number
    const short = String(Math.round(Number(number) * 100) / 100)
    const before = /[\d.]/.test(value[offset - 1] || "") && !short.startsWith("-") ? " " : ""
    const after = value[offset + number.length] === "." && !short.includes(".") ? " " : ""
    return before + short + after
  })
}

// Keeps a rule when one of its selectors (pseudo-classes aside) matches an element
// of the picture; keeps at-rules (keyframes, media) as they are. Works on the text,
// so declarations stay exactly as Mermaid and the theme wrote them.
function usedRules(css, svg) {
  const kept = []
  let depth = 0, start = 0
  for (let i = 0; i < css.length; i++) {
    if (css[i] === "{") depth++
    else if (css[i] === "}" && --depth === 0) {
      const rule = css.slice(start, i + 1).trim()
      start = i + 1
      const selectors = rule.slice(0, rule.indexOf("{")).trim()
      if (selectors.startsWith("@") || selectors.split(",").some(s => matches(svg, s))) kept.push(rule)
    }
  }
  return kept.join("")
}

function matches(svg, selector) {
  const plain = selector.replace(/::?[a-z-]+(\([^)]*\))?/g, "").trim()
  try {
    return svg.matches(plain) || svg.querySelector(plain) !== null
  } catch {
    return true // a selector this browser cannot read: keep it
  }
}

function firstLine(node) {
  // A label is a <text> with one tspan.row per line (`<br>` in the source).
  const row = node.querySelector("text .row") || node.querySelector("text")
  return row ? row.textContent.replace(/\s+/g, " ").trim() : ""
}
