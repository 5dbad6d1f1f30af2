// Renders the reference with Redoc from the portal's reference document (the spec plus code samples); `sanitize`
// strips HTML from spec Markdown. The theme follows the portal's light/dark switch and brand colours.
(function () {
  var config = JSON.parse(document.getElementById("portal-config").textContent);
  var target = document.getElementById("redoc");
  if (!target || !window.Redoc) return;
  var brand = (config.theme && config.theme.colors) || {};

  function theme(dark) {
    var colors = dark ? Object.assign({}, brand, brand.dark || {}) : brand;
    var primary = colors.primary || (dark ? "#8fb0ff" : "#2c5cc5");
    var light = {
      colors: { primary: { main: primary } },
      typography: {
        fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        headings: { fontFamily: "inherit" },
        links: { color: primary },
      },
    };
    if (!dark) return light;
    return {
      colors: {
        primary: { main: primary },
        text: { primary: "#e4e8ef", secondary: "#a0a9b8" },
        border: { dark: "#353c49", light: "#353c49" },
      },
      typography: Object.assign({}, light.typography, { code: { color: "#e4e8ef", backgroundColor: "#263049" } }),
      sidebar: { backgroundColor: "#1d2128", textColor: "#e4e8ef", activeTextColor: primary },
      rightPanel: { backgroundColor: "#0c0e12", textColor: "#e4e8ef" },
      codeBlock: { backgroundColor: "#15181d" },
      schema: {
        nestedBackground: "#1d2128",
        linesColor: "#353c49",
        typeNameColor: "#a0a9b8",
        typeTitleColor: "#a0a9b8",
      },
    };
  }

  function render() {
    var dark = document.documentElement.getAttribute("data-theme") === "dark";
    target.removeAttribute("data-redoc-ready");
    window.Redoc.init(
      config.specUrl,
      { sanitize: true, hideHostname: false, expandResponses: "200,201", theme: theme(dark) },
      target,
      function (error) {
        if (error) target.setAttribute("data-redoc-error", String(error.message || error));
        else {
          target.setAttribute("data-redoc-theme", dark ? "dark" : "light");
          target.setAttribute("data-redoc-ready", "true");
        }
      },
    );
  }
  render();
  document.addEventListener("portal-theme", render);
})();
