// The timeline's filters (theme/templates/macros/timeline.html): choose an actor, a place or a kind, and the
// events that do not match leave both the drawing and the list; the drawing closes up around the rest and
// the count is announced. Without this script every event is drawn and listed, and the filters stay hidden.
// Only ids from data-* attributes are compared; nothing from the page becomes markup.
"use strict";

(function () {
  var root = document.querySelector(".tl[data-total]");
  if (!root) return;
  var form = root.querySelector(".tl__filters");
  var status = root.querySelector(".tl__status");
  var svg = root.querySelector(".tl__svg");
  var lanes = Array.prototype.slice.call(root.querySelectorAll(".tl__lane"));
  var items = Array.prototype.slice.call(root.querySelectorAll(".tl__item"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var SVG_WIDTH = svg ? svg.viewBox.baseVal.width : 0;
  var AXIS_ROOM = svg ? Number(svg.getAttribute("data-axis-room")) : 0;

  function chosen() {
    var found = {};
    selects.forEach(function (select) { if (select.value) found[select.getAttribute("data-filter")] = select.value; });
    return found;
  }

  function matches(element, wanted) {
    return Object.keys(wanted).every(function (key) {
      var values = (element.getAttribute("data-" + key) || "").split(" ");
      return values.indexOf(wanted[key]) !== -1;
    });
  }

  function redraw(wanted) {
    if (!svg) return;
    var top = 0;
    lanes.forEach(function (lane) {
      var keep = matches(lane, wanted);
      lane.classList.toggle("tl--filtered-out", !keep);
      if (keep) {
        lane.setAttribute("transform", "translate(0," + top + ")");
        top += Number(lane.getAttribute("data-height"));
      }
    });
    var axis = svg.querySelector(".tl__axis");
    axis.setAttribute("transform", "translate(0," + (top + 4) + ")");
    var height = top + AXIS_ROOM + 4;
    svg.setAttribute("viewBox", "0 0 " + SVG_WIDTH + " " + height);
    svg.setAttribute("height", String(height));
  }

  function apply() {
    var wanted = chosen();
    var shown = 0;
    items.forEach(function (item) {
      var keep = matches(item, wanted);
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    redraw(wanted);
    var total = items.length;
    status.textContent = Object.keys(wanted).length
      ? "Showing " + shown + " of " + total + " event" + (total === 1 ? "" : "s") + " on this page."
      : "Showing all " + total + " event" + (total === 1 ? "" : "s") + " on this page.";
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
