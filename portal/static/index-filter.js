// Filters the API cards as you type; the same filter works without scripts through ?q=.
(function () {
  var input = document.getElementById("q");
  var cards = document.querySelectorAll("#api-list > li");
  var count = document.getElementById("api-count");
  if (!input) return;
  function apply() {
    var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute("data-search") || "";
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      card.hidden = !match;
      if (match) shown++;
    });
    if (count) count.textContent = shown + " of " + cards.length + " APIs";
    var url = new URL(window.location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }
  input.addEventListener("input", apply);
})();
