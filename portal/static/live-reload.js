// Reloads the page when a spec changes on disk (live server only).
(function () {
  var config = JSON.parse(document.getElementById("portal-config").textContent);
  if (!config.live || !window.EventSource) return;
  var source = new EventSource(config.live.events);
  source.onmessage = function (event) {
    if (Number(event.data) !== config.live.generation) window.location.reload();
  };
})();
