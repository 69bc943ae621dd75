/*
 * Hangul as jamo, for search: what an IME has composed so far, what an
 * initial-consonant (초성) query reads, how far apart two spellings are.
 *
 * One file for both sides: the search worker loads it from the Korean analyzer
 * (lunr/min/lunr.ko.min.js, with importScripts) and pages load it for the
 * "혹시 …을 찾으셨나요?" suggestion (search-suggest.js). Defines `Hangul`.
 *
 * Syllables are split into compatibility jamo, and compound vowels and finals
 * further into their parts (ㅘ → ㅗㅏ, ㄳ → ㄱㅅ), because an IME builds them
 * in that order: 반가상호 is on its way to 반가상화, 하이퍼바잊 to 하이퍼바이저.
 */
;(function (root) {
  var INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
  var VOWELS = ["ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅗㅏ", "ㅗㅐ", "ㅗㅣ", "ㅛ", "ㅜ",
                "ㅜㅓ", "ㅜㅔ", "ㅜㅣ", "ㅠ", "ㅡ", "ㅡㅣ", "ㅣ"]
  var FINALS = ["", "ㄱ", "ㄲ", "ㄱㅅ", "ㄴ", "ㄴㅈ", "ㄴㅎ", "ㄷ", "ㄹ", "ㄹㄱ", "ㄹㅁ", "ㄹㅂ", "ㄹㅅ", "ㄹㅌ",
                "ㄹㅍ", "ㄹㅎ", "ㅁ", "ㅂ", "ㅂㅅ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
  // Compound jamo typed on their own, split the same way.
  var COMPOUND = { "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ",
                   "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ",
                   "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ" }
  var FIRST = 0xac00, COUNT = 11172

  function syllable(ch) {
    var code = ch.charCodeAt(0) - FIRST
    return code >= 0 && code < COUNT ? code : -1
  }

  /* 컨테인 → ㅋㅓㄴㅌㅔㅇㅣㄴ; other characters are kept as they are. */
  function jamo(word) {
    var out = ""
    for (var i = 0; i < word.length; i++) {
      var code = syllable(word[i])
      out += code < 0 ? (COMPOUND[word[i]] || word[i])
        : INITIALS[Math.floor(code / 588)] + VOWELS[Math.floor((code % 588) / 28)] + FINALS[code % 28]
    }
    return out
  }

  /* 가상화 → ㄱㅅㅎ; other characters are kept as they are. */
  function initials(word) {
    var out = ""
    for (var i = 0; i < word.length; i++) {
      var code = syllable(word[i])
      out += code < 0 ? word[i] : INITIALS[Math.floor(code / 588)]
    }
    return out
  }

  /* A query made of initial consonants only: ㄱㅅㅎ. */
  function isChoseongQuery(text) {
    return /^[ㄱ-ㅎ]{2,}$/.test(text)
  }

  /* Levenshtein distance, on the strings as given (pass jamo for Hangul). */
  function distance(a, b) {
    var previous = [], current = []
    for (var j = 0; j <= b.length; j++) previous[j] = j
    for (var i = 1; i <= a.length; i++) {
      current = [i]
      for (j = 1; j <= b.length; j++)
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
    return previous[b.length]
  }

  root.Hangul = { jamo: jamo, initials: initials, isChoseongQuery: isChoseongQuery, distance: distance }
})(typeof self !== "undefined" ? self : this)
