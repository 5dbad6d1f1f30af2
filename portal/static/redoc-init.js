// Renders the reference with Redoc from the bundled spec; `sanitize` strips HTML from spec Markdown.
(function () {
  var config = JSON.parse(document.getElementById("portal-config").textContent);
  var target = document.getElementById("redoc");
  if (!target || !window.Redoc) return;
  window.Redoc.init(config.specUrl, { sanitize: true, hideHostname: false, expandResponses: "200,201" }, target, function (error) {
    if (error) target.setAttribute("data-redoc-error", String(error.message || error));
    else target.setAttribute("data-redoc-ready", "true");
  });
})();
