// The search page: runs the query of ?q= (and of the box, as the reader types) on Pagefind's index,
// with filters by kind and by article. Without this script the page lists the indexes instead.
// Pagefind's excerpts are HTML whose only markup is <mark>: they are parsed inert and rebuilt as
// text nodes and <mark> elements, so nothing in the data ever becomes markup here.
"use strict";

(function () {
  var PAGE = 20; // results shown at a time; each costs one fragment request
  var FILTER_VALUES = 50; // values of one filter listed at most (the most frequent first)
  var FILTER_TITLES = { kind: "Kind", article: "Article" };

  var root = document.getElementById("search");
  if (!root) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var filtersBox = document.getElementById("search-filters");
  var list = document.getElementById("search-results");
  var fallback = document.getElementById("search-without-script");
  var pagefind = null;
  var chosen = {}; // filter name -> set of values ticked
  var shown = []; // the results of the last search, and how many of them are on the page
  var more = null;

  function say(text) { status.textContent = text; }

  function plural(count, noun) { return count + " " + noun + (count === 1 ? "" : "s"); }

  function excerptNodes(html) {
    // DOMParser documents are inert: no script runs and nothing loads while this reads them.
    var body = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    var nodes = [];
    body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent));
      }
    });
    return nodes;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "search__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var kinds = (data.filters && data.filters.kind) || [];
    if (kinds.length) {
      var kind = document.createElement("p");
      kind.className = "kicker search__kind";
      kind.textContent = kinds.join(", ");
      item.appendChild(kind);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "search__excerpt";
    excerptNodes(data.excerpt || "").forEach(function (node) { excerpt.appendChild(node); });
    item.appendChild(excerpt);
    return item;
  }

  function showMore(results, from) {
    var page = results.slice(from, from + PAGE);
    return Promise.all(page.map(function (r) { return r.data(); })).then(function (datas) {
      if (shown !== results) return; // a newer search replaced these
      datas.forEach(function (data) { list.appendChild(resultItem(data)); });
      var left = results.length - from - page.length;
      if (more) { more.remove(); more = null; }
      if (left > 0) {
        more = document.createElement("button");
        more.type = "button";
        more.className = "search__more";
        more.textContent = "Show " + Math.min(left, PAGE) + " more";
        more.addEventListener("click", function () { showMore(results, from + PAGE); });
        list.after(more);
      }
    });
  }

  function selectedFilters() {
    var filters = {};
    Object.keys(chosen).forEach(function (name) {
      var values = Array.from(chosen[name]);
      if (values.length) filters[name] = { any: values };
    });
    return filters;
  }

  function filterGroup(name, counts) {
    var values = Object.keys(counts).filter(function (v) { return counts[v] > 0 || chosen[name].has(v); });
    values.sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0); });
    var group = document.createElement("fieldset");
    group.className = "search__filter";
    var legend = document.createElement("legend");
    legend.textContent = FILTER_TITLES[name] || name;
    group.appendChild(legend);
    values.slice(0, FILTER_VALUES).forEach(function (value) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      box.checked = chosen[name].has(value);
      box.addEventListener("change", function () {
        if (box.checked) chosen[name].add(value); else chosen[name].delete(value);
        run();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + value + " (" + counts[value] + ")"));
      group.appendChild(label);
    });
    if (values.length > FILTER_VALUES) {
      var note = document.createElement("p");
      note.className = "note";
      note.textContent = "and " + (values.length - FILTER_VALUES) + " more: search for words of its title";
      group.appendChild(note);
    }
    return group;
  }

  function showFilters(counts) {
    filtersBox.replaceChildren();
    ["kind", "article"].forEach(function (name) {
      if (counts[name] && Object.keys(counts[name]).length) filtersBox.appendChild(filterGroup(name, counts[name]));
    });
    filtersBox.hidden = !filtersBox.childNodes.length;
  }

  function keepQuery(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }

  function run() {
    var query = input.value.trim();
    var filters = selectedFilters();
    keepQuery(query);
    if (!query && !Object.keys(filters).length) {
      shown = [];
      list.replaceChildren();
      if (more) { more.remove(); more = null; }
      say("Type words to search the report.");
      return pagefind.filters().then(showFilters);
    }
    return pagefind.debouncedSearch(query || null, { filters: filters }, 200).then(function (search) {
      if (search === null) return; // a later keystroke superseded this search
      shown = search.results;
      list.replaceChildren();
      if (more) { more.remove(); more = null; }
      var what = query ? " for \u201c" + query + "\u201d" : "";
      showFilters(search.totalFilters);  // counts for the words alone: every kind stays offered
      return showMore(search.results, 0).then(function () {
        if (shown !== search.results) return;
        // Announced once the results are on the page, for a screen reader to read on into them.
        say(search.results.length ? plural(search.results.length, "result") + what + "." : "No results" + what + ".");
      });
    });
  }

  function start(module) {
    pagefind = module;
    return pagefind.options({ baseUrl: root.dataset.baseUrl }).then(function () {
      return pagefind.init();
    }).then(function () {
      // Loads the filters' index: without it, a search's own counts by filter come back empty.
      return pagefind.filters();
    }).then(function () {
      Object.keys(FILTER_TITLES).forEach(function (name) { chosen[name] = new Set(); });
      fallback.hidden = true;
      input.value = new URLSearchParams(window.location.search).get("q") || "";
      input.addEventListener("input", run);
      input.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
      return run();
    });
  }

  say("Loading the search index\u2026");
  import(root.dataset.bundle + "pagefind.js").then(start).catch(function () {
    say("The search index could not be loaded: use the indexes below.");
  });
})();
