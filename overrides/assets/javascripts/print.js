// A page printed on its own prints its folded boxes (the 확인 문제 answers, other
// environments' output) open, and folds them again afterwards. extra.css does the same
// with ::details-content where the browser supports it; this covers the others.
addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details:not([open])")) {
    details.open = true
    details.dataset.openedForPrint = ""
  }
})
addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
    details.open = false
    delete details.dataset.openedForPrint
  }
})
