// medialit SpanAnnotator: the browser half of medialit.ui.annotator.SpanAnnotator.
//
// An anywidget front-end module (export default { render }), plain JavaScript, no imports.
// Rules kept throughout this file:
//  * article and learner text reach the page ONLY as text nodes (textContent,
//    createTextNode) or as attribute values (title, aria-label); never as parsed HTML.
//  * all offsets here are UTF-16 code units (JavaScript string indices); Python
//    converts them to code points (medialit.annotate.model.OffsetMap).
//  * every change is a message to the kernel ({action, req, view, ...}); the kernel
//    saves it and answers {type: "ack", req, ok, ...}; the marks come back through
//    the synced `spans` trait, so two views (or two widgets) always show what is saved.

/** Create an element; string children become text nodes (never parsed as HTML). */
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function excerpt(text, n = 80) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= n) return flat;
  // never cut between the two halves of a surrogate pair
  let cut = n;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return flat.slice(0, cut) + "…";
}

function isSpace(ch) {
  return /\s/.test(ch);
}

function render({ model, el }) {
  const t0 = performance.now();
  const viewId = Math.random().toString(36).slice(2, 10);
  const state = { selectedId: null, req: 0, pending: new Map(), rows: [], timers: new Set() };
  const handlers = [];
  const on = (name, fn) => { model.on(name, fn); handlers.push([name, fn]); };

  const text = model.get("article_text") || "";
  const labels = () => model.get("labels") || [];
  const colour = (label) => (model.get("label_colors") || {})[label] || "#888888";
  const keyOf = (label) => String((model.get("label_keys") || {})[label] || "");   // from the vocabulary
  const labelForKey = (key) => labels().find((lab) => keyOf(lab) === key);
  const spans = () => model.get("spans") || [];
  const spanById = (id) => spans().find((s) => s.id === id) || null;
  const spanText = (s) => text.slice(s.start, s.end);

  // ---------------------------------------------------------------- skeleton
  const root = h("div", {
    class: "lm-root",
    "data-lm-suppress-shortcuts": "",   // JupyterLab: keep this widget's keys to itself
    "data-lm-view": viewId,
    "data-lm-pending": "0",
    tabindex: "-1",
    role: "region",
    "aria-label": "Mark the article",
  });
  // The article's headline (shortened by the kernel); its internal id only in the tooltip.
  const titleText = h("span", { class: "lm-headline" });
  const who = h("span", { class: "lm-who" });
  const title = h("div", { class: "lm-title" }, "Mark: ", titleText, " · ", who);
  function renderTitle() {
    titleText.textContent = `“${model.get("title") || "Your text"}”`;
    title.title = `Article id: ${model.get("article_id") || "(none)"}`;
    who.textContent = model.get("annotator") || "no name yet";
  }
  const status = h("div", { class: "lm-status", role: "status", "aria-live": "polite" });
  const messages = h("div", { class: "lm-messages", role: "alert" });
  const toolbar = h("div", { class: "lm-toolbar", role: "toolbar", "aria-label": "Labels and actions" });
  const hint = h("div", { class: "lm-hint" },
    "Select words with the mouse, then press a label's number key or click the label. ",
    "Click a mark (or Tab to it and press Enter) to change it, add a note or link it to its source; ",
    "Delete removes it, Escape cancels, Ctrl+Z undoes.");
  const article = h("div", { class: "lm-article", tabindex: "0", "aria-label": "Article text" });
  const side = h("div", { class: "lm-side" });
  const panel = h("section", { class: "lm-panel", "aria-label": "Selected mark", hidden: true });
  const detectorBox = h("section", { class: "lm-detector" });
  const feedbackBox = h("section", { class: "lm-feedback", "aria-label": "Feedback" });
  side.append(panel, detectorBox, feedbackBox);
  root.append(h("div", { class: "lm-head" }, title, status), messages, toolbar, hint,
    h("div", { class: "lm-main" }, article, side));

  // ---------------------------------------------------------------- toolbar
  const keepSelection = (ev) => ev.preventDefault();   // a click must not clear the text selection
  labels().forEach((label) => {
    const help = (model.get("label_help") || {})[label] || "";
    const key = keyOf(label);
    const button = h("button", {
      class: "lm-label-button", type: "button", "data-label": label,
      title: key ? `${help} (key ${key})` : help, "aria-keyshortcuts": key || null,
      onmousedown: keepSelection, onclick: () => applyLabel(label),
    }, h("span", { class: "lm-swatch", style: `background:${colour(label)}` }),
    h("span", { class: "lm-key" }, key), " ", label);
    toolbar.append(button);
  });
  const undoButton = h("button", {
    class: "lm-undo", type: "button", title: "Undo the last change (Ctrl+Z)", "aria-keyshortcuts": "Control+Z",
    onmousedown: keepSelection, onclick: () => undo(),
  }, "↶ Undo");
  const detectorToggle = h("input", { type: "checkbox", class: "lm-detector-toggle" });
  detectorToggle.checked = !!model.get("show_detector");
  detectorToggle.addEventListener("change", () => {
    model.set("show_detector", detectorToggle.checked);
    model.save_changes();
    rebuildRows(true);
    renderDetector();
  });
  const refreshButton = h("button", {
    class: "lm-refresh", type: "button",
    title: "Read the marks again from the file, e.g. marks you made in another notebook",
    onmousedown: keepSelection, onclick: () => refresh(),
  }, "⟳ Refresh");
  const checkButton = h("button", {
    class: "lm-check", type: "button", title: "Compare your marks with the expert answer key",
    onmousedown: keepSelection, onclick: () => checkMyWork(),
  }, "Check my work");
  toolbar.append(h("span", { class: "lm-sep" }), undoButton, refreshButton,
    h("label", { class: "lm-detector-label", title: "Show the cues the rule-based detector found" },
      detectorToggle, " detector"),
    checkButton);

  // ---------------------------------------------------------------- rows of the page
  // Parts whose gap holds no line break (e.g. "April 10, 2017, Written by") share one row,
  // and the gap text (", ") is shown too, so every visible character maps to an offset.
  function buildRowModels() {
    const parts = model.get("parts") || [];
    const rows = [];
    let row = null;
    parts.forEach((part) => {
      const gap = row ? text.slice(row.end, part.start) : "";
      if (row && !/[\r\n]/.test(gap)) {
        if (gap) row.pieces.push({ kind: "gap", start: row.end, end: part.start });
        row.pieces.push(part);
        row.end = part.end;
        row.captions.push(part.caption);
      } else {
        row = { kind: part.kind, start: part.start, end: part.end, pieces: [part], captions: [part.caption], el: null, sig: null };
        rows.push(row);
      }
    });
    return rows;
  }

  function overlapping(list, start, end) {
    return list.filter((m) => m.start < end && m.end > start);
  }

  function rowSignature(row) {
    const marks = overlapping(spans(), row.start, row.end).map((m) => [m.id, m.start, m.end, m.label, m.note, m.scope]);
    const cues = model.get("show_detector") ? overlapping(model.get("cues") || [], row.start, row.end).length : -1;
    return JSON.stringify([marks, cues]);
  }

  function buildRow(row) {
    const marks = overlapping(spans(), row.start, row.end);
    const cues = model.get("show_detector") ? overlapping(model.get("cues") || [], row.start, row.end) : [];
    const caption = h("span", { class: "lm-caption" }, row.captions.join(" · "));
    const body = h("div", { class: "lm-text" });
    for (const piece of row.pieces) {
      const holder = h("span", { class: `lm-piece lm-${piece.kind}` });
      if (piece.reason) holder.title = piece.reason;
      const cuts = new Set([piece.start, piece.end]);
      for (const m of marks.concat(cues)) {
        if (m.start > piece.start && m.start < piece.end) cuts.add(m.start);
        if (m.end > piece.start && m.end < piece.end) cuts.add(m.end);
      }
      const edges = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < edges.length; i++) holder.append(buildSeg(edges[i], edges[i + 1], marks, cues));
      body.append(holder);
    }
    return h("div", { class: `lm-row lm-row-${row.kind}` }, caption, body);
  }

  function buildSeg(a, b, marks, cues) {
    const seg = document.createElement("span");
    seg.className = "lm-seg";
    seg.textContent = text.slice(a, b);
    seg.dataset.start = String(a);
    seg.dataset.end = String(b);
    const cover = marks.filter((m) => m.start <= a && m.end >= b)
      .sort((x, y) => (x.end - x.start) - (y.end - y.start) || (x.start - y.start));
    const cueCover = cues.filter((c) => c.start <= a && c.end >= b);
    const tips = [];
    if (cover.length) {
      seg.classList.add("lm-marked");
      seg.dataset.ids = cover.map((m) => m.id).join(" ");
      seg.dataset.labels = cover.map((m) => m.label).join(" ");
      seg.style.backgroundColor = colour(cover[0].label) + "40";
      seg.style.boxShadow = cover.map((m, i) => {
        const depth = 3 * (i + 1);
        return `inset 0 -${depth}px 0 0 ${colour(m.label)}${m.scope === "sentence" ? "99" : ""}`;
      }).join(", ");
      seg.style.paddingBottom = `${3 * cover.length}px`;
      for (const m of cover) {
        tips.push(`Your mark: ${m.label}${m.scope === "sentence" ? " (whole sentence)" : ""}${m.note ? " — note: " + m.note : ""}`);
      }
      const starting = cover.filter((m) => m.start === a);
      if (starting.length) {
        seg.tabIndex = 0;
        seg.setAttribute("role", "button");
        seg.setAttribute("aria-label",
          starting.map((m) => `${m.label} mark: ${excerpt(spanText(m), 60)}`).join("; "));
      }
    }
    if (cueCover.length) {
      seg.classList.add("lm-cue");
      seg.style.borderBottomColor = colour(cueCover[0].label);
      for (const c of cueCover) {
        tips.push(`Detector: ${c.label} — ${c.explanation}${c.rule ? ` (rule: ${c.rule}` : ""}${c.voice ? `; voice: ${c.voice}` : ""}${c.rule ? ")" : ""}`);
      }
    }
    if (tips.length) seg.title = tips.join("\n");
    return seg;
  }

  function rebuildRows(force) {
    const started = performance.now();
    const hadFocus = article.contains(document.activeElement);
    for (const row of state.rows) {
      const sig = rowSignature(row);
      if (!force && sig === row.sig && row.el) continue;
      const node = buildRow(row);
      if (row.el) row.el.replaceWith(node); else article.append(node);
      row.el = node;
      row.sig = sig;
    }
    if (state.selectedId && !spanById(state.selectedId)) state.selectedId = null;
    applySelection();
    if (hadFocus && !article.contains(document.activeElement)) focusSelectedOrArticle();
    root.dataset.lmRenderMs = (performance.now() - started).toFixed(1);
  }

  function firstSegOf(id) {
    for (const seg of article.querySelectorAll(".lm-seg[data-ids]")) {
      if (seg.dataset.ids.split(" ").includes(id)) return seg;
    }
    return null;
  }

  function focusSelectedOrArticle() {
    const seg = state.selectedId ? firstSegOf(state.selectedId) : null;
    if (seg) {
      if (seg.tabIndex < 0) seg.tabIndex = -1;
      seg.focus({ preventScroll: true });
    } else {
      article.focus({ preventScroll: true });
    }
  }

  function applySelection() {
    for (const seg of article.querySelectorAll(".lm-selected")) seg.classList.remove("lm-selected");
    if (state.selectedId) {
      for (const seg of article.querySelectorAll(".lm-seg[data-ids]")) {
        if (seg.dataset.ids.split(" ").includes(state.selectedId)) seg.classList.add("lm-selected");
      }
    }
    root.dataset.lmSelected = state.selectedId || "";
  }

  // ---------------------------------------------------------------- selection -> offsets
  /** The browser selection as [start, end) UTF-16 offsets into the article text, or null. */
  function selectionOffsets() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(article)) return null;
    let start = null;
    let end = null;
    for (const seg of article.querySelectorAll(".lm-seg")) {
      if (!range.intersectsNode(seg)) {
        if (start !== null) break;
        continue;
      }
      const node = seg.firstChild;
      const segStart = Number(seg.dataset.start);
      const segEnd = Number(seg.dataset.end);
      if (start === null) start = range.startContainer === node ? segStart + range.startOffset : segStart;
      end = range.endContainer === node ? segStart + range.endOffset : segEnd;
    }
    if (start === null || end === null) return null;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    return end > start ? [start, end] : null;
  }

  // ---------------------------------------------------------------- talking to the kernel
  const KERNEL_GONE = "Not saved: this box has lost its connection to Python (the kernel was restarted "
    + "or shut down). Run this cell again to get a working box: your saved marks come back.";
  const NO_ANSWER = "Python has not answered yet, so your last change may not be saved. If this goes on, "
    + "the kernel was probably restarted or stopped: run this cell again and make the change again.";

  /** Send one change to the kernel. onAck(ack) runs after it is saved, onFail(error) if it is not. */
  function send(msg, onAck, onFail) {
    const req = ++state.req;
    const payload = Object.assign({}, msg, { req, view: viewId });
    if (state.dead) {              // the comm is closed for good: say so at once, every time
      say(KERNEL_GONE, true, true);
      if (onFail) onFail(KERNEL_GONE);
      return;
    }
    state.pending.set(req, { onAck, onFail, t: performance.now(), action: msg.action });
    root.dataset.lmPending = String(state.pending.size);
    try {
      model.send(payload);
    } catch (err) {                // JupyterLab throws "Cannot send" once the kernel has gone
      state.pending.delete(req);
      root.dataset.lmPending = String(state.pending.size);
      lostKernel();
      if (onFail) onFail(KERNEL_GONE);
      return;
    }
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      if (state.pending.has(req)) say(NO_ANSWER, true, true);
    }, 4000);
    state.timers.add(timer);
  }

  function lostKernel() {
    state.dead = true;
    root.classList.add("lm-dead");
    root.dataset.lmDead = "1";
    say(KERNEL_GONE, true, true);
  }

  function onCustom(msg) {
    if (!msg || msg.type !== "ack" || msg.view !== viewId) return;
    const entry = state.pending.get(msg.req);
    if (!entry) return;
    state.pending.delete(msg.req);
    root.dataset.lmPending = String(state.pending.size);
    root.dataset.lmLastRoundtripMs = (performance.now() - entry.t).toFixed(1);
    if (typeof msg.kernel_ms === "number") root.dataset.lmLastKernelMs = String(msg.kernel_ms);
    if (!msg.ok) {
      const error = msg.error || "Python refused this change.";
      say(/not (be )?saved/i.test(error) ? error : `Not saved: ${error}`, true, true);
      if (entry.onFail) entry.onFail(error);
      return;
    }
    // A change went through: an earlier error (a failed save, "select some words first",
    // "Python does not answer") is out of date now.
    if (status.classList.contains("lm-error")) clearSay();
    if (entry.onAck) entry.onAck(msg);
  }

  // The status line shows the kernel's `status` trait, or for a while a message of the page's own.
  // Errors are red (role=alert) and go as soon as a change goes through. Sticky ones (a failed
  // save, no answer, a lost kernel) stay until then; a hint ("select some words first") 8 s at most.
  let sayTimer = null;
  function say(message, isError, sticky) {
    status.textContent = message;
    status.classList.toggle("lm-error", !!isError);
    status.setAttribute("role", isError ? "alert" : "status");
    root.dataset.lmError = isError ? message : "";
    if (sayTimer) clearTimeout(sayTimer);
    sayTimer = sticky ? -1 : setTimeout(() => { sayTimer = null; renderStatus(); }, isError ? 8000 : 4000);
  }

  function clearSay() {
    if (sayTimer && sayTimer !== -1) clearTimeout(sayTimer);
    sayTimer = null;
    renderStatus();
  }

  function renderStatus() {
    if (state.dead) return;
    status.textContent = model.get("status") || "";
    status.classList.remove("lm-error");
    status.setAttribute("role", "status");
    root.dataset.lmError = "";
  }

  // ---------------------------------------------------------------- actions
  function applyLabel(label) {
    const range = selectionOffsets();
    if (range) {
      send({ action: "add", start: range[0], end: range[1], label, t0: Date.now() }, (ack) => {
        if (ack.id) select(ack.id, false);
      });
      const sel = document.getSelection();
      if (sel) sel.removeAllRanges();
      article.focus({ preventScroll: true });
    } else if (state.selectedId) {
      const span = spanById(state.selectedId);
      if (span && span.label !== label) send({ action: "update", id: span.id, label, t0: Date.now() });
    } else {
      say("Select some words of the article first, then choose a label.", true);
    }
  }

  function refresh() {
    say("Reading your marks again…", false);
    send({ action: "refresh" }, (ack) => say(String(ack.status || model.get("status") || "Up to date."), false));
  }

  function undo() {
    send({ action: "undo" }, (ack) => { if (ack.undone === false) say("Nothing to undo."); });
  }

  function removeSelected() {
    const id = state.selectedId;
    if (!id) return;
    send({ action: "remove", id });
    select(null, false);
    article.focus({ preventScroll: true });
  }

  // "Check my work" compares again as far as the key is revealed; "Next paragraph" reveals one more
  // (the kernel decides what is shown: see reveal in annotator.py).
  function checkMyWork(more) {
    feedbackBox.replaceChildren(h("p", { class: "lm-note" }, "Checking your marks…"));
    send({ action: more ? "check_next" : "check" }, () => renderFeedback(), () => renderFeedback());
  }

  function select(id, focus) {
    state.selectedId = id;
    applySelection();
    renderPanel();
    if (focus) focusSelectedOrArticle();
  }

  function cycleFrom(seg) {
    const ids = (seg.dataset.ids || "").split(" ").filter(Boolean);
    if (!ids.length) return null;
    const at = ids.indexOf(state.selectedId);
    return ids[(at + 1) % ids.length];
  }

  // ---------------------------------------------------------------- side panel: selected mark
  function renderPanel() {
    const span = state.selectedId ? spanById(state.selectedId) : null;
    const active = document.activeElement;
    const focusKey = panel.contains(active) && active.dataset ? active.dataset.focusKey : null;
    const oldNote = panel.querySelector("textarea");
    const draft = oldNote && oldNote.dataset.spanId === state.selectedId && oldNote.value !== oldNote.defaultValue
      ? oldNote.value : null;
    panel.replaceChildren();
    panel.hidden = !span;
    if (!span) return;

    const labelSelect = h("select", { "data-focus-key": "label", "aria-label": "Label of this mark" },
      labels().map((lab) => h("option", { value: lab }, lab)));
    labelSelect.value = span.label;
    labelSelect.addEventListener("change", () => send({ action: "update", id: span.id, label: labelSelect.value }));

    const note = h("textarea", { rows: "2", "data-focus-key": "note", "data-span-id": span.id,
      "aria-label": "Your note on this mark", placeholder: "Why did you mark this?" });
    note.defaultValue = span.note || "";
    note.value = draft !== null ? draft : span.note || "";
    // "Save note" blurs the text box first, which fires "change": both call saveNote, but one
    // note is sent (and so one undo step) until the kernel has the new note.
    let sentNote = span.note || "";
    const saveNote = () => {
      if (note.value === sentNote) return;
      const value = note.value;
      sentNote = value;
      send({ action: "update", id: span.id, note: value }, null, () => { if (sentNote === value) sentNote = null; });
    };
    note.addEventListener("change", saveNote);
    const saveButton = h("button", { type: "button", "data-focus-key": "save-note", onclick: saveNote }, "Save note");

    const rels = model.get("relations") || [];
    const linkBox = h("div", { class: "lm-links" });
    if (span.label !== "source") {
      const sources = spans().filter((s) => s.label === "source" && s.id !== span.id);
      const linked = rels.filter((r) => r.claim === span.id);
      const pick = h("select", { "data-focus-key": "link", "aria-label": "Attribute this mark to a source mark" },
        h("option", { value: "" }, sources.length ? "— link to a source mark —" : "— no source marks yet —"),
        sources.filter((s) => !linked.some((r) => r.source === s.id))
          .map((s) => h("option", { value: s.id }, `source: “${excerpt(spanText(s), 50)}”`)));
      pick.addEventListener("change", () => {
        if (pick.value) send({ action: "link", source: pick.value, claim: span.id });
      });
      linkBox.append(h("div", { class: "lm-field" }, h("span", { class: "lm-field-name" }, "Attributed to"), pick));
      for (const r of linked) {
        const src = spanById(r.source);
        if (!src) continue;
        linkBox.append(h("div", { class: "lm-link" }, `→ “${excerpt(spanText(src), 50)}” `,
          h("button", { type: "button", "data-focus-key": `unlink-${r.source}`,
            onclick: () => send({ action: "unlink", source: r.source, claim: span.id }) }, "remove link")));
      }
    } else {
      const claims = rels.filter((r) => r.source === span.id);
      linkBox.append(h("div", { class: "lm-field-name" },
        claims.length ? "Claims you attributed to this source:" : "No claim is linked to this source yet: select a claim's mark and pick this source."));
      for (const r of claims) {
        const claim = spanById(r.claim);
        if (!claim) continue;
        linkBox.append(h("div", { class: "lm-link" }, `← ${claim.label} “${excerpt(spanText(claim), 50)}” `,
          h("button", { type: "button", "data-focus-key": `unlink-${r.claim}`,
            onclick: () => send({ action: "unlink", source: span.id, claim: r.claim }) }, "remove link")));
      }
    }

    panel.append(
      h("h3", {}, "Selected mark"),
      h("p", { class: "lm-quote" },
        h("span", { class: "lm-badge", style: `background:${colour(span.label)}` }, span.label),
        span.scope === "sentence" ? " whole sentence: " : " ",
        `“${excerpt(spanText(span), 200)}”`),
      h("label", { class: "lm-field" }, h("span", { class: "lm-field-name" }, "Label"), labelSelect),
      h("label", { class: "lm-field" }, h("span", { class: "lm-field-name" }, "Note"), note),
      h("div", { class: "lm-buttons" }, saveButton,
        h("button", { type: "button", class: "lm-delete", "data-focus-key": "delete", onclick: removeSelected }, "Delete mark"),
        h("button", { type: "button", "data-focus-key": "close", onclick: () => select(null, true) }, "Close (Esc)")),
      linkBox);
    if (focusKey) {
      const again = panel.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      if (again) again.focus({ preventScroll: true });
    }
  }

  // ---------------------------------------------------------------- detector and feedback
  function renderDetector() {
    detectorBox.replaceChildren();
    if (!model.get("show_detector")) return;
    const message = model.get("detector_message") || "Asking the detector…";
    detectorBox.append(h("h3", {}, "Detector"), h("p", { class: "lm-note" }, message));
  }

  function reveal(offset) {
    for (const seg of article.querySelectorAll(".lm-seg")) {
      if (Number(seg.dataset.end) > offset) {
        seg.scrollIntoView({ block: "center", behavior: "smooth" });
        seg.classList.add("lm-flash");
        const timer = setTimeout(() => { seg.classList.remove("lm-flash"); state.timers.delete(timer); }, 1600);
        state.timers.add(timer);
        return;
      }
    }
  }

  /** A feedback line that shows its words in the article when clicked (or Enter when focused). */
  function addReveal(li, start16) {
    if (typeof start16 !== "number") return;
    li.tabIndex = 0;
    li.title = "Show it in the article";
    li.addEventListener("click", () => reveal(start16));
    li.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") { ev.preventDefault(); ev.stopPropagation(); reveal(start16); }
    });
  }

  function renderFeedback() {
    feedbackBox.replaceChildren();
    const message = model.get("feedback_message");
    const fb = model.get("feedback");
    if (!message && !fb) return;
    feedbackBox.append(h("h3", {}, "Check my work"));
    if (message) feedbackBox.append(h("p", { class: "lm-note" }, message));
    if (!fb) return;
    if (fb.summary) feedbackBox.append(h("p", { class: "lm-fb-summary" }, String(fb.summary)));
    const rv = fb.reveal;
    if (rv && rv.total) {
      const progress = h("p", { class: "lm-fb-reveal" },
        rv.shown < rv.total ? `Checked so far: ${rv.where} (${rv.shown} of ${rv.total} steps). `
          : "Checked: the whole article. ");
      if (rv.next) {
        progress.append(h("button", {
          class: "lm-check-next", type: "button", title: `Show the feedback on ${rv.next} too`,
          onmousedown: keepSelection, onclick: () => checkMyWork(true),
        }, `Next: ${rv.next}`));
      }
      feedbackBox.append(progress);
    }
    const mixups = Array.isArray(fb.mixups) ? fb.mixups : [];
    if (mixups.length) {
      const list = h("ul", {});
      for (const m of mixups) {
        const where = m.paragraph ? `¶ ${m.paragraph}` : String(m.part || "");
        const li = h("li", { class: "lm-fb-item lm-fb-mixup" },
          h("span", { class: "lm-fb-kind" }, "mix-up"), " ", where, ": “", excerpt(String(m.text || ""), 60),
          "” marked ", h("span", { class: "lm-badge", style: `background:${colour(m.marked)}` }, String(m.marked)),
          h("span", { class: "lm-fb-why" }, ` — ${m.message}`));
        addReveal(li, m.start16);
        list.append(li);
      }
      feedbackBox.append(h("details", { class: "lm-fb-mixups", open: true },
        h("summary", {}, `Mix-ups: ${mixups.length}`), list));
    }
    for (const lab of fb.labels || []) {
      const items = Array.isArray(lab.items) ? lab.items : [];
      const details = h("details", { class: "lm-fb-label" },
        h("summary", {},
          h("span", { class: "lm-badge", style: `background:${colour(lab.label)}` }, String(lab.label)),
          ` found ${lab.found ?? 0}, missed ${lab.missed ?? 0}, extra ${lab.extra ?? 0}`));
      const list = h("ul", {});
      for (const it of items) {
        const kind = String(it.kind || "").replace(/[^a-z]/g, "");
        const where = it.paragraph ? `¶ ${it.paragraph}` : String(it.part || "");
        const li = h("li", { class: `lm-fb-item lm-fb-${kind}` },
          h("span", { class: "lm-fb-kind" }, kind), " ", where, ": “", excerpt(String(it.text || ""), 120), "”",
          it.why ? h("span", { class: "lm-fb-why" }, ` — ${it.why}`) : null);
        addReveal(li, it.start16);
        list.append(li);
      }
      if (items.length) details.append(list);
      feedbackBox.append(details);
    }
  }

  function renderMessages() {
    messages.replaceChildren(...(model.get("messages") || []).map((m) => h("p", {}, String(m))));
    messages.hidden = !messages.firstChild;
  }

  // ---------------------------------------------------------------- mouse and keys
  // A mark's first piece is focusable (tabindex 0) so keyboard users can Tab to it. Chromium then
  // starts no text selection when the mouse goes down at the mark's edge, so a drag that begins
  // on a mark selected nothing. During a press the mark is not focusable (focus goes to the
  // article); keyboard focus is given back when the button is released.
  article.addEventListener("mousedown", (ev) => {
    if (ev.button !== 0) return;
    const seg = ev.target.closest && ev.target.closest(".lm-seg[tabindex]");
    if (!seg) return;
    const tabindex = seg.getAttribute("tabindex");
    seg.removeAttribute("tabindex");
    const restore = () => {
      window.removeEventListener("mouseup", restore, true);
      if (seg.isConnected && !seg.hasAttribute("tabindex")) seg.setAttribute("tabindex", tabindex);
    };
    window.addEventListener("mouseup", restore, true);
  });

  article.addEventListener("click", (ev) => {
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed && article.contains(sel.anchorNode)) return;   // a drag, not a click
    const seg = ev.target.closest && ev.target.closest(".lm-seg");
    if (seg && seg.dataset.ids) select(cycleFrom(seg), true);      // focus too: Enter, Delete, Tab go on from it
    else if (state.selectedId) select(null, false);
  });

  root.addEventListener("keydown", (ev) => {
    const target = ev.target;
    if (target.closest && target.closest("input, textarea, select")) {
      if (ev.key === "Escape") {
        ev.preventDefault();
        target.blur();
        focusSelectedOrArticle();
      }
      if (!ev.ctrlKey && !ev.metaKey) ev.stopPropagation();   // typing stays in the field
      return;
    }
    const plain = !ev.ctrlKey && !ev.metaKey && !ev.altKey;
    let handled = true;
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey && ev.key.toLowerCase() === "z") {
      undo();
    } else if (plain && ev.key.length === 1 && labelForKey(ev.key)) {
      applyLabel(labelForKey(ev.key));
    } else if (plain && (ev.key === "Delete" || ev.key === "Backspace") && state.selectedId) {
      removeSelected();
    } else if (ev.key === "Escape") {
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed && article.contains(sel.anchorNode)) sel.removeAllRanges();
      select(null, false);
      article.focus({ preventScroll: true });
    } else if (plain && (ev.key === "Enter" || ev.key === " ") && target.classList && target.classList.contains("lm-seg")
      && target.dataset.ids) {
      select(cycleFrom(target), true);
    } else {
      handled = false;
    }
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  });

  // ---------------------------------------------------------------- model events
  on("change:spans", () => { rebuildRows(false); renderPanel(); });
  on("change:relations", () => renderPanel());
  on("change:status", () => { if (!sayTimer) renderStatus(); });
  on("change:title", renderTitle);
  on("change:annotator", renderTitle);
  on("change:messages", renderMessages);
  on("change:cues", () => rebuildRows(true));
  on("change:show_detector", () => {
    detectorToggle.checked = !!model.get("show_detector");
    rebuildRows(true);
    renderDetector();
  });
  on("change:detector_message", renderDetector);
  on("change:feedback", renderFeedback);
  on("change:feedback_message", renderFeedback);
  on("msg:custom", onCustom);

  // ---------------------------------------------------------------- first paint
  if (model.get("no_byline")) {
    article.append(h("p", { class: "lm-notice" }, "No byline: this page does not say who wrote it."));
  }
  state.rows = buildRowModels();
  rebuildRows(true);
  renderTitle();
  renderStatus();
  renderMessages();
  renderDetector();
  renderFeedback();
  el.append(root);
  requestAnimationFrame(() => requestAnimationFrame(() => {
    root.dataset.lmFirstPaintMs = (performance.now() - t0).toFixed(1);
    root.dataset.lmReady = "1";
  }));

  return () => {
    for (const [name, fn] of handlers) model.off(name, fn);
    for (const timer of state.timers) clearTimeout(timer);
    if (sayTimer) clearTimeout(sayTimer);
  };
}

export default { render };
