// Filters the API cards as you type when the whole catalog is on the page (data-complete); the same search works
// without scripts through ?q=, and a larger catalog is searched on the server only.
(function () {
  var input = document.getElementById("q");
  var list = document.getElementById("api-list");
  var cards = document.querySelectorAll("#api-list > li");
  var count = document.getElementById("api-count");
  if (!input || !list || !list.hasAttribute("data-complete")) return;
  function apply() {
    var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute("data-search") || "";
      var match = words.every(function (word) {
        return text.indexOf(word) !== -1;
      });
      card.hidden = !match;
      if (match) shown++;
    });
    if (count) count.textContent = shown + " of " + cards.length + " APIs";
    var url = new URL(window.location.href);
    if (input.value) url.searchParams.set("q", input.value);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }
  input.addEventListener("input", apply);
})();
