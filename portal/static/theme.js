// Light or dark: the reader's choice from the switch (kept in localStorage), else the system's (prefers-color-scheme).
// Loaded in <head>, before the page paints, so a dark page never flashes light. Announces changes as "portal-theme".
(function () {
  var KEY = "specwright-theme";
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var chosen = null;
  try {
    chosen = localStorage.getItem(KEY);
  } catch (error) {
    chosen = null; // storage disabled: the switch still works for this page
  }
  function current() {
    if (chosen === "dark" || chosen === "light") return chosen;
    return media && media.matches ? "dark" : "light";
  }
  function apply() {
    var theme = current();
    if (root.getAttribute("data-theme") === theme) return;
    root.setAttribute("data-theme", theme);
    document.dispatchEvent(new CustomEvent("portal-theme", { detail: theme }));
  }
  apply();
  if (media && media.addEventListener) media.addEventListener("change", apply);
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    function label() {
      var dark = root.getAttribute("data-theme") === "dark";
      button.setAttribute("aria-pressed", String(dark));
      button.textContent = dark ? "Light mode" : "Dark mode";
    }
    button.hidden = false;
    label();
    document.addEventListener("portal-theme", label);
    button.addEventListener("click", function () {
      chosen = current() === "dark" ? "light" : "dark";
      try {
        localStorage.setItem(KEY, chosen);
      } catch (error) {
        // not persisted; this page still switches
      }
      apply();
    });
  });
})();
