// torget search: finds pages in this language's index (index.js, written at
// build time) as the reader types, and keeps the query in the address so a
// search can be shared. Without JavaScript the page lists every page instead
// (and a submitted form still gives ?q=), so nothing depends on this file.
(function () {
  "use strict";
  var index = window.torgetSearchIndex || [];
  var input = document.getElementById("search-query");
  var results = document.getElementById("search-results");
  var all = document.getElementById("search-all");
  if (!input || !results) return;

  // BEGIN fold (tests/search.rs runs the text from here to END fold in node)
  // The same folding as the index's words (push_folded in src/render/search.rs;
  // tests/search.rs checks both give the same words): lowercase; letters of the
  // Latin blocks below in ASCII, without accents (å ä ö ş ğ → a a o s g) and with
  // SPELLED for the letters that have no accent to take off (ı ł đ ß → i l d ss);
  // letters and digits of other scripts as they are, except Arabic, which loses its
  // diacritics and tatweel (ARABIC_MARKS) and writes its alef forms as a bare alef;
  // anything else separates words.
  var LATIN = /[\u00c0-\u02af\u1e00-\u1eff\u2c60-\u2c7f]/g;
  var MARKS = /[\u0300-\u036f]/g;
  var ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g;
  var ALEFS = /[\u0622\u0623\u0625\u0671]/g;
  var SPELLED = {
    "ß": "ss", "æ": "ae", "ð": "d", "ø": "o", "þ": "th", "đ": "d", "ħ": "h", "ı": "i", "ĳ": "ij",
    "ĸ": "k", "ŀ": "l", "ł": "l", "ŉ": "n", "ŋ": "ng", "œ": "oe", "ŧ": "t", "ſ": "s", "ƀ": "b",
    "ƃ": "b", "ƅ": "6", "ƈ": "c", "ƌ": "d", "ƍ": "d", "ƒ": "f", "ƕ": "hv", "ƙ": "k", "ƚ": "l",
    "ƛ": "l", "ƞ": "n", "ƣ": "oi", "ƥ": "p", "ƨ": "2", "ƪ": "sh", "ƫ": "t", "ƭ": "t", "ƴ": "y",
    "ƶ": "z", "ƹ": "zh", "ƺ": "zh", "ƻ": "2", "ƽ": "5", "ƾ": "ts", "ƿ": "w", "ǆ": "dz", "ǉ": "lj",
    "ǌ": "nj", "ǝ": "e", "ǥ": "g", "ǯ": "zh", "ǳ": "dz", "ȝ": "y", "ȡ": "d", "ȣ": "ou", "ȥ": "z",
    "ȴ": "l", "ȵ": "n", "ȶ": "t", "ȷ": "j", "ȸ": "db", "ȹ": "qp", "ȼ": "c", "ȿ": "s", "ɀ": "z",
    "ɇ": "e", "ɉ": "j", "ɋ": "q", "ɍ": "r", "ɏ": "y", "ɐ": "a", "ɑ": "a", "ɒ": "a", "ɓ": "b",
    "ɔ": "o", "ɕ": "c", "ɖ": "d", "ɗ": "d", "ɘ": "e", "ə": "e", "ɛ": "e", "ɜ": "e", "ɝ": "e",
    "ɞ": "e", "ɟ": "j", "ɠ": "g", "ɡ": "g", "ɢ": "g", "ɣ": "g", "ɤ": "u", "ɥ": "y", "ɦ": "h",
    "ɧ": "h", "ɨ": "i", "ɩ": "i", "ɪ": "i", "ɫ": "l", "ɬ": "l", "ɭ": "l", "ɮ": "lz", "ɯ": "w",
    "ɰ": "w", "ɱ": "m", "ɲ": "n", "ɳ": "n", "ɴ": "n", "ɵ": "o", "ɶ": "oe", "ɷ": "o", "ɸ": "f",
    "ɹ": "r", "ɺ": "r", "ɻ": "r", "ɼ": "r", "ɽ": "r", "ɾ": "r", "ɿ": "r", "ʀ": "r", "ʁ": "r",
    "ʂ": "s", "ʃ": "s", "ʄ": "j", "ʅ": "s", "ʆ": "s", "ʇ": "t", "ʈ": "t", "ʉ": "u", "ʊ": "u",
    "ʋ": "v", "ʍ": "w", "ʎ": "y", "ʏ": "y", "ʐ": "z", "ʑ": "z", "ʒ": "z", "ʓ": "z", "ʗ": "c",
    "ʙ": "b", "ʚ": "e", "ʛ": "g", "ʜ": "h", "ʝ": "j", "ʞ": "k", "ʟ": "l", "ʠ": "q", "ʣ": "dz",
    "ʤ": "dz", "ʥ": "dz", "ʦ": "ts", "ʧ": "ts", "ʨ": "tc", "ʩ": "fn", "ʪ": "ls", "ʫ": "lz",
    "ʬ": "ww", "ʮ": "h", "ʯ": "h", "ẚ": "a", "ẜ": "s", "ẝ": "s", "ẟ": "d", "ỻ": "ll", "ỽ": "v",
    "ỿ": "y", "ⱡ": "l", "ⱥ": "a", "ⱦ": "t", "ⱨ": "h", "ⱪ": "k", "ⱬ": "z", "ⱱ": "v", "ⱳ": "w",
    "ⱴ": "v", "ⱶ": "h", "ⱷ": "o", "ⱸ": "e", "ⱹ": "r", "ⱺ": "o", "ⱻ": "e", "ⱼ": "j", "ⱽ": "v"
  };
  function fold(text) {
    return text.toLowerCase()
      .replace(LATIN, function (c) {
        if (SPELLED[c]) return SPELLED[c];
        var base = c.normalize("NFD").replace(MARKS, "");
        return SPELLED[base] || base;
      })
      // A word-final Σ lowercases to ς here but to σ in the index.
      .replace(MARKS, "").replace(/ς/g, "σ")
      .replace(ARABIC_MARKS, "").replace(ALEFS, "\u0627")
      .replace(/[^\p{Alphabetic}\p{N}]+/gu, " ").trim();
  }
  // END fold

  function search(query) {
    var words = fold(query).split(" ").filter(Boolean);
    results.textContent = "";
    if (all) all.hidden = words.length > 0;
    if (!words.length) return;
    var hits = [];
    index.forEach(function (entry) {
      var haystack = " " + entry.w + " ";
      var title = " " + fold(entry.t) + " ";
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        if (haystack.indexOf(" " + words[i]) < 0) return;
        score += title.indexOf(" " + words[i]) >= 0 ? 3 : 1;
      }
      hits.push({ entry: entry, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    var count = document.createElement("p");
    count.textContent = hits.length
      ? results.getAttribute("data-count").replace("{n}", String(hits.length))
      : results.getAttribute("data-none");
    results.appendChild(count);
    if (!hits.length) return;
    var list = document.createElement("ol");
    list.className = "search-hits";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.entry.u;
      link.textContent = hit.entry.t;
      item.appendChild(link);
      if (hit.entry.s) {
        var summary = document.createElement("p");
        summary.textContent = hit.entry.s;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  // Keeps the query in the address (?q=…), so a search can be shared,
  // bookmarked and come back to; replaced, not added, so Back leaves the page.
  function remember(query) {
    var params = new URLSearchParams(window.location.search);
    if (query.trim()) params.set("q", query); else params.delete("q");
    var rest = params.toString();
    var address = window.location.pathname + (rest ? "?" + rest : "") + window.location.hash;
    try {
      window.history.replaceState(window.history.state, "", address);
    } catch (e) {
      // Some browsers refuse this for pages opened from disk; the search still works.
    }
  }

  function run() {
    search(input.value);
    remember(input.value);
  }

  // A shared address (?q=…) or a search from the header opens with its results.
  input.value = new URLSearchParams(window.location.search).get("q") || "";
  search(input.value);
  input.addEventListener("input", run);
  if (input.form) {
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
  }
})();
