// An enhancement only: without it, the first piece of a targeted evidence span is highlighted.
// Where two spans cross, a span is split into pieces that share data-ev; this highlights them all.
(function () {
  "use strict";
  function highlight() {
    document.querySelectorAll("mark.is-target").forEach(function (mark) {
      mark.classList.remove("is-target");
    });
    var target = document.querySelector(":target");
    if (!target || !target.dataset.ev) { return; }
    document.querySelectorAll("mark[data-ev]").forEach(function (mark) {
      if (mark.dataset.ev === target.dataset.ev) { mark.classList.add("is-target"); }
    });
  }
  window.addEventListener("hashchange", highlight);
  highlight();
}());
