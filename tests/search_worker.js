#!/usr/bin/env node
/*
 * Material's search worker, run in Node against a built site: no browser.
 *
 *     node tests/search_worker.js SITE_DIR
 *
 * Loads the site's own worker (assets/javascripts/workers/search.*.min.js), which
 * importScripts Lunr's language files and our lunr.ko.min.js (and that one hangul.js)
 * from the site, exactly as in the browser; sends it the site's search_index.json
 * as Material's page does; then answers queries, one JSON string per line on stdin,
 * with one JSON line each on stdout:
 *
 *     {"groups": [["page/", "page/#best-section", ...], ...], "warnings": [...]}
 *
 * `groups` is what Material's result list shows, in order: each result page's link,
 * then the sections it shows unfolded (Material's renderSearchResultItem: those
 * scoring as high as the best; the others wait under "n개 더 보기"). Links are path
 * and fragment from the site root, as a browser resolves them (Korean fragments
 * percent-encoded). The first line out is {"ready": true, "docs": N, "ms": T}.
 * tests/node/ requires it for `startWorker` (the worker's global scope included).
 *
 * Material's page sends the box's text as it is (no transformation) and runs no
 * search code of its own, so the worker's answer is what the page shows; the
 * browser tests (tests/test_search_browser.py) check that on a sample of queries.
 */
"use strict"

const fs = require("fs")
const path = require("path")
const readline = require("readline")
const vm = require("vm")
const { fileURLToPath, pathToFileURL } = require("url")

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3 // Material's SearchMessageType

function startWorker(siteDir) {
  const folder = path.join(siteDir, "assets", "javascripts", "workers")
  const files = fs.readdirSync(folder).filter(name => /^search\.\w+\.min\.js$/.test(name))
  if (files.length !== 1) throw new Error(`expected one search.*.min.js in ${folder}, found ${files}`)
  const workerUrl = pathToFileURL(path.join(folder, files[0]))
  const warnings = []
  let listener = null
  let answer = null
  const say = (...args) => warnings.push(args.map(String).join(" "))
  const sandbox = {
    console: { log() {}, info() {}, debug() {}, warn: say, error: say },
    location: { href: workerUrl.href },
    URL,
    TextEncoder,
    TextDecoder,
    setTimeout,
    clearTimeout,
    addEventListener(type, handler) { if (type === "message") listener = handler },
    postMessage(message) { answer(message) },
    // As in a worker: synchronous, each URL resolved against the worker's own.
    importScripts(...urls) {
      for (const url of urls) {
        const file = fileURLToPath(new URL(url, workerUrl))
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file })
      }
    },
  }
  const context = vm.createContext(sandbox)
  sandbox.self = vm.runInContext("this", context)
  const script = fileURLToPath(workerUrl)
  vm.runInContext(fs.readFileSync(script, "utf8"), context, { filename: script })
  if (!listener) throw new Error(`${files[0]} added no message listener: Material's worker changed`)
  const send = message => new Promise(resolve => {
    answer = resolve
    listener({ data: message })
  })
  return { send, warnings, scope: sandbox.self }
}

/* One result page as Material 9.8's renderSearchResultItem lays it out. */
function shown(item) {
  const threshold = item[0].score
  const docs = [...item]
  const parent = docs.findIndex(doc => !doc.location.includes("#"))
  const [article] = docs.splice(parent, 1)
  let index = docs.findIndex(doc => doc.score < threshold)
  if (index === -1) index = docs.length
  return [article, ...docs.slice(0, index)].map(doc => link(doc.location))
}

/* A location as the browser's URL reports it: path from the root and fragment. */
function link(location) {
  const url = new URL(location, "http://site/")
  return url.pathname.replace(/^\//, "") + url.hash
}

async function main() {
  const siteDir = process.argv[2]
  if (!siteDir) {
    process.stderr.write("usage: node tests/search_worker.js SITE_DIR\n")
    process.exit(2)
  }
  const started = process.hrtime.bigint()
  const index = JSON.parse(fs.readFileSync(path.join(siteDir, "search", "search_index.json"), "utf8"))
  const worker = startWorker(siteDir)
  const ready = await worker.send({ type: SETUP, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
  if (ready.type !== READY) throw new Error(`the worker answered set-up with ${JSON.stringify(ready)}`)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  process.stdout.write(JSON.stringify({ ready: true, docs: index.docs.length, ms, warnings: worker.warnings.splice(0) }) + "\n")
  const lines = readline.createInterface({ input: process.stdin })
  for await (const line of lines) {
    if (!line.trim()) continue
    const query = JSON.parse(line)
    const reply = await worker.send({ type: QUERY, data: query })
    if (reply.type !== RESULT) throw new Error(`the worker answered ${JSON.stringify(query)} with type ${reply.type}`)
    const groups = reply.data.items.map(shown)
    process.stdout.write(JSON.stringify({ groups, warnings: worker.warnings.splice(0) }) + "\n")
  }
}

module.exports = { startWorker, shown, SETUP, READY, QUERY, RESULT }

if (require.main === module) {
  process.on("unhandledRejection", error => {
    process.stderr.write(`search_worker.js: ${error && error.stack || error}\n`)
    process.exit(1)
  })
  main()
}
