// A static site's paged catalog (data-search-index) has no server to search: the search runs here, over the JSON of
// every API the build wrote (search.json), with the server's rules: every word in the id, title, description or
// tags; a tag; a lint status. The form, submitted on a static host, comes back to the page with its fields in the
// query, so ?q=, ?tag= and ?lint= links work as on the live portal.
(function () {
  var input = document.getElementById("q");
  var list = document.getElementById("api-list");
  var count = document.getElementById("api-count");
  if (!input || !list || !list.hasAttribute("data-search-index")) return;
  var indexUrl = new URL(list.getAttribute("data-search-index"), window.location.href);
  var params = new URL(window.location.href).searchParams;
  var tagInput = document.getElementById("tag");
  var lintInput = document.getElementById("lint");
  var pager = document.querySelector('nav.pager[aria-label="API pages"]');
  var pageCards = Array.prototype.slice.call(list.children);
  var pageCount = count ? count.textContent : "";
  var index;
  // Each change of the fields counts one up: an answer that comes back after a later change (the first search waits
  // for search.json) is stale, and would otherwise put back hits for a query no longer in the box.
  var generation = 0;

  function load() {
    index =
      index ||
      fetch(indexUrl).then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      });
    return index;
  }

  function statusOf(version) {
    if (version.broken) return "broken";
    if (!version.lint) return "clean";
    return version.lint.errors > 0 ? "errors" : version.lint.warnings > 0 ? "warnings" : "clean";
  }

  function matches(api, words, tag, lint) {
    var text = [api.api, api.title, api.description].concat(api.tags).join(" ").toLowerCase();
    var hasWords = words.every(function (word) {
      return text.indexOf(word) !== -1;
    });
    var hasTag =
      !tag ||
      api.tags.some(function (name) {
        return name.toLowerCase() === tag;
      });
    var hasStatus =
      !lint ||
      api.versions.some(function (version) {
        return statusOf(version) === lint;
      });
    return hasWords && hasTag && hasStatus;
  }

  // The server's order (portal/catalog/search.ts rank): hits with every word in the id or title first, each group in
  // catalog order, so "svc-57" puts svc-57 before an API whose description mentions it.
  function ranked(hits, words) {
    if (words.length === 0) return hits;
    var strong = [];
    var weak = [];
    hits.forEach(function (api) {
      var name = (api.api + " " + api.title).toLowerCase();
      var inName = words.every(function (word) {
        return name.indexOf(word) !== -1;
      });
      (inName ? strong : weak).push(api);
    });
    return strong.concat(weak);
  }

  function card(api) {
    var item = document.createElement("li");
    item.className = "card api";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    // The API's own reference (the newest version that loads), as the server's card links; not the last version,
    // which may be one that does not load.
    link.href = new URL(api.reference, indexUrl).href;
    link.textContent = api.title;
    var id = document.createElement("small");
    id.textContent = api.api;
    heading.append(link, " ", id);
    item.append(heading);
    if (api.description) {
      var description = document.createElement("p");
      description.className = "description";
      description.textContent = api.description.split(/\n\s*\n/)[0];
      item.append(description);
    }
    return item;
  }

  function apply() {
    var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var tag = tagInput ? tagInput.value.trim().toLowerCase() : "";
    var lint = lintInput ? lintInput.value : "";
    var mine = ++generation;
    rememberInUrl();
    if (words.length === 0 && !tag && !lint) {
      list.replaceChildren.apply(list, pageCards);
      if (pager) pager.hidden = false;
      if (count) count.textContent = pageCount;
      return;
    }
    load().then(
      function (all) {
        if (mine !== generation) return;
        var hits = ranked(
          all.apis.items.filter(function (api) {
            return matches(api, words, tag, lint);
          }),
          words,
        );
        list.replaceChildren.apply(list, hits.map(card));
        if (pager) pager.hidden = true;
        if (count) count.textContent = hits.length + " of " + all.totalApis + " APIs";
      },
      function () {
        // The page's own cards stay; the next keystroke asks again (a static host may have been mid-deploy).
        index = undefined;
        if (mine === generation && count) count.textContent = "Search is unavailable: search.json did not load.";
      },
    );
  }

  // As on the live portal: a reload or a shared link keeps the search.
  function rememberInUrl() {
    var url = new URL(window.location.href);
    [
      ["q", input.value.trim()],
      ["tag", tagInput ? tagInput.value.trim() : ""],
      ["lint", lintInput ? lintInput.value : ""],
    ].forEach(function (field) {
      if (field[1]) url.searchParams.set(field[0], field[1]);
      else url.searchParams.delete(field[0]);
    });
    window.history.replaceState(null, "", url);
  }

  input.value = params.get("q") || "";
  if (tagInput) tagInput.value = params.get("tag") || "";
  if (lintInput) lintInput.value = params.get("lint") || "";
  input.addEventListener("input", apply);
  if (tagInput) tagInput.addEventListener("input", apply);
  if (lintInput) lintInput.addEventListener("change", apply);
  document.querySelector("form.search").addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  if (input.value || (tagInput && tagInput.value) || (lintInput && lintInput.value)) apply();
})();
