// marsad dashboard: plain JavaScript over the read-only API, no build step, no network beyond
// this server. Data never goes through innerHTML: every text from the store is set as text.
"use strict";

const PAGE = 1000; // events per API request while loading the map and list
const LIST_STEP = 100; // events shown at a time in the list
const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#27ae60",
  "Riots": "#b8860b",
  "Strategic developments": "#2c7fb8",
};
const OTHER_COLOUR = "#7f8c8d"; // speech acts and displacement: no ACLED type
const MARK_ROLES = ["evidence", "trigger", "actor1", "actor2", "location", "date", "attributed_to", "quantity"];

const state = {
  lang: localStorage.getItem("marsad.lang") || "en",
  i18n: null,
  map: null, // the governorates GeoJSON
  filters: {}, // the form's filters, without the timeline's window
  window: null, // [since, until] picked on the timeline
  events: [],
  timeline: null, // the last /api/timeline answer, redrawn when the language changes
  shown: 0,
  focus: null, // the record whose marks alone are shown on the event page
  actors: new Map(), // id → {name, name_ar, events}: the catalog's names in both languages
  stats: null,
};

// --- small helpers -------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  return node;
}

function t(key, values) {
  const table = state.i18n ? state.i18n[state.lang] : null;
  let text = table && typeof table[key] === "string" ? table[key] : key;
  for (const [name, value] of Object.entries(values || {})) text = text.replace(`{${name}}`, value);
  return text;
}

function label(group, key) {
  const table = state.i18n ? state.i18n[state.lang][group] : null;
  return (table && table[key]) || key;
}

function say(message) {
  document.getElementById("status-line").textContent = message || "";
}

async function getJSON(url) {
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (_) { /* not JSON */ }
    throw new Error(`${response.status} ${detail}`);
  }
  return response.json();
}

function query(extra) {
  const params = new URLSearchParams();
  const all = Object.assign({}, state.filters, extra || {});
  for (const [key, value] of Object.entries(all)) {
    if (value !== "" && value !== null && value !== undefined) params.set(key, value);
  }
  return params;
}

function placeName(location) {
  if (!location) return t("unknown");
  return state.lang === "ar" && location.name_ar ? location.name_ar : location.name;
}

function govName(admin1) {
  if (!admin1 || !state.map) return admin1 || "";
  const feature = state.map.features.find((f) => f.properties.NAME_EN === admin1);
  if (!feature) return admin1;
  return state.lang === "ar" ? feature.properties.NAME_AR : feature.properties.NAME_EN;
}

function dateText(date) {
  if (!date) return t("undated");
  return date.start === date.end ? date.start : `${date.start} – ${date.end}`;
}

function sourcesText(n) {
  return n === 1 ? t("one_source") : t("n_sources", { n });
}

function listSep() {
  return state.lang === "ar" ? "، " : ", ";
}

function actorName(actor) {
  if (!actor) return t("unknown");
  const known = state.actors.get(actor.id);
  return state.lang === "ar" && known && known.name_ar ? known.name_ar : actor.name;
}

function arrow() {
  return state.lang === "ar" ? " ← " : " → ";
}

// --- language ------------------------------------------------------------------------------

function applyLanguage() {
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  document.title = t("title");
  fillSelects();
  drawLegend();
}

function switchLanguage() {
  state.lang = state.lang === "ar" ? "en" : "ar";
  localStorage.setItem("marsad.lang", state.lang);
  applyLanguage();
  drawCounts();
  route();
}

// --- filters -------------------------------------------------------------------------------

function fillSelect(select, values, render) {
  const current = select.value;
  select.replaceChildren(el("option", { value: "", text: t("any") }));
  for (const value of values) select.append(el("option", { value, text: render(value) }));
  select.value = current;
}

function fillSelects() {
  const form = document.getElementById("filter-form");
  const stats = state.stats || { events_by_action: {}, events_by_admin1: {} };
  fillSelect(form.elements.action, Object.keys(stats.events_by_action).sort(), (a) =>
    `${label("actions", a)} (${stats.events_by_action[a]})`);
  // Every governorate of the map (a click on one must be a valid choice), and any other admin1.
  const govs = new Set(Object.keys(stats.events_by_admin1).filter(Boolean));
  for (const feature of (state.map ? state.map.features : [])) govs.add(feature.properties.NAME_EN);
  fillSelect(form.elements.admin1, [...govs].sort((a, b) => govName(a).localeCompare(govName(b), state.lang)),
    (a) => `${govName(a)} (${stats.events_by_admin1[a] || 0})`);
  const choices = document.getElementById("actor-list");
  choices.replaceChildren();
  for (const actor of state.actors.values()) {
    choices.append(el("option", { value: actor.id, label: `${actorName(actor)} (${actor.events})` }));
  }
  fillSelect(form.elements.status, ["occurred", "denied", "planned", "negated"], (s) => label("statuses", s));
}

function readForm() {
  const form = document.getElementById("filter-form");
  const data = new FormData(form);
  state.filters = {};
  for (const [key, value] of data.entries()) if (value) state.filters[key] = value;
  state.window = null;
}

// --- loading -------------------------------------------------------------------------------

async function loadEvents() {
  say(t("loading"));
  const extra = state.window ? { since: state.window[0], until: state.window[1] } : {};
  const events = [];
  try {
    for (let offset = 0; ; offset += PAGE) {
      const page = await getJSON(`/api/events?${query(Object.assign({ limit: PAGE, offset }, extra))}`);
      events.push(...page.items);
      if (events.length >= page.total || page.items.length === 0) break;
    }
    const timeline = await getJSON(`/api/timeline?${query()}`);
    state.events = events;
    state.timeline = timeline;
    state.shown = 0;
    drawMap();
    drawTimeline(timeline);
    drawList();
    say("");
  } catch (error) {
    say(t("error", { msg: error.message }));
  }
}

function drawCounts() {
  const node = document.getElementById("counts");
  if (!state.stats) return;
  const c = state.stats.counts;
  node.textContent = t("counts", {
    articles: c.articles, claims: c.claims, events: c.events, failures: c.failures,
  });
}

// --- map -----------------------------------------------------------------------------------

function projection() {
  // Equirectangular, longitudes shrunk by cos(mean latitude) so Syria keeps its shape.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of state.map.features) {
    for (const ring of rings(feature.geometry)) {
      for (const [x, y] of ring) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const scale = 1000 / ((maxX - minX) * k);
  const pad = 10;
  return {
    width: 1000 + 2 * pad,
    height: (maxY - minY) * scale + 2 * pad,
    point: (lon, lat) => [pad + (lon - minX) * k * scale, pad + (maxY - lat) * scale],
  };
}

function rings(geometry) {
  if (geometry.type === "Polygon") return geometry.coordinates;
  if (geometry.type === "MultiPolygon") return geometry.coordinates.flat();
  return [];
}

function drawMap() {
  const map = document.getElementById("map");
  map.replaceChildren();
  if (!state.map) return;
  const proj = projection();
  map.setAttribute("viewBox", `0 0 ${proj.width.toFixed(0)} ${proj.height.toFixed(0)}`);
  const selected = state.filters.admin1 || "";
  for (const feature of state.map.features) {
    const d = rings(feature.geometry).map((ring) =>
      "M" + ring.map(([x, y]) => proj.point(x, y).map((v) => v.toFixed(1)).join(",")).join("L") + "Z"
    ).join("");
    const name = feature.properties.NAME_EN;
    const path = svg("path", { d, class: "gov" + (name === selected ? " selected" : "") });
    const title = svg("title", {});
    title.textContent = state.lang === "ar" ? feature.properties.NAME_AR : name;
    path.append(title);
    path.addEventListener("click", () => pickGovernorate(name === selected ? "" : name));
    map.append(path);
  }
  // Points: bigger for more independent sources; a dark ring marks disputed events.
  for (const event of state.events) {
    const loc = event.location;
    if (!loc || loc.lat === null || loc.lon === null) continue;
    const [x, y] = proj.point(loc.lon, loc.lat);
    const r = 4 + 3 * Math.sqrt(event.independent_sources || 1);
    const dot = svg("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1),
      fill: TYPE_COLOURS[event.event_type] || OTHER_COLOUR,
      class: "ev" + (event.disputes.length ? " disputed" : ""),
    });
    const title = svg("title", {});
    title.textContent = `${label("actions", event.action)} · ${placeName(loc)} · ${dateText(event.date)}`;
    dot.append(title);
    dot.addEventListener("click", () => { location.hash = `#event/${event.id}`; });
    map.append(dot);
  }
}

function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  const names = {
    en: Object.keys(TYPE_COLOURS),
    ar: ["معارك", "انفجارات وعنف عن بعد", "عنف ضد المدنيين", "احتجاجات", "أعمال شغب", "تطورات استراتيجية"],
  };
  Object.values(TYPE_COLOURS).forEach((colour, i) => {
    legend.append(el("span", { class: "dot", style: `background:${colour}` }), names[state.lang][i]);
  });
  const marks = document.getElementById("mark-legend");
  marks.replaceChildren();
  for (const [cls, key] of [["m-evidence", "mark_evidence"], ["m-trigger", "mark_trigger"],
    ["m-actor1", "mark_actor"], ["m-location", "mark_place"], ["m-date", "mark_date"],
    ["m-attributed_to", "mark_source"], ["m-quantity", "mark_quantity"]]) {
    marks.append(el("span", { class: cls, text: t(key) }), " ");
  }
}

function pickGovernorate(name) {
  const form = document.getElementById("filter-form");
  form.elements.admin1.value = name;
  readForm();
  loadEvents();
}

// --- timeline ------------------------------------------------------------------------------

const DAY = 86400000;

function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY); }
function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

function trimOutliers(days) {
  // A report that recalls a decades-old event would squeeze every recent day into one pixel:
  // when the earliest 2% of events stretch the axis over four times, leave them off the chart
  // (the axis says how many; the list still has them).
  const total = days.reduce((n, d) => n + d.events, 0);
  let seen = 0;
  let cut = 0;
  while (cut < days.length - 1 && seen + days[cut].events <= total * 0.02) seen += days[cut++].events;
  const full = dayNumber(days[days.length - 1].date) - (days.length ? dayNumber(days[0].date) : 0);
  const kept = days.length ? dayNumber(days[days.length - 1].date) - dayNumber(days[cut].date) : 0;
  if (cut === 0 || full < 365 || kept * 4 > full) return [days, 0];
  return [days.slice(cut), seen];
}

function drawTimeline(timeline) {
  const chart = document.getElementById("timeline");
  const axis = document.getElementById("timeline-axis");
  chart.replaceChildren();
  axis.replaceChildren();
  const [days, earlier] = trimOutliers(timeline.days);
  if (!days.length) return;
  const first = dayNumber(days[0].date);
  const last = dayNumber(days[days.length - 1].date);
  const span = last - first + 1;
  const width = 1000 / span;
  const top = Math.max(...days.map((d) => d.events));
  const inWindow = (day) => !state.window ||
    (day >= dayNumber(state.window[0]) && day <= dayNumber(state.window[1]));
  for (const { date, events } of days) {
    const day = dayNumber(date);
    const h = Math.max(2, (events / top) * 110);
    const bar = svg("rect", {
      x: ((day - first) * width).toFixed(2), y: (120 - h).toFixed(2),
      width: Math.max(1, width * 0.9).toFixed(2), height: h.toFixed(2),
      class: "bar" + (inWindow(day) ? "" : " out"),
    });
    const title = svg("title", {});
    title.textContent = `${date}: ${events}`;
    bar.append(title);
    chart.append(bar);
  }
  axis.append(
    el("span", { text: days[0].date + (earlier ? ` (${t("earlier", { n: earlier })})` : "") }),
    el("span", { text: days[days.length - 1].date }));
  if (state.window) {
    const a = (dayNumber(state.window[0]) - first) * width;
    const b = (dayNumber(state.window[1]) - first + 1) * width;
    chart.append(svg("rect", { x: a, y: 0, width: Math.max(1, b - a), height: 120, class: "brush" }));
  }
  chart.onpointerdown = (down) => brush(down, chart, first, span);
}

function brush(down, chart, first, span) {
  down.preventDefault();
  const box = chart.getBoundingClientRect();
  const dayAt = (clientX) => first + Math.min(span - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * span)));
  const start = dayAt(down.clientX);
  const shade = svg("rect", { x: 0, y: 0, width: 0, height: 120, class: "brush" });
  chart.append(shade);
  let end = start;
  const move = (ev) => {
    end = dayAt(ev.clientX);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    shade.setAttribute("x", ((a - first) * 1000 / span).toFixed(2));
    shade.setAttribute("width", ((b - a + 1) * 1000 / span).toFixed(2));
  };
  const up = (ev) => {
    window.removeEventListener("pointermove", move);
    window.removeEventListener("pointerup", up);
    end = dayAt(ev.clientX);
    const moved = Math.abs(ev.clientX - down.clientX) > 3;
    state.window = moved ? [isoOf(Math.min(start, end)), isoOf(Math.max(start, end))] : null;
    loadEvents();
  };
  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", up);
}

// --- list ----------------------------------------------------------------------------------

function drawList() {
  const list = document.getElementById("event-list");
  const more = document.getElementById("more");
  if (state.shown === 0) list.replaceChildren();
  document.getElementById("n-events").textContent = t("n_events", { n: state.events.length });
  if (!state.events.length) list.append(el("li", { class: "muted", text: t("no_events") }));
  const next = state.events.slice(state.shown, state.shown + LIST_STEP);
  for (const event of next) {
    const actors = [event.actor1, event.actor2].filter(Boolean).map(actorName).join(arrow());
    const place = event.location
      ? [placeName(event.location), govName(event.location.admin1)].filter(Boolean).join(listSep())
      : t("unknown");
    list.append(el("li", { "data-id": event.id, onclick: () => { location.hash = `#event/${event.id}`; } },
      el("div", { class: "what" },
        label("actions", event.action),
        event.status !== "occurred" ? el("span", { class: "badge status", text: label("statuses", event.status) }) : null,
        el("span", { class: "badge sources", text: sourcesText(event.independent_sources) }),
        event.disputes.length ? el("span", { class: "badge disputed", text: t("disputed") }) : null),
      el("div", { class: "meta" }, `${dateText(event.date)} · ${place}`),
      actors ? el("div", { class: "meta" }, actors) : null));
  }
  state.shown += next.length;
  more.hidden = state.shown >= state.events.length;
}

// --- event page ----------------------------------------------------------------------------

function fieldOfDispute(field) {
  return field.startsWith("quantities.") ? "quantities" : field;
}

function quantityText(quantities) {
  if (!quantities || !quantities.length) return t("unknown");
  return quantities.map((q) => `${q.qualifier ? q.qualifier + " " : ""}${q.value} ${q.unit}${q.item ? " (" + q.item + ")" : ""}`).join("; ");
}

const ROWS = [
  ["outlet", (r) => (r.article && r.article.outlet) || t("unknown")],
  ["published", (r) => (r.article && r.article.published) || t("unknown")],
  ["attributed", (r) => (r.attributed_to ? r.attributed_to.name : t("unknown")), "attributed_to"],
  ["status", (r) => label("statuses", r.status), "status"],
  ["actor1", (r) => actorName(r.actor1), "actor1"],
  ["actor2", (r) => actorName(r.actor2), "actor2"],
  ["place", (r) => (r.location ? placeName(r.location) + (r.location.admin1 ? ` (${govName(r.location.admin1)})` : "") : t("unknown")), "location"],
  ["date", (r) => dateText(r.date), "date"],
  ["fatalities", (r) => (r.fatalities === null ? t("unknown") : String(r.fatalities)), "fatalities"],
  ["quantities", (r) => quantityText(r.quantities), "quantities"],
  ["confidence", (r) => r.confidence.toFixed(2)],
];

async function showEvent(id) {
  say(t("loading"));
  let detail;
  try {
    detail = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    say(t("error", { msg: error.message }));
    return;
  }
  const event = detail.event;
  state.focus = null;
  const disputed = new Set(detail.disputed_fields.map(fieldOfDispute));
  const summary = document.getElementById("event-summary");
  summary.replaceChildren(
    el("h2", {}, `${label("actions", event.action)} · ${placeName(event.location)} · ${dateText(event.date)}`),
    el("p", {},
      [event.actor1, event.actor2].filter(Boolean).map(actorName).join(arrow()) || t("unknown"),
      el("span", { class: "badge status", text: label("statuses", event.status) }),
      el("span", { class: "badge sources", text: sourcesText(event.independent_sources) })),
    el("p", { class: "muted" }, `${t("sources")}: ${event.outlets.join(listSep())}`,
      event.attributed_to.length ? ` · ${t("attributed")}: ${event.attributed_to.join(listSep())}` : ""),
    detail.story ? el("p", { class: "muted" }, `${t("story")}: ${detail.story.title}`) : "");

  // One column per record: the sources side by side, disputed rows highlighted.
  const table = document.getElementById("side-by-side");
  const head = el("tr", {}, el("th", {}));
  const outlets = detail.records.map((r) => (r.article && r.article.outlet) || r.article_id);
  detail.records.forEach((record, i) => {
    // Two records of one outlet (two sources in one report) are told apart by their order.
    const twice = outlets.filter((o) => o === outlets[i]).length > 1;
    head.append(el("th", { scope: "col", class: "record-head", title: record.id,
      onclick: () => focusRecord(record.id) }, twice ? `${outlets[i]} (${i + 1})` : outlets[i]));
  });
  table.replaceChildren(el("thead", {}, head));
  const body = el("tbody", {});
  for (const [key, render, field] of ROWS) {
    const row = el("tr", { class: field && disputed.has(field) ? "disputed" : null },
      el("th", { scope: "row", text: t(key) }));
    for (const record of detail.records) row.append(el("td", { dir: "auto" }, render(record)));
    body.append(row);
  }
  const evidence = el("tr", {}, el("th", { scope: "row", text: t("evidence") }));
  for (const record of detail.records) evidence.append(el("td", { class: "evidence ar", dir: "rtl", text: record.evidence.text }));
  body.append(evidence);
  table.append(body);

  const disputes = document.getElementById("disputes");
  disputes.replaceChildren(el("h3", { text: t("disputes") }));
  if (!event.disputes.length) disputes.append(el("p", { class: "muted", text: t("no_disputes") }));
  const list = el("ul", {});
  // Actor disputes give catalog ids: show the names the records carry.
  const names = new Map();
  for (const r of detail.records) for (const a of [r.actor1, r.actor2]) if (a) names.set(a.id, actorName(a));
  for (const dispute of event.disputes) {
    const values = dispute.values.map((v) =>
      `${names.get(v.value) || v.value}${v.qualifier ? " " + v.qualifier : ""} (${t("attributed")}: ${v.sources.join(listSep())})`);
    list.append(el("li", { dir: "auto" }, `${label("fields", fieldOfDispute(dispute.field))} [${dispute.field}]: ${values.join(" | ")}`));
  }
  disputes.append(list);

  // Each report once, with the spans of this event's records marked in its text.
  const articles = document.getElementById("articles");
  articles.replaceChildren();
  const byArticle = new Map();
  for (const record of detail.records) {
    if (!byArticle.has(record.article_id)) byArticle.set(record.article_id, []);
    byArticle.get(record.article_id).push(...record.spans);
  }
  for (const [articleId, spans] of byArticle) {
    try {
      const found = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
      const a = found.article;
      articles.append(el("article", { class: "article" },
        el("h3", { dir: "auto" }, a.title || a.id),
        el("p", { class: "muted" }, [a.outlet, a.published].filter(Boolean).join(" · "),
          a.url ? el("a", { href: a.url, rel: "noopener noreferrer", text: " ↗" }) : null),
        markedText(a.text, spans)));
    } catch (error) {
      articles.append(el("p", { text: t("error", { msg: error.message }) }));
    }
  }
  say("");
}

function focusRecord(id) {
  // A click on a source's column keeps only that record's marks; a second click shows all.
  state.focus = state.focus === id ? null : id;
  for (const piece of document.querySelectorAll("#articles [data-records]")) {
    piece.classList.toggle("dim", Boolean(state.focus) && !piece.dataset.records.split(" ").includes(state.focus));
  }
  for (const head of document.querySelectorAll("#side-by-side th.record-head")) {
    head.classList.toggle("focus", head.title === state.focus);
  }
}

function markedText(text, spans) {
  // Cut the text at every span edge; each piece carries the classes of the spans covering it,
  // so nested and overlapping spans (a trigger inside the evidence) all show.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const node = el("div", { class: "text", dir: "rtl", lang: "ar" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b && MARK_ROLES.includes(s.role));
    const roles = new Set(covering.map((s) => s.role));
    const records = [...new Set(covering.map((s) => s.record_id))].join(" ");
    const piece = text.slice(a, b);
    if (!roles.size) node.append(piece);
    else node.append(el("span", { class: [...roles].map((r) => "m-" + r).join(" "), "data-start": a, "data-records": records, text: piece }));
  }
  return node;
}

// --- routing -------------------------------------------------------------------------------

function route() {
  const match = location.hash.match(/^#event\/(.+)$/);
  document.getElementById("overview").hidden = Boolean(match);
  document.getElementById("event-page").hidden = !match;
  if (match) showEvent(decodeURIComponent(match[1]));
  else {
    drawMap();
    if (state.timeline) drawTimeline(state.timeline);
    state.shown = 0;
    drawList();
  }
}

async function start() {
  try {
    let actors;
    [state.i18n, state.map, state.stats, actors] = await Promise.all([
      getJSON("/static/i18n.json"),
      getJSON("/static/syria-admin1.geojson"),
      getJSON("/api/stats"),
      getJSON("/api/actors"),
    ]);
    state.actors = new Map(actors.map((a) => [a.id, a]));
  } catch (error) {
    say(`Could not load: ${error.message}`);
    return;
  }
  applyLanguage();
  drawCounts();
  document.getElementById("lang").addEventListener("click", switchLanguage);
  const form = document.getElementById("filter-form");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); readForm(); loadEvents(); });
  form.addEventListener("reset", () => setTimeout(() => { readForm(); loadEvents(); }, 0));
  document.getElementById("more").addEventListener("click", drawList);
  window.addEventListener("hashchange", route);
  await loadEvents();
  route();
}

start();
