// Draws diagrams with the site's own copy of Mermaid, never a CDN.
//
// Material renders each `pre.mermaid` with the global `mermaid` and, when there is
// none, fetches Mermaid from unpkg. This stand-in keeps Material's renderer (closed
// shadow root, colours that follow the light/dark palette, re-rendering after instant
// navigation) but imports the ESM build that mkdocs-mermaid2 injects on diagram pages
// and that the site serves under assets/vendor/mermaid/. The import happens on the
// first render, so a page without a diagram loads no Mermaid at all.
(() => {
  const library = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src)
  let materialOptions = {}
  let ready = null

  function load() {
    ready ||= import(library.href).then(({ default: mermaid }) => {
      // mermaid2 passes the `arguments` of mkdocs.yml as window.mermaidConfig.
      const siteOptions = (window.mermaidConfig && window.mermaidConfig.default) || {}
      mermaid.initialize({ ...siteOptions, ...materialOptions, startOnLoad: false })
      return mermaid
    })
    return ready
  }

  window.mermaid = {
    initialize(options) {
      materialOptions = options
    },
    async render(id, text) {
      return (await load()).render(id, text)
    },
  }
})()
