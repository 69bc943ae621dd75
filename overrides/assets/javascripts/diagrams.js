// Fallback only: draws the diagrams that the build could not draw (no Chromium and
// no cached picture; hooks/diagrams.py logs each one). A published page never loads
// this file: a strict build fails on such a diagram.
//
// The hook imports this module next to the site's own copy of Mermaid and passes
// the options the build uses, so the picture matches the one drawn at build time.
// Each source is read with textContent from a `pre.diagram-fallback` (a class that
// neither Material's renderer nor Mermaid's start-on-load looks for), so no
// picture is drawn twice and Mermaid never reads the <code> wrapper as a diagram.
export async function drawFallbacks(mermaid, options) {
  mermaid.initialize({ ...options, startOnLoad: false })
  for (const pre of document.querySelectorAll("pre.diagram-fallback")) {
    const id = `diagram-${pre.dataset.diagramId}`
    try {
      const { svg } = await mermaid.render(id, pre.textContent)
      const figure = document.createElement("div")
      figure.className = "diagram"
      figure.innerHTML = svg
      pre.replaceWith(figure)
    } catch (error) {
      console.error(`diagram ${id}:`, error)
    }
  }
}
