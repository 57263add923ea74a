// newsgraph charts: reads the series a page embeds as JSON and draws it with plotly.js.
// Text from the data only ever reaches the page through textContent.
(function () {
  "use strict";
  var QUAD_COLORS = {
    "verbal cooperation": "#7fb3d5",
    "material cooperation": "#1f618d",
    "verbal conflict": "#f0a868",
    "material conflict": "#c0392b"
  };
  var LAYOUT = {
    barmode: "stack", margin: {l: 40, r: 10, t: 10, b: 40}, height: 320,
    legend: {orientation: "h", y: -0.2}, xaxis: {type: "category"},
    font: {family: "system-ui, sans-serif", size: 12}
  };

  function quadChart(el, series) {
    var periods = series.map(function (p) { return p.period; });
    var traces = Object.keys(QUAD_COLORS).map(function (label) {
      return {type: "bar", name: label, x: periods, marker: {color: QUAD_COLORS[label]},
              y: series.map(function (p) { return p.quads[label] || 0; })};
    });
    Plotly.newPlot(el, traces, LAYOUT, {displaylogo: false, responsive: true});
  }

  function dyadChart(el, series) {
    var periods = series.map(function (p) { return p.period; });
    var traces = [
      {name: "cooperation", y: series.map(function (p) { return p.cooperation; }), color: "#1f618d"},
      {name: "conflict", y: series.map(function (p) { return p.conflict; }), color: "#c0392b"}
    ].map(function (t) {
      return {type: "scatter", mode: "lines+markers", name: t.name, x: periods, y: t.y,
              line: {color: t.color}, marker: {size: 9}};
    });
    var layout = Object.assign({}, LAYOUT, {barmode: undefined});
    Plotly.newPlot(el, traces, layout, {displaylogo: false, responsive: true});
    el.on("plotly_click", function (ev) {
      if (ev.points.length) { showEvents(el.dataset.a, el.dataset.b, ev.points[0].x); }
    });
  }

  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (cls) { node.className = cls; }
    return node;
  }

  function names(side) {
    return side.map(function (x) { return x.name; }).join(" + ") || "?";
  }

  function showEvents(a, b, period) {
    var box = document.getElementById("point-events");
    var url = "/api/dyad/events?" + new URLSearchParams({a: a, b: b, period: period, limit: 50});
    box.replaceChildren(text("p", "Loading " + period + "…", "muted"));
    fetch(url).then(function (r) { return r.json(); }).then(function (page) {
      box.replaceChildren(text("h2", "Events in " + period + " (" + (page.total || 0) + ")"));
      var list = document.createElement("ul");
      list.className = "events";
      (page.items || []).forEach(function (ev) {
        var item = document.createElement("li");
        item.appendChild(text("span", ev.type, "etype q" + (ev.quad || 0)));
        item.appendChild(document.createTextNode(" " + names(ev.source) + " → " + names(ev.target) + " "));
        var link = text("a", ev.article_title || ev.article_id);
        link.href = "/articles/" + encodeURIComponent(ev.article_id);
        item.appendChild(text("span", (ev.date || "") + " · ", "muted"));
        item.appendChild(link);
        item.appendChild(text("div", ev.sentence.text || "", "muted sentence"));
        list.appendChild(item);
      });
      box.appendChild(list);
    }).catch(function () { box.replaceChildren(text("p", "Could not load the events.", "muted")); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("chart");
    var data = document.getElementById("chart-data");
    if (!el || !data || typeof Plotly === "undefined") { return; }
    var series = JSON.parse(data.textContent);
    if (el.dataset.chart === "dyad") { dyadChart(el, series); } else { quadChart(el, series); }
  });
})();
