// An enhancement only: without it, CSS :target highlights the first piece of a targeted evidence span.
// A fact's evidence may be several spans, and a span crossing another is split into pieces: every piece
// of a mark names its span (data-ev) and the facts it supports (data-facts). Arriving at a span, this
// highlights every piece of every span of the fact it supports; where several facts share the words, the
// spans they all share (the link names a span, not a fact).
(function () {
  "use strict";
  function keysOf(mark) {
    return (mark.getAttribute("data-facts") || "").split(" ").filter(Boolean);
  }
  function piecesOf(target) {
    var keys = keysOf(target);
    var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-ev]"));
    if (!keys.length) {
      return marks.filter(function (mark) { return mark.getAttribute("data-ev") === target.getAttribute("data-ev"); });
    }
    return marks.filter(function (mark) {
      var supports = keysOf(mark);
      return keys.every(function (key) { return supports.indexOf(key) !== -1; });
    });
  }
  function highlight() {
    document.querySelectorAll("mark.is-target").forEach(function (mark) {
      mark.classList.remove("is-target");
    });
    // :target is not yet set when a deferred script runs on arrival: look the element up by its id.
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (!target || !target.hasAttribute("data-ev")) { return; }
    piecesOf(target).forEach(function (mark) { mark.classList.add("is-target"); });
    target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlight);
  highlight();
}());
