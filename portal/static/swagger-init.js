// Swagger UI with "try it out": the portal's mock is offered first, then the spec's own servers. With a configured
// OAuth2 client (portal.oauth2 in the config), Authorize runs the authorization code flow with PKCE (RFC 7636, S256),
// the popup landing on the portal's own redirect page.
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
      var ui = window.SwaggerUIBundle({
        spec: spec,
        domNode: target,
        queryConfigEnabled: false,
        tryItOutEnabled: true,
        deepLinking: false,
        // The validator badge would send the spec to validator.swagger.io: the portal makes no outside requests.
        validatorUrl: null,
        oauth2RedirectUrl: new URL(config.oauth2Redirect, window.location.href).href,
        persistAuthorization: false,
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
      });
      if (config.oauth2) {
        ui.initOAuth({
          clientId: config.oauth2.clientId,
          scopes: config.oauth2.scopes.join(" "),
          usePkceWithAuthorizationCodeGrant: true,
        });
      }
      target.setAttribute("data-swagger-ready", "true");
    })
    .catch(function (error) {
      target.textContent = String(error.message || error);
    });
})();
