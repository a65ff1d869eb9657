// Pan and zoom on the map page, an enhancement only: without it the map is drawn whole and every marker is a
// link. Buttons (made here, so a reader without JavaScript sees none) zoom and move the view; a pointer drags it.
(function () {
  "use strict";
  const svg = document.querySelector("svg.map__svg[data-zoom]");
  if (!svg) return;
  const full = svg.getAttribute("viewBox").split(" ").map(Number);
  const [left, top, width, height] = full;
  const view = { x: left, y: top, w: width, h: height };

  function show() {
    view.w = Math.min(width, Math.max(width / 8, view.w));
    view.h = view.w * height / width;
    view.x = Math.min(left + width - view.w, Math.max(left, view.x));
    view.y = Math.min(top + height - view.h, Math.max(top, view.y));
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map((n) => n.toFixed(1)).join(" "));
  }

  function zoom(factor) {
    const cx = view.x + view.w / 2, cy = view.y + view.h / 2;
    view.w *= factor;
    view.h = view.w * height / width;
    view.x = cx - view.w / 2;
    view.y = cy - view.h / 2;
    show();
  }

  function move(dx, dy) {
    view.x += dx * view.w / 4;
    view.y += dy * view.h / 4;
    show();
  }

  const actions = [
    ["Zoom in", "+", () => zoom(0.5)], ["Zoom out", "\u2212", () => zoom(2)],
    ["Move west", "\u2190", () => move(-1, 0)], ["Move east", "\u2192", () => move(1, 0)],
    ["Move north", "\u2191", () => move(0, -1)], ["Move south", "\u2193", () => move(0, 1)],
    ["Reset: the whole map", "Reset", () => { Object.assign(view, { x: left, y: top, w: width, h: height }); show(); }],
  ];
  const controls = document.createElement("div");
  controls.className = "map__controls";
  controls.setAttribute("role", "toolbar");
  controls.setAttribute("aria-label", "Map view");
  for (const [name, text, act] of actions) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.setAttribute("aria-label", name);
    button.title = name;
    button.addEventListener("click", act);
    controls.append(button);
  }
  svg.before(controls);

  let dragging = null;
  svg.addEventListener("pointerdown", (event) => {
    if (view.w >= width || event.target.closest("a")) return;  // nothing to drag at full view; a marker is a link
    dragging = { x: event.clientX, y: event.clientY, view: { ...view } };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!dragging) return;
    const scale = view.w / svg.getBoundingClientRect().width;
    view.x = dragging.view.x - (event.clientX - dragging.x) * scale;
    view.y = dragging.view.y - (event.clientY - dragging.y) * scale;
    show();
  });
  const stop = () => { dragging = null; };
  svg.addEventListener("pointerup", stop);
  svg.addEventListener("pointercancel", stop);
})();
