/*
 * The Korean analyzer (overrides/assets/javascripts/korean-search.js) on its own, in Node.
 *
 *     SITE_DIR=<a built site> node --test tests/node/
 *
 * tests/test_search_node.py runs this with the real site built by the test session.
 * Two kinds of test: a small made-up site, where every word of the vocabulary is
 * known and each rule shows alone; and the real site, with the analyzer as Material's
 * worker (search_worker.js) built it from the real index.
 */
"use strict"

const test = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const vm = require("vm")

const ROOT = path.resolve(__dirname, "..", "..")
const SCRIPTS = path.join(ROOT, "overrides", "assets", "javascripts")
const { startWorker, SETUP } = require("../search_worker.js")

/* hangul.js and korean-search.js as a page or the worker loads them: plain scripts. */
function load() {
  const scope = vm.createContext({})
  for (const file of ["hangul.js", "korean-search.js"])
    vm.runInContext(fs.readFileSync(path.join(SCRIPTS, file), "utf8"), scope, { filename: file })
  return { Hangul: scope.Hangul, KoreanSearch: scope.KoreanSearch }
}

const { Hangul, KoreanSearch } = load()
// The analyzer's arrays come from another realm (a vm context): compare them as data.
const same = (actual, expected, message) => assert.deepEqual(JSON.parse(JSON.stringify(actual)), expected, message)
const PARTICLES = ["를", "을", "가", "이", "는", "은", "에서", "에서는", "의", "로", "으로", "와", "과", "하는"]

/* A small site: its words are the vocabulary, Latin words lower-cased as Lunr does. */
function small(words, site = {}) {
  const korean = KoreanSearch({ particles: PARTICLES, ...site }, {
    hangul: Hangul,
    stemLatin: word => word.replace(/s$/, ""),
    separator: () => /\s+/,
  })
  words.forEach(word => korean.indexWords(word.toLowerCase()))
  return korean
}

const VOCABULARY = ["컨테이너", "컨테이너화", "컨트롤러", "하이퍼바이저", "가상화", "전가상화", "반가상화",
  "가상머신", "가상", "머신", "도커", "엔진", "네임스페이스", "windows", "containers"]
const also = (korean, word) => korean.clauses(word).also.map(pair => pair[0])

test("particles and endings come off, two syllables stay", () => {
  const korean = small(VOCABULARY)
  same(korean.analyze("컨테이너를"), ["컨테이너"])
  same(korean.analyze("가상머신에서는"), ["가상머신"])
  same(korean.analyze("하이퍼바이저가"), ["하이퍼바이저"])
  same(korean.analyze("도커는"), ["도커"])
  same(korean.analyze("이가"), ["이가"], "a word of two syllables keeps them")
  same(korean.analyze("은"), [], "a particle cut off a Latin word (KVM|은) searches nothing")
  assert.equal(korean.clauses("은"), null)
})

test("Latin words are stemmed and hyphenated ones split", () => {
  const korean = small(VOCABULARY)
  same(korean.analyze("containers"), ["container"])
  same(korean.analyze("hardware-assisted"), ["hardware-assisted", "hardware", "assisted"])
})

test("a word is searched inside the compounds that end in it", () => {
  const korean = small(VOCABULARY)
  same(also(korean, "가상화").sort(), ["반가상화", "전가상화"])
  assert.ok(also(korean, "머신").includes("가상머신"))
  assert.ok(!also(korean, "컨테이너").includes("컨테이너화"), "a prefix match finds what begins with the word")
})

test("a word the index does not know is split into words it knows", () => {
  const korean = small(VOCABULARY)
  same(korean.clauses("도커엔진").words, ["도커", "엔진"])
  same(korean.clauses("도커").words, ["도커"])
})

test("a syllable being composed searches what the finished word will", () => {
  const korean = small(VOCABULARY)
  same(korean.clauses("컨테인").also, [["컨테이너", 1]])
  assert.equal(korean.completion("하이펍"), "하이퍼바이저")
  assert.equal(korean.completion("컨ㅌ"), null, "the ways part: 컨테이너, 컨트롤러")
  same(also(korean, "컨ㅌ").sort(), ["컨테", "컨트"])
})

test("initial consonants find the words they begin, glossary names first", () => {
  const korean = small(VOCABULARY, { terms: { "vm/": ["가상머신"] } })
  const found = also(korean, "ㄱㅅ")
  assert.equal(found[0], "가상머신")
  assert.ok(found.includes("가상") && found.includes("가상화"))
})

test("a spelling readers type searches the site's", () => {
  const korean = small(VOCABULARY, { synonyms: { "윈도우": ["Windows"] } })
  same(korean.clauses("윈도우를").also, [["window", 1]], "analyzed as the index is (stemmed)")
})

test("a word one jamo off finds the word, a glossary name boosted", () => {
  const korean = small(VOCABULARY, { terms: { "hv/": ["하이퍼바이저"] } })
  same(korean.clauses("하이퍼바이져").also, [["하이퍼바이저", 2]])
  same(korean.clauses("하이퍼바아져").also, [], "two jamo off is not a typo")
})

test("a query naming a glossary term knows its section", () => {
  const terms = { "hv/": ["하이퍼바이저"], "engine/": ["도커 엔진"] }
  const korean = small(VOCABULARY, { terms })
  assert.equal(korean.namedTerm(["하이퍼바이저를"]), "hv/")
  assert.equal(korean.namedTerm(["도커엔진"]), "engine/")
  assert.equal(korean.namedTerm(["ㄷㅋ", "ㅇㅈ"]), "engine/")
  assert.equal(korean.namedTerm(["하이펍"]), "hv/")
  assert.equal(korean.namedTerm(["하이퍼바이져"]), "hv/")
  assert.equal(korean.namedTerm(["가상화"]), null)
})

test("the vocabulary is spelled in jamo once, not again at every query", () => {
  const korean = small(VOCABULARY)
  const spelled = korean.spellings().size
  assert.equal(spelled, VOCABULARY.filter(word => /[가-힣]/.test(word)).length)
  const jamo = korean.spellings().get("가상화")
  korean.clauses("하이퍼바이져")
  korean.clauses("ㄱㅅㅎ")
  assert.equal(korean.spellings().get("가상화"), jamo, "the same spelling object: nothing spelled again")
  korean.indexWords("반가상머신")
  assert.equal(korean.spellings().size, spelled + 1, "a word learned later is spelled once too")
})

test("a question's filler is known, and what a reader asks searches the pages' words", () => {
  const questions = { filler: ["왜", "어떻게", "방법", "수"], meanings: [
    { asked: ["뜨"], site: ["시작", "실행"] }, { asked: ["고르", "골라"], site: ["선택"] }] }
  const korean = small(["시작", "실행", "선택", "수도", "컨테이너"], { questions })
  assert.ok(korean.isFiller("왜") && korean.isFiller("어떻게") && korean.isFiller("방법은"))
  assert.ok(!korean.isFiller("컨테이너") && !korean.isFiller("수도권"), "the rest must be an ending")
  same(korean.meaningOf("뜨는"), ["시작", "실행"])
  same(korean.meaningOf("뜨나요"), ["시작", "실행"])
  same(korean.meaningOf("골라야"), ["선택"])
  assert.equal(korean.meaningOf("뜨거운"), null, "거운 is not an ending")
  assert.ok(also(korean, "뜨는").includes("시작") && also(korean, "뜨는").includes("실행"))
  assert.ok(also(korean, "고르는").includes("선택"))
})

test("a Latin word of the index spelled in Hangul searches the Latin word, one jamo off too", () => {
  const korean = small([...VOCABULARY, "nat", "vhost"], { spelled: { nat: ["냇", "엔에이티"], vhost: ["브이호스트"] } })
  assert.ok(also(korean, "엔에이티").includes("nat"))
  assert.ok(also(korean, "엔에이티를").includes("nat"), "particles come off first")
  assert.ok(also(korean, "낫").includes("nat"), "낫 is one jamo from 냇")
  assert.ok(also(korean, "브이호스트").includes("vhost"))
  assert.ok(!also(korean, "컨테이너").includes("nat"))
})

/* The analyzer as the real worker built it over the real site's index. */
async function realSite() {
  const site = process.env.SITE_DIR
  if (!site) return null
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"))
  const worker = startWorker(site)
  await worker.send({ type: SETUP, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
  return worker.scope.lunr.koreanSearch
}

test("on the real index: what the analyzer gives for the words readers type", async t => {
  const korean = await realSite()
  if (!korean) return t.skip("SITE_DIR is not set")
  assert.ok(korean.vocabularySize() > 3000, `vocabulary of ${korean.vocabularySize()} words`)
  same(korean.analyze("컨테이너를"), ["컨테이너"])
  assert.ok(also(korean, "가상화").includes("전가상화"))
  same(korean.clauses("컨테인").also, [["컨테이너", 1]])
  assert.equal(also(korean, "ㄱㅅㅎ")[0], "가상화")
  assert.ok(also(korean, "하이퍼바이져").includes("하이퍼바이저"))
  same(korean.clauses("도커엔진").words, ["도커", "엔진"])
  // Every Hangul word of the vocabulary is spelled once, Latin words not at all.
  const spelled = korean.spellings()
  korean.clauses("하이퍼바아져")
  assert.equal(korean.spellings(), spelled)
  assert.ok(spelled.size < korean.vocabularySize(), "Latin words are not spelled in jamo")
})
