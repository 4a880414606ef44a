// Rasd dashboard: a hash-routed single page over the JSON API (/api/...).
// No framework and no CDN: it must work on an offline analyst machine.
// Every text from the API reaches the page through esc() (or textContent):
// the Content-Security-Policy forbids inline script, this keeps markup out.
"use strict";

const view = document.getElementById("view");

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}
async function api(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}
const entityLink = (id, label) => id ? `<a href="#/entity/${encodeURIComponent(id)}">${esc(label || id)}</a>` : "—";
const pill = (e) => `<a class="pill type-${esc(e.type)}" href="#/entity/${encodeURIComponent(e.id)}">${esc(e.name)}</a>`;

const routes = {
  "": showStories,
  "story": showStory,
  "entities": showEntities,
  "entity": showEntity,
  "article": showArticle,
  "graph": showGraph,
  "timeline": showTimeline,
  "search": showSearch,
};

async function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const arg = decodeURIComponent(rest.join("/"));
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.getAttribute("href") === `#/${name}`));
  view.innerHTML = `<p class="empty">Loading…</p>`;
  try {
    await (routes[name] || showStories)(arg);
  } catch (err) {
    view.innerHTML = `<p class="empty">${esc(err.message)}</p>`;
  }
}

async function showStories() {
  const stories = await api("/api/stories?limit=200");
  view.innerHTML = `<h1>Stories</h1>` + (stories.length ? stories.map(s => `
    <div class="card">
      <div class="ar"><a href="#/story/${encodeURIComponent(s.id)}">${esc(s.label)}</a></div>
      <div class="meta">${esc(s.first_seen || "undated")}${s.last_seen && s.last_seen !== s.first_seen ? " → " + esc(s.last_seen) : ""}
        · ${s.articles.length} article(s) · ${esc((s.outlets || []).join(", ") || "unknown outlet")}</div>
      <div>${(s.entities || []).map(pill).join("")}</div>
      ${keyEvents(s.key_events || [])}
    </div>`).join("") : `<p class="empty">No stories yet: run <code>rasd analyze</code>.</p>`);
}

// "CONSULT: Faisal bin Farhan → Badr Abdelatty (3)": what the story is about, in one line.
function keyEvents(events) {
  if (!events.length) return "";
  return `<div class="meta">${events.map(e => `${esc(e.type)}: ${entityLink(e.actor, e.actor_name)}` +
    `${e.target ? " → " + entityLink(e.target, e.target_name) : ""} (${e.articles})`).join(" · ")}</div>`;
}

async function showStory(id) {
  const s = await api(`/api/stories/${encodeURIComponent(id)}`);
  view.innerHTML = `<h1 class="ar">${esc(s.label)}</h1>
    <div>${(s.entities || []).map(pill).join("")}</div>
    <h2>Articles</h2>${s.articles.map(articleCard).join("")}
    <h2>Events</h2>${eventsTable(s.events || [])}`;
}

function articleCard(a) {
  return `<div class="card"><div class="ar"><a href="#/article/${encodeURIComponent(a.id)}">${esc(a.title || "(untitled)")}</a></div>
    <div class="meta">${esc(a.outlet || "unknown outlet")} · ${esc(a.published || "undated")}</div>
    ${a.text ? `<div class="ar">${marked(a.text, a.highlights || [])}</div>` : ""}</div>`;
}

// A search snippet from its plain text and hit offsets, every piece through esc():
// the page never trusts HTML from the server, not even the API's own <mark>s.
function marked(text, spans) {
  let out = "", pos = 0;
  for (const [s, e] of spans) {
    if (s < pos || e > text.length) continue;
    out += esc(text.slice(pos, s)) + "<mark>" + esc(text.slice(s, e)) + "</mark>";
    pos = e;
  }
  return out + esc(text.slice(pos));
}

function eventsTable(events) {
  if (!events.length) return `<p class="empty">No events.</p>`;
  return `<table><tr><th>Date</th><th>Type</th><th>Actor</th><th>Target</th><th>Place</th><th>Evidence</th></tr>` +
    events.map(e => `<tr><td>${esc(e.date || "")}</td><td>${esc(e.type)}${e.mode ? " / " + esc(e.mode) : ""}${e.negated ? " (negated)" : ""}${e.hypothetical ? " (hypothetical)" : ""}</td>
      <td>${entityLink(e.actor, e.actor_name)}</td><td>${entityLink(e.target, e.target_name)}</td>
      <td>${entityLink(e.location, e.location_name)}</td><td class="ar">${esc(e.evidence)}</td></tr>`).join("") + `</table>`;
}

async function showEntities() {
  const ents = await api("/api/entities?limit=300");
  view.innerHTML = `<h1>Entities</h1><table><tr><th>Name</th><th>Arabic</th><th>Type</th><th>Articles</th><th>Wikidata</th></tr>` +
    ents.map(e => `<tr><td>${entityLink(e.id, e.name)}</td><td class="ar">${esc(e.name_ar)}</td><td>${esc(e.type)}</td><td>${esc(e.articles)}</td>
      <td>${e.wikidata ? esc(e.wikidata) : ""}</td></tr>`).join("") + `</table>`;
}

async function showEntity(id) {
  const e = await api(`/api/entities/${encodeURIComponent(id)}`);
  const events = await api(`/api/events?actor=${encodeURIComponent(e.id)}&limit=200`);
  const targeted = await api(`/api/events?target=${encodeURIComponent(e.id)}&limit=200`);
  view.innerHTML = `<h1>${esc(e.name)} <span class="ar">${esc(e.name_ar)}</span> <span class="pill type-${esc(e.type)}">${esc(e.type)}</span></h1>
    <div class="meta">${e.wikidata ? "Wikidata " + esc(e.wikidata) + " · " : ""}${e.country ? "country " + esc(e.country) : ""}</div>
    <h2>Spellings seen</h2><div class="ar">${(e.spellings || []).map(s => `<span class="pill">${esc(s)}</span>`).join("") || "—"}</div>
    ${(e.roles || []).length ? `<h2>Roles</h2><ul>${e.roles.map(r => `<li>${esc(r.role)}${r.of ? " (" + esc(r.of) + ")" : ""}: ${esc(r.start || "?")} → ${esc(r.end || "present")}</li>`).join("")}</ul>` : ""}
    <h2>Events as actor</h2>${eventsTable(events)}
    <h2>Events as target</h2>${eventsTable(targeted)}
    <h2>Articles</h2>${(e.articles || []).map(articleCard).join("") || `<p class="empty">None.</p>`}`;
}

async function showArticle(id) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  const ents = Object.fromEntries((a.entities || []).map(e => [e.id, e]));
  view.innerHTML = `<h1 class="ar">${esc(a.title || "(untitled)")}</h1>
    <div class="meta">${esc(a.source?.outlet || "unknown outlet")} · ${esc(a.published || "undated")}
      ${(a.agencies || []).length ? " · via " + esc(a.agencies.join(", ")) : ""}${a.story ? ` · <a href="#/story/${encodeURIComponent(a.story)}">story</a>` : ""}</div>
    <div>${(a.entities || []).map(pill).join("")}</div>
    <div class="card ar">${highlight(a.body, a.mentions || [], ents)}</div>
    <h2>Events</h2>${eventsTable((a.events || []).map(e => ({...e, actor_name: ents[e.actor]?.name, target_name: ents[e.target]?.name, location_name: ents[e.location]?.name})))}
    <h2>Quotes</h2>${(a.quotes || []).map(q => `<div class="card"><div class="meta">${entityLink(q.speaker, ents[q.speaker]?.name || "unknown speaker")}</div><div class="ar">«${esc(q.text)}»</div></div>`).join("") || `<p class="empty">None.</p>`}`;
}

function highlight(body, mentions, ents) {
  let out = "", pos = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < pos) continue;
    out += esc(body.slice(pos, m.start));
    const title = m.entity && ents[m.entity] ? ents[m.entity].name : m.type;
    out += `<a class="pill type-${esc(m.type)}" title="${esc(title)}" href="${m.entity ? "#/entity/" + encodeURIComponent(m.entity) : "#"}">${esc(body.slice(m.start, m.end))}</a>`;
    pos = m.end;
  }
  return (out + esc(body.slice(pos))).replace(/\n\n+/g, "<br><br>");
}

async function showSearch(q) {
  document.getElementById("q").value = q;
  const hits = await api(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  view.innerHTML = `<h1>Search: <span class="ar">${esc(q)}</span></h1>` + (hits.map(articleCard).join("") || `<p class="empty">No match.</p>`);
}

async function showGraph() {
  const g = await api("/api/graph?limit=60");
  const W = 1060, H = 640;
  if (!g.nodes.length) { view.innerHTML = `<h1>Relations</h1><p class="empty">No events yet.</p>`; return; }
  // Fruchterman–Reingold layout: repulsion k²/d, attraction d²/k, moves capped by a cooling temperature.
  const nodes = g.nodes.map((n, i) => ({...n, x: W / 2 + (W / 3) * Math.cos(2 * Math.PI * i / g.nodes.length), y: H / 2 + (H / 3) * Math.sin(2 * Math.PI * i / g.nodes.length)}));
  const byId = Object.fromEntries(nodes.map(n => [n.id, n]));
  const edges = g.edges.filter(e => byId[e.source] && byId[e.target]);
  const k = Math.sqrt((W * H) / nodes.length) * 0.4;
  for (let step = 0, temp = W / 8; step < 250; step++, temp *= 0.98) {
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy)), f = k * k / d;
      a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
    }
    for (const e of edges) {
      const a = byId[e.source], b = byId[e.target], dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy)), f = d * d / k;
      a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
    }
    for (const n of nodes) {
      n.dx += (W / 2 - n.x) * 0.3; n.dy += (H / 2 - n.y) * 0.3;  // gravity keeps islands on screen
      const d = Math.max(1, Math.hypot(n.dx, n.dy)), m = Math.min(d, temp);
      n.x = Math.max(40, Math.min(W - 140, n.x + n.dx / d * m)); n.y = Math.max(20, Math.min(H - 20, n.y + n.dy / d * m));
    }
  }
  const maxW = Math.max(...edges.map(e => e.weight), 1);
  view.innerHTML = `<h1>Relations</h1><p class="meta">Entities linked by coded events (line width = number of events; hover for types).</p>
    <svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Relation graph">
    ${edges.map(e => `<line x1="${byId[e.source].x}" y1="${byId[e.source].y}" x2="${byId[e.target].x}" y2="${byId[e.target].y}" stroke="#8aa" stroke-width="${1 + 5 * e.weight / maxW}"><title>${esc(Object.entries(e.types).map(([t, c]) => t + " ×" + c).join(", "))}</title></line>`).join("")}
    ${nodes.map(n => `<a href="#/entity/${encodeURIComponent(n.id)}"><circle cx="${n.x}" cy="${n.y}" r="${5 + Math.min(12, Math.sqrt(n.events))}" fill="${{PER: "#2a4fb0", ORG: "#a25a12", GPE: "#1e7a3a", LOC: "#1e7a3a"}[n.type] || "#6b3fa0"}"><title>${esc(n.name)}</title></circle>
      <text x="${n.x + 9}" y="${n.y + 4}">${esc(n.name)}</text></a>`).join("")}
    </svg>`;
}

async function showTimeline() {
  const t = await api("/api/timeline");
  if (!t.length) { view.innerHTML = `<h1>Timeline</h1><p class="empty">No dated events yet.</p>`; return; }
  const W = 1060, H = 260, max = Math.max(...t.map(d => d.count)), bw = Math.max(2, (W - 60) / t.length - 2);
  view.innerHTML = `<h1>Timeline</h1><p class="meta">Coded events per day (${esc(t[0].date)} → ${esc(t[t.length - 1].date)}).</p>
    <svg viewBox="0 0 ${W} ${H + 40}" width="100%" role="img" aria-label="Events per day">
    ${t.map((d, i) => { const h = (H - 20) * d.count / max, x = 40 + i * (bw + 2);
      return `<rect class="bar" x="${x}" y="${H - h}" width="${bw}" height="${h}"><title>${esc(d.date)}: ${d.count} (${esc(Object.entries(d.types).map(([k, v]) => k + " " + v).join(", "))})</title></rect>`; }).join("")}
    <text x="40" y="${H + 16}">${esc(t[0].date)}</text><text x="${W - 110}" y="${H + 16}">${esc(t[t.length - 1].date)}</text>
    </svg>
    <h2>Days</h2><table><tr><th>Date</th><th>Events</th><th>Types</th></tr>${t.slice().reverse().map(d => `<tr><td>${esc(d.date)}</td><td>${esc(d.count)}</td><td>${esc(Object.entries(d.types).map(([k, v]) => k + " " + v).join(", "))}</td></tr>`).join("")}</table>`;
}

async function showSummary() {
  try {
    const s = await api("/api/summary");
    document.getElementById("summary").textContent =
      `${s.articles} articles · ${s.outlets} outlets · ${s.stories} stories · ${s.date_from || "?"} → ${s.date_to || "?"}`;
  } catch (_) { /* the footer is a nicety */ }
}

document.getElementById("search-form").addEventListener("submit", ev => {
  ev.preventDefault();
  location.hash = "#/search/" + encodeURIComponent(document.getElementById("q").value.trim());
});
window.addEventListener("hashchange", route);
route();
showSummary();
