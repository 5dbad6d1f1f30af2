// Swagger UI with "try it out": the portal's mock is offered first, then the spec's own servers.
(function () {
  var config = JSON.parse(document.getElementById("portal-config").textContent);
  var target = document.getElementById("swagger-ui");
  if (!target || !window.SwaggerUIBundle) return;
  fetch(config.specUrl, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("spec download failed: HTTP " + response.status);
      return response.json();
    })
    .then(function (spec) {
      var servers = Array.isArray(spec.servers) ? spec.servers : [];
      if (config.mockUrl) {
        var mock = new URL(config.mockUrl, window.location.href).href;
        servers = [{ url: mock, description: "Mock backend (answers from the spec's examples)" }].concat(servers);
      }
      spec.servers = servers;
      target.textContent = "";
      window.SwaggerUIBundle({
        spec: spec,
        domNode: target,
        queryConfigEnabled: false,
        tryItOutEnabled: true,
        deepLinking: false,
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
      });
    })
    .catch(function (error) {
      target.textContent = String(error.message || error);
    });
})();
