// A large spec's reference shows one tag group per page: a link to an operation of another group (Redoc's
// #operation/<id>, #tag/<tag>/operation/<id>, #tag/<tag>/paths/<path>/<method>, or #tag/<tag>) goes to that group's
// page with the same anchor, where Redoc scrolls to it. On the list of groups, such an anchor opens its group.
(function () {
  var config = JSON.parse(document.getElementById("portal-config").textContent);
  var grouped = config.grouped;
  if (!grouped) return;

  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }

  /** The slug of the group that holds what `hash` points at; undefined when it is not an operation or tag anchor. */
  function groupOf(hash) {
    var parts = hash.replace(/^#/, "").split("/").map(decode);
    if (parts[0] === "operation" && parts[1]) return grouped.operations[parts[1]];
    if (parts[0] !== "tag" || !parts[1]) return undefined;
    if (parts[2] === "operation" && parts[3]) return grouped.operations[parts[3]];
    if (parts[2] === "paths" && parts[3] && parts[4])
      return grouped.operations[parts[4] + " " + parts[3].replace(/~1/g, "/").replace(/~0/g, "~")];
    return grouped.tags[parts[1]] || tagBySlug(parts[1]);
  }

  function tagBySlug(name) {
    var wanted = name.toLowerCase().replace(/[^a-z0-9]+/g, "");
    for (var tag in grouped.tags) if (tag.toLowerCase().replace(/[^a-z0-9]+/g, "") === wanted) return grouped.tags[tag];
    return undefined;
  }

  function elsewhere(hash) {
    var slug = groupOf(hash);
    return slug !== undefined && slug !== grouped.group
      ? grouped.groupsUrl + encodeURIComponent(slug) + "/" + hash
      : undefined;
  }

  var initial = window.location.hash && elsewhere(window.location.hash);
  if (initial) window.location.replace(initial);

  // Capture phase: before Redoc's own handler, which would look for the anchor in this group only.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      var target = elsewhere(link.getAttribute("href"));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      window.location.assign(target);
    },
    true,
  );
  window.addEventListener("hashchange", function () {
    var target = elsewhere(window.location.hash);
    if (target) window.location.replace(target);
  });
})();
