// Hover previews, an enhancement only: without this script every link is a plain link.
// A link to a record's page (<folder>/<id>/, for the folders base.html lists) shows, while the pointer
// rests on it or keyboard focus is on it, the title, kind, summary and key facts of that page, read
// from the small fragment the build wrote beside it (generator/previews.py), never from the page itself.
// WCAG 2.1 SC 1.4.13: Escape dismisses it without moving focus or pointer; the pointer can move onto it;
// it stays until the pointer and focus have left. Not on touch screens, which have no hover.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.Map || !window.URL || !window.matchMedia) { return; }
  var FRAGMENT = "preview.json";
  var ID = "report-preview";
  var SHOW_DELAY = 300;  // ms: a pointer crossing a paragraph does not open every link on its way
  var HIDE_DELAY = 400;  // ms: time to move the pointer from the link onto the preview
  var GAP = 6, MARGIN = 8;  // px: between the link and the preview, and from the viewport's edges
  var canHover = window.matchMedia("(hover: hover) and (pointer: fine)");
  var root = new URL(script.getAttribute("data-root") || "/", document.baseURI);
  var folders = (script.getAttribute("data-folders") || "").split(" ").filter(Boolean);
  var fragments = new Map();  // fragment URL -> Promise of its preview (or null)
  var tip = null;
  var state = idle();
  var showTimer = 0, hideTimer = 0;

  function idle() {
    return {link: null, hovered: false, focused: false, dismissed: false, shown: false, describedBy: null};
  }

  // The fragment of the page a link opens, or null when it is no record's page (or this very page).
  function fragmentOf(link) {
    // The attribute, not link.href: an SVG link (a map marker, a network's box) has no string href or hash.
    var href = link ? link.getAttribute("href") : null;
    if (!href || link.hasAttribute("download")) { return null; }
    var url = new URL(href, document.baseURI);
    if (url.hash) { return null; }
    if (url.origin !== root.origin || url.search || url.pathname.indexOf(root.pathname) !== 0) { return null; }
    var parts = url.pathname.slice(root.pathname.length).split("/");
    var page = parts.length === 3 && (parts[2] === "" || parts[2] === "index.html");
    if (!page || parts[1] === "" || folders.indexOf(parts[0]) < 0) { return null; }
    if (new URL(".", url).pathname === new URL(".", window.location.href).pathname) { return null; }
    return new URL(FRAGMENT, url).href;  // beside the linked page: right under any project path
  }

  function load(address) {
    if (!fragments.has(address)) {
      fragments.set(address, window.fetch(address, {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (value) { return isPreview(value) ? value : null; })
        .catch(function () { return null; }));
    }
    return fragments.get(address);
  }

  function isPreview(value) {
    return Boolean(value) && typeof value.title === "string" && typeof value.kind === "string" &&
      typeof value.summary === "string" && Array.isArray(value.facts);
  }

  // The preview's content, from text only: the fragment holds data, which never becomes markup.
  function fill(preview) {
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    if (preview.kind) { tip.appendChild(text("p", "preview__kind", preview.kind)); }
    tip.appendChild(text("p", "preview__title", preview.title));
    if (preview.summary) { tip.appendChild(text("p", "preview__summary", preview.summary)); }
    var facts = preview.facts.filter(function (fact) {
      return fact && typeof fact.label === "string" && typeof fact.text === "string";
    });
    if (facts.length) {
      var list = document.createElement("dl");
      list.className = "preview__facts";
      facts.forEach(function (fact) {
        var row = document.createElement("div");
        row.appendChild(text("dt", "", fact.label));
        row.appendChild(text("dd", "", fact.text));
        list.appendChild(row);
      });
      tip.appendChild(list);
    }
  }

  function text(tag, className, value) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.dir = "auto";  // a right-to-left name reads right, and cannot reorder what follows it
    element.textContent = value;
    return element;
  }

  function popup() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = ID;
      tip.className = "preview";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("pointerover", function () { if (state.shown) { enter("hovered", state.link); } });
      tip.addEventListener("pointerout", function (event) {
        if (!within(event.relatedTarget)) { leave("hovered"); }
      });
      // Inside <main>, so that all content stays in a landmark; it is placed by coordinates anyway.
      (document.querySelector("main") || document.body).appendChild(tip);
    }
    return tip;
  }

  function within(node) {
    return Boolean(node) && ((tip && tip.contains(node)) || (state.link && state.link.contains(node)));
  }

  // The pointer (hovered) or keyboard focus (focused) arrives on a link, or on the open preview.
  function enter(how, link) {
    if (state.link !== link) {
      hide();
      state = idle();
      state.link = link;
    }
    state[how] = true;
    window.clearTimeout(hideTimer);
    if (state.shown || state.dismissed) { return; }
    window.clearTimeout(showTimer);
    showTimer = window.setTimeout(function () { open(link); }, how === "hovered" ? SHOW_DELAY : 0);
  }

  function leave(how) {
    state[how] = false;
    if (state.hovered || state.focused) { return; }
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () { hide(); state = idle(); }, how === "hovered" ? HIDE_DELAY : 0);
  }

  function open(link) {
    var address = fragmentOf(link);
    if (!address) { return; }
    load(address).then(function (preview) {
      if (!preview || state.link !== link || state.shown || state.dismissed || !(state.hovered || state.focused)) {
        return;
      }
      popup();
      fill(preview);
      state.describedBy = link.getAttribute("aria-describedby");
      link.setAttribute("aria-describedby", state.describedBy ? state.describedBy + " " + ID : ID);
      tip.hidden = false;
      state.shown = true;
      place();
    });
  }

  function hide() {
    window.clearTimeout(showTimer);
    if (!state.shown) { return; }
    state.shown = false;
    tip.hidden = true;
    if (state.describedBy) {
      state.link.setAttribute("aria-describedby", state.describedBy);
    } else {
      state.link.removeAttribute("aria-describedby");
    }
  }

  // Below the link, or above it where there is no room below; always inside the viewport.
  function place() {
    if (!state.shown) { return; }
    var box = state.link.getBoundingClientRect();
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var viewportWidth = document.documentElement.clientWidth, viewportHeight = window.innerHeight;
    var left = Math.max(MARGIN, Math.min(box.left, viewportWidth - width - MARGIN));
    var top = box.bottom + GAP;
    if (top + height > viewportHeight - MARGIN && box.top - GAP - height >= MARGIN) {
      top = box.top - GAP - height;
    }
    tip.style.left = Math.round(left) + "px";
    tip.style.top = Math.round(top) + "px";
  }

  function byKeyboard(link) {
    try { return link.matches(":focus-visible"); } catch (error) { return false; }  // a browser without it
  }

  function linkOf(node) {
    var link = node && node.closest ? node.closest("a[href]") : null;
    return link && fragmentOf(link) ? link : null;
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse" || !canHover.matches) { return; }
    var link = linkOf(event.target);
    if (link) { enter("hovered", link); }
  });
  document.addEventListener("pointerout", function (event) {
    if (!state.link || !state.link.contains(event.target) || within(event.relatedTarget)) { return; }
    leave("hovered");
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event.target);
    // Keyboard focus only: a click or a tap also focuses the link, and is on its way to the page.
    if (link && byKeyboard(link)) { enter("focused", link); }
  });
  document.addEventListener("focusout", function (event) {
    if (state.link && event.target === state.link) { leave("focused"); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state.shown) {
      hide();
      state.dismissed = true;  // until pointer and focus have left this link
    }
  });
  window.addEventListener("scroll", place, {passive: true});
  window.addEventListener("resize", place);
}());
