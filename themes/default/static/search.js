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

  // The same folding as the index: lowercase, no accents (å ä ö → a a o).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/æ/g, "ae").replace(/ø/g, "o").replace(/œ/g, "oe").replace(/ß/g, "ss")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

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
