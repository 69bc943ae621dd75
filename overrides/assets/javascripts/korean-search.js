/*
 * How the site's search reads Korean, with no Lunr in it.
 *
 * lunr/min/lunr.ko.min.js plugs this into Lunr inside Material's search worker
 * (pipeline, query clauses, scores); tests/node/ runs it on its own in Node. Both
 * make one with KoreanSearch(site, options):
 *
 *   site:    what hooks/search.py writes into lunr.ko.min.js: the particle list
 *            (shared with the glossary's tooltips), synonyms, the glossary's names;
 *   options: { hangul: hangul.js's Hangul,
 *              stemLatin: word -> its stem (Lunr's English stemmer in the worker),
 *              separator: () -> the RegExp the index splits text at }.
 *
 * What it does:
 * - particles and endings are stripped on both sides: 컨테이너를 finds 컨테이너는;
 * - every query word matches as a prefix and inside compounds: 가상화 finds
 *   전가상화 and 반가상화, 머신 finds 가상머신;
 * - Latin words are stemmed alike on both sides (containers → container);
 * - a query word the index does not know is split into words it knows: 도커엔진 →
 *   도커 엔진;
 * - while an IME is still composing, the last syllable matches as a jamo prefix:
 *   컨테인 (ㅋㅓㄴㅌㅔㅇㅣㄴ) searches what 컨테이너 will;
 * - a query of initial consonants only (초성) matches the words they begin;
 * - a spelling readers type searches the site's (윈도우 → Windows), from
 *   docs/search-aliases.yml and the glossary's forbidden spellings;
 * - a word that matches nothing tries the words one jamo away (하이퍼바이져);
 * - a query that names a glossary term knows the section explaining it.
 *
 * The vocabulary is what the index holds: the pipeline hands each token to
 * `indexWords`, which learns the words it returns.
 */
;(function (root) {
  var HANGUL = /[가-힣]/

  function KoreanSearch(site, options) {
    var Hangul = options.hangul
    var stemLatin = options.stemLatin
    var particles = site.particles.slice().sort(function (a, b) { return b.length - a.length })
    var particleSet = new Set(site.particles)
    // Keys as a query word arrives: lower case, no spaces ("가상 머신" arrives joined,
    // as adjacent query words are tried; 맥OS arrives as 맥os).
    var synonyms = {}
    Object.keys(site.synonyms || {}).forEach(function (key) {
      synonyms[key.toLowerCase().replace(/\s+/g, "")] = site.synonyms[key]
    })
    var termNames = new Set((site.terms || []).map(function (term) { return term.name.toLowerCase() }))

    var vocabulary = new Set() // every word indexed
    var byFirst = new Map() // a word's first character -> the vocabulary's words that begin with it
    var hangulWords = [] // the vocabulary's words with Hangul in them, in the order learned
    function learn(word) {
      if (vocabulary.has(word)) return
      vocabulary.add(word)
      var bucket = byFirst.get(word.charAt(0))
      if (bucket) bucket.push(word)
      else byFirst.set(word.charAt(0), [word])
      if (HANGUL.test(word)) hangulWords.push(word)
    }

    /* Each Hangul word of the vocabulary with its jamo and initials, spelled once:
       spelled again only for words learned since (the index grows only while built). */
    var spelled = new Map()
    function spellings() {
      for (var i = spelled.size; i < hangulWords.length; i++) {
        var word = hangulWords[i]
        spelled.set(word, { jamo: Hangul.jamo(word), initials: Hangul.initials(word) })
      }
      return spelled
    }

    /* Words of the index whose jamo continue a word being composed: 컨테인
       (ㅋㅓㄴㅌㅔㅇㅣㄴ) → 컨테이너, 컨테이너화. `others`: only those that do not
       begin with the word as typed (the prefix match finds those). */
    function continuations(word, others) {
      var typed = Hangul.jamo(word)
      var head = word.slice(0, -1), last = Hangul.jamo(word.slice(-1))
      var candidates = []
      // Only words that begin with the finished syllables (컨테 for 컨테인) can continue
      // it; spelled out in jamo, they are few.
      if (head) candidates = (byFirst.get(head.charAt(0)) || []).filter(function (known) { return known.startsWith(head) })
      else byFirst.forEach(function (words, first) {
        // 엕 (ㅇㅔㄴㅈ) is on its way to 엔진: the syllable typed may reach into the next one.
        var spelledFirst = Hangul.jamo(first)
        if (spelledFirst.startsWith(last) || last.startsWith(spelledFirst)) candidates = candidates.concat(words)
      })
      return candidates.filter(function (known) {
        return Hangul.jamo(known).startsWith(typed) && !(others && known.startsWith(word))
      })
    }

    /* The word a syllable being composed is on its way to, as far as the index
       tells: 컨테인, 컨테이 → 컨테이너; null if the ways part (컨ㅌ: 컨테이너, 컨트롤러). */
    function completion(word) {
      var start = commonStart(continuations(word, false))
      return start.length >= word.length ? start : null
    }

    /* The longest common start of some words: 컨테이너, 컨테이너화 → 컨테이너. */
    function commonStart(words) {
      var start = words[0] || ""
      words.forEach(function (word) {
        while (!word.startsWith(start)) start = start.slice(0, -1)
      })
      return start
    }

    /* What else a query word should search, as [word, boost] pairs. `found`: the
       index knows the word, as a word, a prefix or the words it splits into. */
    function alsoSearch(word, base, found) {
      var lower = word.toLowerCase()
      var more = []
      ;[lower, base].forEach(function (form) {
        (synonyms[form] || []).forEach(function (target) {
          // Searched as well as the typed word: 리눅스 still finds 리눅스, and Linux too.
          target.toLowerCase().split(/\s+/).forEach(function (part) {
            analyze(part).slice(0, 1).forEach(function (w) { more.push([w, 1]) })
          })
        })
      })
      if (more.length) return more
      if (Hangul.isChoseongQuery(word)) return initialsOf(word)
      if (!HANGUL.test(word)) return more
      // While composing: words whose jamo continue the query's. One clause for their
      // common start, which is what the finished word will search (no flicker).
      var continuing = continuations(word, true)
      var start = commonStart(continuing)
      if (start.length >= word.length) return [[start, 1]]
      // They part ways within the syllable being typed (컨ㅌ: 컨테이너, 컨트롤러):
      // each way, as far as the query reaches.
      var heads = Array.from(new Set(continuing.map(function (known) { return known.slice(0, word.length) })))
      if (heads.length) return heads.slice(0, 10).map(function (head) { return [head, 1] })
      if (found) return more
      // Nothing matches: the words one jamo away (하이퍼바이져 → 하이퍼바이저).
      var typedBase = Hangul.jamo(base)
      spellings().forEach(function (spelling, known) {
        if (Math.abs(spelling.jamo.length - typedBase.length) <= 1 && Hangul.distance(spelling.jamo, typedBase) <= 1)
          more.push([known, termNames.has(known) ? 2 : 1])
      })
      return more.slice(0, 10)
    }

    /* ㄱㅅㅎ: words whose initial consonants begin so, glossary names and whole-word matches first. */
    function initialsOf(query) {
      var found = []
      spellings().forEach(function (spelling, known) {
        if (!spelling.initials.startsWith(query)) return
        var boost = (termNames.has(known) ? 10 : 1) * (spelling.initials === query ? 2 : 1)
        found.push([known, boost])
      })
      // ㄷㅋㅇㅈ, typed without the space: the 초성 of a glossary name of several words
      // (도커 엔진) that no single word begins with. Search the name's words.
      if (!found.length) {
        glossaryNames().all.forEach(function (name) {
          if (name.words.length > 1 && name.initials.startsWith(query))
            name.words.forEach(function (word) { found.push([word, 10]) })
        })
      }
      found.sort(function (a, b) { return b[1] - a[1] || a[0].length - b[0].length })
      return found.slice(0, 20)
    }

    /* Remove up to three trailing particles or endings, keeping two syllables. */
    function stem(word) {
      for (var round = 0; round < 3; round++) {
        var cut = particles.find(function (p) {
          return word.length - p.length >= 2 && word.slice(-p.length) === p
        })
        if (!cut) break
        word = word.slice(0, -cut.length)
      }
      return word
    }

    /* Words of the index a query word of two syllables or more continues inside:
       가상화 → 전가상화, 반가상화; 머신 → 가상머신. Korean compounds put the head last
       (전+가상화, 가상+머신), so a reader searches the head. Looked up when queried
       rather than indexing every tail of every word: the index builds faster. */
    var compounds = new Map()
    function compoundsWith(base) {
      if (base.length < 2 || !HANGUL.test(base)) return []
      if (!compounds.has(base)) {
        var found = []
        vocabulary.forEach(function (known) { if (known.indexOf(base, 1) > 0) found.push(known) })
        compounds.set(base, found.slice(0, 40))
      }
      return compounds.get(base)
    }

    /* Words to index for one token. Latin words are stemmed, and a hyphenated one
       gets its parts too: hardware-assisted → hardware, assisted. */
    function analyze(word) {
      if (!HANGUL.test(word)) {
        var parts = word.split("-").filter(function (part) { return part.length > 1 })
        return [stemLatin(word)].concat(parts.length > 1 ? parts.map(stemLatin) : [])
      }
      if (particleSet.has(word)) return [] // a particle cut off a Latin word: KVM|은
      return [stem(word)]
    }

    /* The index side: a page repeats its words, so each distinct token is analyzed
       once per index build; the words it gives join the vocabulary. */
    var analyzed = new Map()
    function indexWords(token) {
      var words = analyzed.get(token)
      if (!words) {
        words = analyze(token)
        analyzed.set(token, words)
        words.forEach(learn)
      }
      return words
    }

    /* Split a word the index does not know into words it knows (longest first). */
    function segment(word) {
      if (word.length < 4) return null
      var best = new Array(word.length + 1).fill(null)
      best[0] = []
      for (var end = 2; end <= word.length; end++)
        for (var start = end - 2; start >= 0; start--)
          if (best[start] && vocabulary.has(word.slice(start, end))) {
            best[end] = best[start].concat(word.slice(start, end))
            break
          }
      return best[word.length] && best[word.length].length > 1 ? best[word.length] : null
    }

    function knowsPrefix(word) {
      return (byFirst.get(word.charAt(0)) || []).some(function (known) { return known.startsWith(word) })
    }

    /* What one query word searches: `words`, the word itself analyzed (or the
       words of the index it splits into), each matched as typed (prefix and all);
       `also`, [word, boost] pairs searched besides: compounds that end in it, its
       synonyms, the words it is being composed into, 초성 words, near spellings.
       null for a word that searches nothing (a particle on its own). */
    function clauses(word) {
      var base = Hangul.isChoseongQuery(word) ? word : analyze(word)[0]
      if (!base) return null
      var known = vocabulary.has(base) || knowsPrefix(base) || compoundsWith(base).length > 0
      var parts = HANGUL.test(base) && !known ? segment(base) : null
      var also = compoundsWith(base).map(function (compound) { return [compound, 1] })
        .concat(alsoSearch(word, base, known || parts !== null))
      return { words: parts || [base], also: also }
    }

    /* A name's words as the index splits them, lower case. */
    function wordsOf(text) {
      var separator = options.separator()
      return text.toLowerCase().split(new RegExp(separator.source || separator)).filter(Boolean)
    }

    /* Two keys a query or a glossary name is known by, words joined without spaces:
       as typed (베어메탈, 호스트os), and analyzed: particles off and Latin stemmed
       (하이퍼바이저가 → 하이퍼바이저, "virtual machines" → virtualmachin). */
    function keysOf(words) {
      return {
        typed: words.join(""),
        analyzed: words.map(function (word) { return analyze(word)[0] || "" }).join("")
      }
    }

    var names = null // every glossary name's keys with its URL, made at the first query
    function glossaryNames() {
      if (names) return names
      names = { byKey: new Map(), all: [] }
      ;(site.terms || []).forEach(function (term) {
        var words = wordsOf(term.name)
        var keys = keysOf(words)
        var name = { url: term.url, words: words.map(function (word) { return analyze(word)[0] || word }),
                     typed: Hangul.jamo(keys.typed), analyzed: Hangul.jamo(keys.analyzed),
                     initials: Hangul.initials(keys.typed) }
        names.all.push(name)
        ;[keys.typed, keys.analyzed].forEach(function (key) { if (!names.byKey.has(key)) names.byKey.set(key, name) })
      })
      return names
    }

    /* The one URL the names found agree on; else null (ㅂㅇ: 베어메탈 or 브리지?). */
    function agreed(found) {
      var urls = new Set(found.map(function (name) { return name.url }))
      return urls.size === 1 ? found[0].url : null
    }

    /* The URL of the section explaining the glossary term a whole query names, or null.
       The query names a term when it is one of its names (any particles, any spacing),
       a spelling readers type for one (synonyms: 하이버바이저, 데브옵스, 젠), its 초성
       (ㄷㅋ ㅇㅈ), or, like the clauses: a name whose last word is still being
       composed (컨테인 → 컨테이너), or, for a query the index does not know, a name
       one jamo off (하이퍼바이져 → 하이퍼바이저). */
    function namedTerm(words) {
      words = words.map(function (word) { return word.toLowerCase() })
      if (!words.length) return null
      var known = glossaryNames()
      var lookup = function (forms) {
        var keys = keysOf(forms)
        var name = known.byKey.get(keys.typed) || known.byKey.get(keys.analyzed)
        return name ? name.url : null
      }
      var url = lookup(words)
      if (url) return url
      var whole = keysOf(words)
      var respelled = [whole.typed, whole.analyzed].concat(words.length > 1 ? words : [])
      for (var r = 0; r < respelled.length && !url; r++) {
        (synonyms[respelled[r]] || []).forEach(function (siteSpelling) {
          var at = words.indexOf(respelled[r])
          url = url || lookup(at < 0 ? wordsOf(siteSpelling)
            : words.slice(0, at).concat(wordsOf(siteSpelling), words.slice(at + 1)))
        })
      }
      if (url) return url
      if (/^[ㄱ-ㅎ]{2,}$/.test(whole.typed)) {
        return agreed(known.all.filter(function (name) { return name.initials === whole.typed }))
          || agreed(known.all.filter(function (name) { return name.initials.startsWith(whole.typed) }))
      }
      var last = words[words.length - 1]
      if (!HANGUL.test(last)) return null
      var base = analyze(last)[0] || last
      if (vocabulary.has(base)) return null // a word of the site, searched as it is
      var finished = completion(last) || completion(base)
      if (finished) return lookup(words.slice(0, -1).concat(finished))
      if (knowsPrefix(last) || compoundsWith(last).length) return null // begins words of the site: no typo
      var typed = Hangul.jamo(whole.typed), analyzedJamo = Hangul.jamo(whole.analyzed)
      return agreed(known.all.filter(function (name) {
        return Hangul.distance(name.typed, typed) <= 1 || Hangul.distance(name.analyzed, analyzedJamo) <= 1
      }))
    }

    return {
      analyze: analyze,
      indexWords: indexWords,
      clauses: clauses,
      namedTerm: namedTerm,
      completion: completion,
      segment: segment,
      knows: function (word) { return vocabulary.has(word) },
      vocabularySize: function () { return vocabulary.size },
      spellings: spellings
    }
  }

  root.KoreanSearch = KoreanSearch
  if (typeof module === "object" && module.exports) module.exports = KoreanSearch
})(typeof self !== "undefined" ? self : this)
