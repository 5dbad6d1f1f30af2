// A large spec's reference shows one tag group per page: a link to an operation of another group (Redoc's
// #operation/<id>, #tag/<tag>/operation/<id>, #tag/<tag>/paths/<path>/<method>, or #tag/<tag>) goes to that group's
// page with the same anchor, where Redoc scrolls to it. On the list of groups, such an anchor opens its group.
// The page names only its own group's anchors; which group holds any other is read from the API version's index
// (grouped.indexUrl, same origin), fetched once, the first time a link leaves the group.
(function () {
  var config = JSON.parse(document.getElementById("portal-config").textContent);
  var grouped = config.grouped;
  if (!grouped) return;

  var own = Object.create(null);
  grouped.own.operations.forEach(function (key) {
    own[key] = true;
  });
  var index;

  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }

  function loose(name) {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
  }

  /** What `hash` points at: an operation (an operationId or "<method> <path>") or a tag; undefined for anything else. */
  function anchorOf(hash) {
    var parts = hash.replace(/^#/, "").split("/").map(decode);
    if (parts[0] === "operation" && parts[1]) return { operation: parts[1] };
    if (parts[0] !== "tag" || !parts[1]) return undefined;
    if (parts[2] === "operation" && parts[3]) return { operation: parts[3] };
    if (parts[2] === "paths" && parts[3] && parts[4])
      return { operation: parts[4] + " " + parts[3].replace(/~1/g, "/").replace(/~0/g, "~") };
    return { tag: parts[1] };
  }

  function isHere(anchor) {
    if (anchor.operation !== undefined) return own[anchor.operation] === true;
    return grouped.own.tags.some(function (tag) {
      return tag === anchor.tag || loose(tag) === loose(anchor.tag);
    });
  }

  /** The slug of the group that holds `anchor`, by the index; tags also by their slug-like spelling in Redoc's ids. */
  function groupIn(found, anchor) {
    var has = Object.prototype.hasOwnProperty;
    if (anchor.operation !== undefined)
      return has.call(found.operations, anchor.operation) ? found.operations[anchor.operation] : undefined;
    if (has.call(found.tags, anchor.tag)) return found.tags[anchor.tag];
    for (var tag in found.tags)
      if (has.call(found.tags, tag) && loose(tag) === loose(anchor.tag)) return found.tags[tag];
    return undefined;
  }

  function loadIndex() {
    if (!index)
      index = fetch(grouped.indexUrl, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .catch(function () {
          // Offline, or a static site opened from file://: the link stays on this page, and a later one tries again.
          index = undefined;
          return undefined;
        });
    return index;
  }

  /**
   * Goes (with `go`) to the other group's page that holds what `hash` points at; `stay` runs when no other group does.
   * Nothing is fetched for an anchor of this group: Redoc scrolls to it.
   */
  function follow(hash, go, stay) {
    var anchor = anchorOf(hash);
    if (!anchor || isHere(anchor)) return false;
    loadIndex().then(function (found) {
      var slug = found && groupIn(found, anchor);
      if (slug !== undefined && slug !== grouped.group) go(grouped.groupsUrl + encodeURIComponent(slug) + "/" + hash);
      else if (stay) stay();
    });
    return true;
  }

  function replace(url) {
    window.location.replace(url);
  }

  if (window.location.hash) follow(window.location.hash, replace);

  // Capture phase: before Redoc's own handler, which would look for the anchor in this group only.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      var hash = link.getAttribute("href");
      var leaving = follow(
        hash,
        function (url) {
          window.location.assign(url);
        },
        function () {
          // Not another group's after all: the anchor as the click would have set it (Redoc follows hashchange).
          window.location.hash = hash;
        },
      );
      if (!leaving) return;
      event.preventDefault();
      event.stopPropagation();
    },
    true,
  );
  window.addEventListener("hashchange", function () {
    follow(window.location.hash, replace);
  });
})();
