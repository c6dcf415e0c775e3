// Newsflow live page. Every field from the server is rendered with textContent or as an attribute
// value on elements made here, never as HTML, so an article's title cannot inject markup.
"use strict";

const state = { articles: [], topicFilter: "", entityFilter: "" };
const MAX_SHOWN = 100;
const $ = (id) => document.getElementById(id);

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) {
    return null;
  }
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

function matches(article) {
  if (state.topicFilter && !article.topics.some((t) => t.id === state.topicFilter)) return false;
  if (state.entityFilter) {
    const wanted = state.entityFilter.toLowerCase();
    if (!article.entities.some((e) => e.id.toLowerCase().includes(wanted))) return false;
  }
  return true;
}

function articleItem(a, fresh) {
  const li = el("li", { "data-id": a.id });
  if (fresh) li.className = "fresh";
  const href = safeUrl(a.url);
  const title = href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, a.title) : el("strong", {}, a.title);
  li.append(title);
  const meta = [a.feed, a.language ? a.language.toUpperCase() : "?", time(a.publishedAt)];
  if (a.version > 1) meta.push("update v" + a.version);
  li.append(el("div", { class: "meta" }, meta.filter(Boolean).join(" · ")));
  if (a.summary) li.append(el("p", { class: "summary" }, a.summary));
  const chips = el("div", { class: "chips" });
  for (const t of a.topics) {
    const chip = el("button", { class: "chip topic", "data-topic": t.id, title: "show only " + t.label }, t.label);
    chip.addEventListener("click", () => setTopic(t.id));
    chips.append(chip);
  }
  for (const e of a.entities) {
    const chip = el("button", { class: "chip entity", title: e.label }, e.id);
    chip.addEventListener("click", () => { $("entity-filter").value = e.id; state.entityFilter = e.id; render(); });
    chips.append(chip);
  }
  li.append(chips);
  return li;
}

function render(freshId) {
  const list = $("articles");
  list.replaceChildren(...state.articles.filter(matches).slice(0, MAX_SHOWN)
    .map((a) => articleItem(a, a.id === freshId)));
  const known = new Map();
  for (const a of state.articles) for (const t of a.topics) known.set(t.id, t.label);
  const select = $("topic-filter");
  const current = select.value;
  select.replaceChildren(el("option", { value: "" }, "all"),
    ...[...known.entries()].sort((x, y) => x[1].localeCompare(y[1])).map(([id, label]) => el("option", { value: id }, label)));
  select.value = known.has(current) ? current : "";
}

function setTopic(id) {
  state.topicFilter = id;
  render();
  $("topic-filter").value = id;
}

function addArticle(a) {
  state.articles = [a, ...state.articles.filter((x) => x.id !== a.id)].slice(0, 500);
  render(a.id);
}

function drawPerMinute(perMinute) {
  const chart = $("per-minute");
  const max = Math.max(1, ...perMinute.map((m) => m.count));
  const w = 300 / perMinute.length;
  chart.replaceChildren(...perMinute.map((m, i) => {
    const h = (m.count / max) * 56;
    const bar = svg("rect", { x: i * w + 1, y: 60 - h, width: w - 2, height: h, fill: "#3b6fd6" });
    bar.append(svg("title", {}, new Date(m.minute).toLocaleTimeString() + ": " + m.count));
    return bar;
  }));
}

function drawTrending(trending) {
  const chart = $("trending");
  const rowH = 20, width = 300, labelW = 130;
  chart.setAttribute("viewBox", `0 0 ${width} ${Math.max(rowH, trending.length * rowH)}`);
  chart.style.height = Math.max(rowH, trending.length * rowH) + "px";
  const max = Math.max(1, ...trending.map((t) => t.count));
  const rows = trending.map((t, i) => {
    const g = svg("g", { transform: `translate(0 ${i * rowH})` });
    g.append(svg("text", { x: 0, y: 14, "font-size": 11 }, (t.kind === "topic" ? "# " : "") + t.tag));
    const barW = ((width - labelW - 30) * t.count) / max;
    g.append(svg("rect", { x: labelW, y: 3, width: barW, height: 14, fill: t.kind === "topic" ? "#3b6fd6" : "#5c9e4a" }));
    g.append(svg("text", { x: labelW + barW + 4, y: 14, "font-size": 11 }, t.count));
    return g;
  });
  chart.replaceChildren(...rows);
}

function drawFeeds(feeds) {
  $("feeds").tBodies[0].replaceChildren(...feeds.map((f) => {
    const tr = el("tr");
    tr.append(el("td", {}, f.feedUrl));
    tr.append(el("td", { class: "status-" + f.outcome }, f.outcome + (f.httpStatus ? " " + f.httpStatus : "")
      + (f.error ? ": " + f.error : "")));
    tr.append(el("td", {}, time(f.polledAt)));
    tr.append(el("td", {}, f.consecutiveFailures));
    tr.append(el("td", {}, time(f.nextPollAt)));
    return tr;
  }));
}

function showStats(s) {
  $("rate").textContent = s.articlesPerMinute.toFixed(1);
  $("lag").textContent = Object.entries(s.lag).map(([g, n]) => g + " lag " + n).join(" · ");
  drawPerMinute(s.perMinute);
  drawTrending(s.trending);
  drawFeeds(s.feeds);
}

async function start() {
  $("topic-filter").addEventListener("change", (e) => { state.topicFilter = e.target.value; render(); });
  $("entity-filter").addEventListener("input", (e) => { state.entityFilter = e.target.value.trim(); render(); });
  const snapshot = await (await fetch("/api/snapshot")).json();
  state.articles = snapshot.latest;
  render();
  showStats(snapshot);
  const events = new EventSource("/events");
  events.addEventListener("open", () => { $("connection").textContent = "live"; $("connection").className = "live on"; });
  events.addEventListener("error", () => { $("connection").textContent = "reconnecting…"; $("connection").className = "live"; });
  events.addEventListener("article", (e) => addArticle(JSON.parse(e.data)));
  events.addEventListener("stats", (e) => showStats(JSON.parse(e.data)));
}

start();
