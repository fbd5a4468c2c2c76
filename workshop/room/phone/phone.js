// The phone page: join with the code, vote, change the vote until the round closes.
// Plain JavaScript, no libraries, nothing fetched from anywhere but this page's own server.
// Text from the workshop is always set with textContent, never as HTML.
"use strict";

(function () {
  const TOKEN_KEY = "room-token";
  const POLL_MS = 4000;
  let token = sessionStorage.getItem(TOKEN_KEY);
  let form = null;
  let mine = {};
  let round = 0;
  let sending = 0;
  // Scanned from the screen, the address carries the code after "#" (never sent to a server).
  const fromAddress = (location.hash.match(/[0-9]{6}/) || [""])[0];

  const $ = (id) => document.getElementById(id);
  const show = (id) => {
    for (const name of ["join", "group", "ballot", "closed"]) $(name).hidden = name !== id;
  };
  const status = (text, good) => {
    $("status").textContent = text;
    $("status").className = good ? "status good" : "status";
  };
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  async function api(method, path, body) {
    const headers = {};
    if (token) headers["Authorization"] = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store", credentials: "omit",
    });
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    return { status: response.status, data };
  }

  // --- joining ---------------------------------------------------------------------------

  async function join(code) {
    $("join_error").textContent = "";
    let result;
    try {
      result = await api("POST", "/api/join", { code: code.trim() });
    } catch (e) {
      $("join_error").textContent = "Cannot reach the laptop. Are you on the room's Wi-Fi?";
      show("join");
      return;
    }
    if (result.status === 200) {
      token = result.data.token;
      sessionStorage.setItem(TOKEN_KEY, token);
      history.replaceState(null, "", location.pathname); // the code leaves the address bar
      if (result.data.ask_group) { show("group"); status("Joined"); } else { await loadBallot(); }
      return;
    }
    const messages = {
      403: "That code is not right. Check the code on the screen.",
      429: "Too many tries. Wait a minute, then try again.",
      409: "This round is closed.",
    };
    $("join_error").textContent = messages[result.status] || "Could not join (" + result.status + ").";
    show("join");
    $("code").focus();
  }

  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    join($("code").value);
  });

  for (const button of document.querySelectorAll("#group button")) {
    button.addEventListener("click", async () => {
      await api("POST", "/api/group", { group: button.dataset.group });
      await loadBallot();
    });
  }

  // --- the ballot ------------------------------------------------------------------------

  async function loadBallot() {
    let result;
    try { result = await api("GET", "/api/ballot"); } catch (e) { return; }
    if (result.status === 401) {
      if (form) { closed(); return; }
      token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      if (fromAddress) { join(fromAddress); return; } // a token from an earlier round
      show("join");
      return;
    }
    if (result.status !== 200) return;
    const data = result.data;
    if (data.closed) { closed(); return; }
    const again = round && data.round !== round;
    const first = !form;
    if (first || again) {
      form = data;
      round = data.round;
      mine = Object.assign({}, data.mine || {});
      $("title").textContent = data.title || "Room vote";
      render();
      show("ballot");
      const note = $("round_note");
      note.hidden = !(again || data.round > 1);
      note.textContent = "Round " + data.round + ": vote again after the discussion.";
      updateStatus(false);
    }
  }

  function closed() {
    token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    show("closed");
    status("Round closed");
  }

  function render() {
    const list = $("items");
    list.replaceChildren();
    form.items.forEach((item, index) => {
      const li = el("li", "item");
      li.dataset.id = item.id;
      const what = form.kind === "rating" ? "Statement" : "Opportunity";
      li.append(el("p", "count", what + " " + (index + 1) + " of " + form.items.length));
      const text = el("p", "text", item.text);
      text.dir = "auto";
      li.append(text);
      li.append(form.kind === "rating" ? scores(item) : dots(item));
      const received = el("p", "received", "");
      received.setAttribute("aria-live", "polite");
      li.append(received);
      list.append(li);
    });
  }

  function scores(item) {
    const box = el("div", "scores");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Your score");
    for (const score of form.scale) {
      const button = el("button", "score");
      button.type = "button";
      button.dataset.score = String(score);
      button.setAttribute("aria-pressed", String(mine[item.id] === score));
      button.append(el("span", "n", String(score)));
      const anchor = el("span", "anchor", (item.anchors || [])[score] || "");
      anchor.dir = "auto";
      button.append(anchor);
      button.addEventListener("click", () => {
        mine[item.id] = score;
        for (const other of box.children) {
          other.setAttribute("aria-pressed", String(other === button));
        }
        send(item.id);
      });
      box.append(button);
    }
    return box;
  }

  function dotsLeft() {
    return form.budget - Object.values(mine).reduce((a, b) => a + b, 0);
  }

  function dots(item) {
    const box = el("div", "dots");
    const minus = el("button", "", "−");
    const value = el("span", "value", String(mine[item.id] || 0));
    const plus = el("button", "", "+");
    minus.type = plus.type = "button";
    minus.setAttribute("aria-label", "One dot less");
    plus.setAttribute("aria-label", "One dot more");
    value.setAttribute("aria-label", "Your dots");
    const step = (by) => {
      const next = (mine[item.id] || 0) + by;
      if (next < 0 || (by > 0 && dotsLeft() <= 0)) return;
      mine[item.id] = next;
      value.textContent = String(next);
      refreshDots();
      send(item.id);
    };
    minus.addEventListener("click", () => step(-1));
    plus.addEventListener("click", () => step(1));
    box.append(minus, value, plus);
    return box;
  }

  function refreshDots() {
    for (const li of $("items").children) {
      const buttons = li.querySelectorAll(".dots button");
      buttons[0].disabled = !(mine[li.dataset.id] > 0);
      buttons[1].disabled = dotsLeft() <= 0;
    }
  }

  function updateStatus(received) {
    let text;
    if (form.kind === "rating") {
      const done = form.items.filter((i) => i.id in mine).length;
      text = done + " of " + form.items.length + " voted";
    } else {
      refreshDots();
      text = dotsLeft() + " of " + form.budget + " dots left";
    }
    status(received ? "✓ Vote received · " + text : text, received);
  }

  async function send(itemId) {
    const li = $("items").querySelector('[data-id="' + CSS.escape(itemId) + '"]');
    const note = li.querySelector(".received");
    note.className = "received";
    note.textContent = "Sending…";
    sending += 1;
    let result;
    try {
      result = await api("POST", "/api/ballot", { votes: mine });
    } catch (e) {
      result = { status: 0, data: {} };
    }
    sending -= 1;
    if (result.status === 200) {
      note.textContent = "✓ Vote received";
      updateStatus(true);
    } else if (result.status === 401 || result.status === 409) {
      closed();
    } else {
      note.className = "received failed";
      note.textContent = "Not sent: tap again. " + (result.data.error || "");
    }
  }

  // --- start -----------------------------------------------------------------------------

  setInterval(() => { if (token && !sending) loadBallot(); }, POLL_MS);

  if (token) {
    loadBallot();
  } else if (fromAddress) {
    $("code").value = fromAddress;
    join(fromAddress);
  } else {
    show("join");
    $("code").focus();
  }
})();
