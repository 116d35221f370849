// The stancekit page: posts the article to /v1/classify as text/plain and
// draws the records it gets back. Plain JavaScript, no build step. Text
// from the article only ever goes into the page as textContent.
"use strict";

const KNOWN = {
  fact: { letter: "F", desc: "what happened, reported" },
  quote: { letter: "Q", desc: "someone's words, attributed" },
  opinion: { letter: "O", desc: "the writer's judgement" },
  appeal: { letter: "A", desc: "the publisher to the reader" },
};
const EXPLAIN = 6;

const $ = (id) => document.getElementById(id);
let labels = ["appeal", "fact", "opinion", "quote"];
let records = [];
let rawJSONL = "";
let articleId = "pasted";

function cls(label) { return KNOWN[label] ? label : "other"; }
function letter(label) { return KNOWN[label] ? KNOWN[label].letter : label.charAt(0).toUpperCase(); }
function pct(x) { return (100 * x).toFixed(x >= 0.995 || x < 0.001 ? 0 : 1) + "%"; }
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
}

async function loadModel() {
  try {
    const r = await fetch("/v1/model");
    if (!r.ok) return;
    const m = await r.json();
    labels = m.labels;
    if (m.name) $("model-name").textContent = "Model: " + m.name + ".";
  } catch (_) { /* the defaults do */ }
}

function setStatus(msg, isError) {
  $("status").textContent = msg;
  $("status").classList.toggle("error", !!isError);
}

async function run() {
  const text = $("article").value;
  if (text.trim() === "") { setStatus("Paste or upload an article first.", true); $("article").focus(); return; }
  articleId = $("article-id").value.trim() || "pasted";
  $("run").disabled = true;
  document.body.dataset.state = "busy";
  setStatus("Labelling…");
  try {
    const r = await fetch("/v1/classify?explain=" + EXPLAIN + "&id=" + encodeURIComponent(articleId), {
      method: "POST",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: text,
    });
    const body = await r.text();
    if (!r.ok) {
      let msg = body;
      try { const e = JSON.parse(body); msg = e.error + (e.line ? " (line " + e.line + ")" : ""); } catch (_) {}
      setStatus("The service answered " + r.status + ": " + msg, true);
      document.body.dataset.state = "error";
      return;
    }
    rawJSONL = body;
    records = body.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
    const bad = records.filter((x) => x.error);
    if (bad.length) {
      setStatus("Could not label the article: " + bad[0].error, true);
      document.body.dataset.state = "error";
      return;
    }
    draw();
    setStatus(records.length + " sentences labelled.");
    document.body.dataset.state = "done";
  } catch (e) {
    setStatus("Request failed: " + e.message, true);
    document.body.dataset.state = "error";
  } finally {
    $("run").disabled = false;
  }
}

function draw() {
  const counts = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const r of records) counts[r.label] = (counts[r.label] || 0) + 1;
  const n = records.length;

  const legend = el("ul", { class: "legend" });
  for (const l of labels) {
    const sw = el("span", { class: "swatch fill-" + cls(l), "aria-hidden": "true" });
    const tag = el("span", { class: "s s-" + cls(l) }, el("b", { class: "tag", text: letter(l) }), l);
    const desc = el("span", { class: "desc", text: (KNOWN[l] ? KNOWN[l].desc + "; " : "") + counts[l] + " (" + pct(n ? counts[l] / n : 0) + ")" });
    legend.append(el("li", {}, sw, tag, desc));
  }
  $("legend").replaceChildren(legend);

  const shares = $("shares");
  shares.replaceChildren();
  const said = [];
  for (const l of labels) {
    if (!counts[l]) continue;
    const share = counts[l] / n;
    const seg = el("span", { class: "fill-" + cls(l), title: l + " " + pct(share), "data-label": l });
    seg.style.width = (100 * share) + "%";
    if (share >= 0.08) seg.append(el("b", { text: letter(l) + " " + pct(share) }));
    shares.append(seg);
    said.push(l + " " + pct(share));
  }
  shares.setAttribute("aria-label", "Label shares: " + said.join(", "));

  // Sentences in paragraphs; a run of appeal sentences is framed as one
  // block (the runs that format=summary reports as appeal_spans).
  const doc = $("doc");
  doc.replaceChildren();
  let block = null, para = null, paraNo = -1, blockLen = 0;
  const closeBlock = () => {
    if (block) block.firstChild.textContent = "Appeal block · " + blockLen + (blockLen === 1 ? " sentence" : " sentences");
    block = null; blockLen = 0;
  };
  records.forEach((r, i) => {
    const inAppeal = r.label === "appeal";
    if (inAppeal && !block) {
      block = el("div", { class: "appeal-block", role: "group" }, el("span", { class: "block-h" }));
      doc.append(block); para = null;
    } else if (!inAppeal && block) {
      closeBlock(); para = null;
    }
    if (!para || r.para !== paraNo) {
      para = el("p");
      (block || doc).append(para);
      paraNo = r.para;
    }
    if (inAppeal) blockLen++;
    const s = el("span", {
      class: "s s-" + cls(r.label), tabindex: "0", role: "button",
      "data-i": String(i), "data-label": r.label,
      "aria-label": r.label + ": " + r.text,
    }, el("b", { class: "tag", "aria-hidden": "true", text: letter(r.label) }), r.text);
    para.append(s, " ");
  });
  closeBlock();
  for (const b of doc.querySelectorAll(".appeal-block")) b.setAttribute("aria-label", b.firstChild.textContent);

  $("detail").replaceChildren(el("p", { class: "muted", text: "Choose a sentence." }));
  $("results").hidden = false;
}

function scoresTable(r) {
  const t = el("table", { class: "scores" });
  const order = Object.entries(r.scores).sort((a, b) => b[1] - a[1]);
  for (const [l, p] of order) {
    const bar = el("span", { class: "bar fill-" + cls(l), "aria-hidden": "true" });
    bar.style.width = Math.max(1, Math.round(80 * p)) + "px";
    t.append(el("tr", {}, el("td", {}, el("b", { text: letter(l) + " " }), l), el("td", { class: "num", text: pct(p) }), el("td", {}, bar)));
  }
  return t;
}

function select(i) {
  const r = records[i];
  for (const e of document.querySelectorAll("#doc .s.selected")) e.classList.remove("selected");
  const node = document.querySelector('#doc .s[data-i="' + i + '"]');
  if (node) node.classList.add("selected");
  const d = $("detail");
  d.replaceChildren(
    el("h3", { text: "Sentence " + (i + 1) + " of " + records.length + ": " + r.label }),
    el("blockquote", { text: r.text }),
    el("h3", { text: "Scores" }), scoresTable(r),
  );
  if (r.explain && r.explain.length) {
    const t = el("table", { class: "scores explain" });
    const big = Math.max(...r.explain.map((e) => Math.abs(e.weight)));
    for (const e of r.explain) {
      const bar = el("span", { class: "bar " + (e.weight >= 0 ? "pos" : "neg"), "aria-hidden": "true" });
      bar.style.width = Math.max(1, Math.round(70 * Math.abs(e.weight) / (big || 1))) + "px";
      t.append(el("tr", {}, el("td", {}, el("code", { text: e.feature })), el("td", { class: "num", text: (e.weight >= 0 ? "+" : "") + e.weight.toFixed(3) }), el("td", {}, bar)));
    }
    d.append(el("h3", { text: "Features behind “" + r.label + "”" }), t);
  }
  d.append(el("p", { class: "muted", text: "Bytes " + r.start + "–" + r.end + " of the text, paragraph " + (r.para + 1) + "." }));
}

function showTip(node) {
  const r = records[+node.dataset.i];
  if (!r) return;
  const tip = $("tip");
  tip.replaceChildren(el("b", { text: r.label }), scoresTable(r));
  tip.hidden = false;
  const b = node.getBoundingClientRect();
  const w = Math.min(tip.offsetWidth, window.innerWidth - 16);
  tip.style.left = Math.max(8, Math.min(window.scrollX + b.left, window.scrollX + window.innerWidth - w - 8)) + "px";
  tip.style.top = (window.scrollY + b.bottom + 6) + "px";
}
function hideTip() { $("tip").hidden = true; }

function move(node, step) {
  const all = Array.from(document.querySelectorAll("#doc .s"));
  const j = all.indexOf(node) + step;
  if (j >= 0 && j < all.length) all[j].focus();
}

function download() {
  const blob = new Blob([rawJSONL], { type: "application/x-ndjson" });
  const a = el("a", { href: URL.createObjectURL(blob), download: articleId.replace(/[^\w.-]+/g, "_") + ".jsonl" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  loadModel();
  $("run").addEventListener("click", run);
  $("download").addEventListener("click", download);
  $("article").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  $("file").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    $("article").value = await f.text();
    $("article-id").value = f.name;
    setStatus("Loaded " + f.name + "; press the button to label it.");
  });
  const doc = $("doc");
  const sentence = (e) => e.target.closest && e.target.closest("#doc .s");
  doc.addEventListener("click", (e) => { const s = sentence(e); if (s) { select(+s.dataset.i); showTip(s); } });
  doc.addEventListener("mouseover", (e) => { const s = sentence(e); if (s) showTip(s); });
  doc.addEventListener("mouseout", (e) => { if (sentence(e)) hideTip(); });
  doc.addEventListener("focusin", (e) => { const s = sentence(e); if (s) { select(+s.dataset.i); showTip(s); } });
  doc.addEventListener("focusout", hideTip);
  doc.addEventListener("keydown", (e) => {
    const s = sentence(e);
    if (!s) return;
    switch (e.key) {
      case "Enter": case " ": e.preventDefault(); select(+s.dataset.i); showTip(s); break;
      case "ArrowRight": case "ArrowDown": e.preventDefault(); move(s, 1); break;
      case "ArrowLeft": case "ArrowUp": e.preventDefault(); move(s, -1); break;
      case "Escape": hideTip(); break;
    }
  });
});
