// The chat page inside the widget's frame: the pre-chat form, the live chat (server-sent
// events read with fetch, so the chat token travels in a header and never in a URL), the
// outbox that makes every message arrive exactly once across drops and reloads, the end of
// the chat and its rating, and the message form for when nobody can chat.
//
// Everything a customer or an agent wrote is put on the page as text (textContent), never
// as HTML.
"use strict";
(() => {
  const API = "/widget/v1";
  const STORE = "arbiter.chat";
  const STRINGS = window.ARBITER_STRINGS;
  const NAMES = {
    en: "English", de: "Deutsch", es: "Español", fr: "Français", ja: "日本語", ko: "한국어",
    pt: "Português", ru: "Русский", tr: "Türkçe", vi: "Tiếng Việt", zh: "中文",
  };
  const $ = (id) => document.getElementById(id);

  // --- words -----------------------------------------------------------------------------
  const pick = (tag) => {
    const primary = String(tag || "en").toLowerCase().split(/[-_]/)[0];
    return STRINGS[primary] ? primary : "en";
  };
  let lang = pick(new URLSearchParams(location.search).get("lang") || navigator.language);
  const t = (key, args = {}) =>
    String(STRINGS[lang][key] ?? STRINGS.en[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(args[k] ?? ""));
  function translate() {
    document.documentElement.lang = lang;
    document.title = t("title");
    for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
    for (const el of document.querySelectorAll("[data-t-label]")) el.setAttribute("aria-label", t(el.dataset.tLabel));
    parent.postMessage({ type: "arbiter:label", text: t("title") }, "*");
    renderStars();
    if (settings) fillTopics();
  }

  // --- state -----------------------------------------------------------------------------
  let settings = null;
  let identityToken = null;
  /** The chat this tab speaks for: token, ids, the customer's details, unsent messages. */
  let session = load();
  const messages = new Map(); // id → message, as the server stored it
  let phase = null;
  let agentName = null;
  let readUpTo = null;
  let noAgent = false;
  let rated = false;
  let visible = true;
  let unread = 0;

  function load() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE)) || null;
    } catch {
      return null;
    }
  }
  function save() {
    if (session) sessionStorage.setItem(STORE, JSON.stringify(session));
    else sessionStorage.removeItem(STORE);
  }
  const newId = () =>
    crypto.randomUUID ? crypto.randomUUID() : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // --- talking to the server -------------------------------------------------------------
  const headers = (json) => {
    const h = {};
    if (json) h["Content-Type"] = "application/json";
    if (session) h.Authorization = `Bearer ${session.token}`;
    return h;
  };
  async function call(method, path, body) {
    const response = await fetch(API + path, {
      method,
      headers: headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    let data = null;
    if (response.status !== 204) data = await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, data, retryAfter: Number(response.headers.get("Retry-After") || 0) };
  }
  const failure = (answer) => t("error", { detail: answer.data?.message || `HTTP ${answer.status}` });

  // --- screens ---------------------------------------------------------------------------
  function show(id) {
    for (const section of ["prechat", "leave", "left", "chat"]) $(section).hidden = section !== id;
  }
  function status(text) {
    $("status").textContent = text;
  }

  function fillLanguages() {
    const select = $("language");
    select.replaceChildren(
      ...settings.languages.map((code) => new Option(NAMES[code] || code, code, false, code === lang)),
    );
  }
  function fillTopics() {
    const select = $("topic");
    const chosen = select.value;
    select.replaceChildren(...settings.topics.map((topic) => new Option(t(`topic.${topic}`), topic)));
    if (chosen) select.value = chosen;
  }

  async function showStart() {
    show("prechat");
    status("");
    if (!settings) {
      const answer = await call("GET", "/settings");
      if (!answer.ok) {
        $("prechat-error").textContent = failure(answer);
        return;
      }
      settings = answer.data;
      fillLanguages();
      fillTopics();
    }
    $("signed-in").hidden = !identityToken;
    $("name").focus();
  }

  function showLeave(reason) {
    show("leave");
    $("leave-intro").textContent = t(reason);
    $("leave-name").value ||= $("name").value || session?.name || "";
    $("leave-email").value ||= $("email").value || session?.email || "";
    $("leave-text").focus();
  }

  function missing(...ids) {
    const empty = ids.map($).find((el) => !el.value.trim());
    if (empty) {
      empty.setAttribute("aria-invalid", "true");
      empty.focus();
    }
    return empty;
  }

  // --- starting ----------------------------------------------------------------------------
  $("prechat-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("prechat-error").textContent = "";
    if (missing("name", "email")) return void ($("prechat-error").textContent = t("required"));
    const topic = $("topic").value;
    if (!settings.staffed_topics.includes(topic)) return showLeave("closed");
    const body = {
      name: $("name").value,
      email: $("email").value,
      language: $("language").value,
      topic,
      identity_token: identityToken,
    };
    const answer = await call("POST", "/chats", body);
    if (!answer.ok) return void ($("prechat-error").textContent = failure(answer));
    session = { token: answer.data.token, chatId: answer.data.chat_id, name: body.name, email: body.email, topic, outbox: [] };
    save();
    enterChat();
  });

  $("language").addEventListener("change", () => {
    lang = pick($("language").value);
    translate();
  });

  $("leave-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("leave-error").textContent = "";
    if (missing("leave-name", "leave-email", "leave-text")) return void ($("leave-error").textContent = t("required"));
    const body = {
      name: $("leave-name").value,
      email: $("leave-email").value,
      language: lang,
      topic: $("topic").value || session?.topic || "other",
      text: $("leave-text").value,
      identity_token: identityToken,
    };
    if (session) await call("POST", "/chat/end"); // the chat nobody took ends here
    const answer = await call("POST", "/messages", body);
    if (!answer.ok) return void ($("leave-error").textContent = failure(answer));
    forget();
    show("left");
    $("left-text").textContent = t("left", { email: body.email });
  });

  for (const button of document.querySelectorAll(".new-chat")) {
    button.addEventListener("click", () => {
      forget();
      showStart();
    });
  }

  function forget() {
    session = null;
    save();
    messages.clear();
    $("log").replaceChildren();
    phase = agentName = readUpTo = null;
    noAgent = rated = false;
    $("transcript-status").textContent = "";
    $("transcript").disabled = false;
    stream?.abort();
  }

  // --- the live chat ---------------------------------------------------------------------
  let stream = null;

  function enterChat() {
    show("chat");
    if (!settings) call("GET", "/settings").then((a) => { if (a.ok) { settings = a.data; renderPhase(); } }).catch(() => {});
    renderPhase();
    $("text").focus();
    follow();
    flush();
  }

  /** Follows the chat's events until the chat is forgotten; reconnects with backoff. */
  async function follow() {
    stream?.abort();
    const mine = new AbortController();
    stream = mine;
    let delay = 500;
    while (session && !mine.signal.aborted) {
      try {
        const response = await fetch(`${API}/chat/events`, { headers: headers(false), cache: "no-store", signal: mine.signal });
        if (response.status === 401) {
          forget();
          return showStart();
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        delay = 500;
        online(true);
        flush();
        await read(response.body, mine.signal);
      } catch {
        if (mine.signal.aborted) return;
      }
      online(false);
      await sleep(delay);
      delay = Math.min(delay * 2, 8000);
    }
  }

  async function read(body, signal) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).replace(/^ /, "")).join("\n");
        if (data) handle(JSON.parse(data));
      }
    }
  }

  function online(up) {
    if (!up) status(t("offline"));
    else renderPhase();
  }

  function handle(event) {
    switch (event.type) {
      case "state": {
        const s = event.state;
        phase = s.phase;
        agentName = s.agent_name;
        readUpTo = s.read_up_to;
        noAgent = s.no_agent;
        rated = Boolean(s.rating) || rated;
        for (const m of s.messages) take(m, false);
        renderAll();
        break;
      }
      case "message":
        take(event.message, true);
        if (event.message.author === "agent") showTyping(false);
        break;
      case "typing":
        showTyping(event.typing);
        break;
      case "agent_joined":
        if (phase === "ended") break; // a late word about a chat that is over
        agentName = event.agent_name;
        phase = "active";
        noAgent = false;
        renderPhase();
        break;
      case "read":
        readUpTo = event.up_to;
        renderReadMarks();
        break;
      case "no_agent":
        noAgent = phase === "waiting";
        renderPhase();
        break;
      case "ended":
        phase = "ended";
        showTyping(false);
        renderPhase();
        break;
    }
  }

  /** Takes a stored message in: the outbox entry it acknowledges leaves, the log shows it. */
  function take(message, live) {
    if (message.client_id && session) {
      session.outbox = session.outbox.filter((o) => o.client_id !== message.client_id);
      save();
      document.querySelector(`[data-client="${CSS.escape(message.client_id)}"]`)?.remove();
    }
    if (messages.has(message.id)) return;
    messages.set(message.id, message);
    // An agent who answers has joined, whether or not the join itself was heard.
    if (message.author === "agent" && phase === "waiting") {
      phase = "active";
      agentName ||= message.author_name;
      noAgent = false;
      renderPhase();
    }
    if (live) {
      $("log").append(row(message));
      scrollDown();
      if (message.author === "agent" && !visible) {
        unread += 1;
        parent.postMessage({ type: "arbiter:unread", count: unread }, "*");
      }
    }
  }

  function renderAll() {
    const sorted = [...messages.values()].sort((a, b) => a.id - b.id);
    $("log").replaceChildren(...sorted.map(row), ...(session?.outbox ?? []).map(pendingRow));
    renderReadMarks();
    renderPhase();
    scrollDown();
  }

  function row(message) {
    const li = document.createElement("div");
    li.className = `msg ${message.author}`;
    li.dataset.id = String(message.id);
    if (message.author !== "system") {
      const who = document.createElement("p");
      who.className = "who";
      who.textContent = message.author === "customer" ? t("you") : message.author_name || t("agent");
      li.append(who);
    }
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = message.files.length && message.text === message.files[0].name ? "" : message.text;
    if (!text.textContent) text.hidden = true;
    li.append(text);
    for (const file of message.files) li.append(fileLink(file));
    if (message.author === "customer") {
      const meta = document.createElement("p");
      meta.className = "meta read-mark";
      li.append(meta);
    }
    return li;
  }

  function pendingRow(entry) {
    const li = document.createElement("div");
    li.className = "msg customer pending";
    li.dataset.client = entry.client_id;
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = entry.text ?? entry.name;
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = entry.failed ? t("notSent") : t("sending");
    li.append(text, meta);
    return li;
  }

  /** A file of the chat: fetched with the chat token, shown (pictures) or saved. */
  function fileLink(file) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "file";
    button.textContent = `${file.name} (${Math.max(1, Math.round(file.size_bytes / 1024))} KB)`;
    button.addEventListener("click", async () => {
      const response = await fetch(`${API}/chat/files/${file.sha256}`, { headers: headers(false) });
      if (!response.ok) return;
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = file.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
    return button;
  }

  function renderReadMarks() {
    for (const li of document.querySelectorAll(".msg.customer[data-id]")) {
      const mark = li.querySelector(".read-mark");
      if (mark) mark.textContent = readUpTo !== null && Number(li.dataset.id) <= readUpTo ? t("read") : "";
    }
  }

  function renderPhase() {
    if (!session) return;
    const ended = phase === "ended";
    status(ended ? t("ended") : phase === "active" && agentName ? t("joined", { name: agentName }) : t("waiting"));
    $("no-agent").hidden = !(noAgent && phase === "waiting");
    $("composer").hidden = ended;
    $("end").hidden = ended;
    $("end-confirm").hidden = true;
    $("rating").hidden = !ended || rated;
    $("after").hidden = !ended || !rated;
    $("transcript-box").hidden = !ended || !settings?.transcripts;
  }

  let typingTimer = 0;
  function showTyping(on) {
    clearTimeout(typingTimer);
    $("typing").textContent = on ? t("typing", { name: agentName || t("agent") }) : "";
    // A lost "stopped typing" must not leave the line up for good.
    if (on) typingTimer = setTimeout(() => showTyping(false), 8000);
  }

  function scrollDown() {
    const log = $("log");
    log.scrollTop = log.scrollHeight;
  }

  // --- writing ---------------------------------------------------------------------------
  let flushing = false;
  /** Sends what the outbox holds, oldest first, each with its own id (resent ids are
   * answered with the message already stored, so nothing is stored twice). */
  async function flush() {
    if (flushing || !session) return;
    flushing = true;
    try {
      while (session?.outbox.length) {
        const entry = session.outbox[0];
        let answer;
        try {
          answer = await call("POST", "/chat/messages", { client_id: entry.client_id, text: entry.text });
        } catch {
          markFailed(entry);
          return; // offline: the stream's reconnection flushes again
        }
        if (answer.status === 429) {
          await sleep(Math.max(1, answer.retryAfter) * 1000);
          continue;
        }
        if (answer.ok) {
          take(answer.data, !messages.has(answer.data.id));
          continue;
        }
        if (answer.status >= 500) {
          markFailed(entry);
          return;
        }
        // Refused for good (the chat ended, the text broke a rule): say so, drop it.
        session.outbox.shift();
        save();
        document.querySelector(`[data-client="${CSS.escape(entry.client_id)}"]`)?.remove();
        $("composer-error").textContent = failure(answer);
      }
    } finally {
      flushing = false;
    }
  }

  function markFailed(entry) {
    entry.failed = true;
    save();
    const row = document.querySelector(`[data-client="${CSS.escape(entry.client_id)}"] .meta`);
    if (row) row.textContent = t("notSent");
  }

  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("text").value;
    if (!text.trim()) return;
    if (settings && text.length > settings.max_message_chars) return void ($("composer-error").textContent = t("tooLong"));
    $("composer-error").textContent = "";
    const entry = { client_id: newId(), text };
    session.outbox.push(entry);
    save();
    $("log").append(pendingRow(entry));
    scrollDown();
    $("text").value = "";
    typing(false);
    flush();
  });

  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });

  let typingSent = false;
  let typingIdle = 0;
  function typing(on) {
    clearTimeout(typingIdle);
    if (on) typingIdle = setTimeout(() => typing(false), 4000);
    if (on === typingSent || !session) return;
    typingSent = on;
    call("POST", "/chat/typing", { typing: on }).catch(() => {});
  }
  $("text").addEventListener("input", () => typing($("text").value.length > 0));

  $("attach").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", async () => {
    const file = $("file").files[0];
    $("file").value = "";
    if (!file || !session) return;
    const limit = settings?.max_file_bytes ?? 25 * 1024 * 1024;
    if (file.size > limit) return void ($("composer-error").textContent = t("fileTooBig", { mb: Math.round(limit / 1048576) }));
    if (settings && !settings.file_types.includes(file.type)) return void ($("composer-error").textContent = t("fileType"));
    $("composer-error").textContent = "";
    const entry = { client_id: newId(), name: file.name };
    $("log").append(pendingRow(entry));
    scrollDown();
    const query = new URLSearchParams({ name: file.name, client_id: entry.client_id });
    const response = await fetch(`${API}/chat/files?${query}`, {
      method: "POST",
      headers: { ...headers(false), "Content-Type": "application/octet-stream" },
      body: file,
    }).catch(() => null);
    document.querySelector(`[data-client="${CSS.escape(entry.client_id)}"]`)?.remove();
    if (!response?.ok) {
      const data = await response?.json().catch(() => null);
      $("composer-error").textContent = t("error", { detail: data?.message || t("notSent") });
      return;
    }
    take(await response.json(), true);
  });

  $("end").addEventListener("click", () => {
    $("end").hidden = true;
    $("end-confirm").hidden = false;
    $("end-confirm").focus();
  });
  $("end-confirm").addEventListener("click", async () => {
    const answer = await call("POST", "/chat/end");
    if (!answer.ok) return void ($("composer-error").textContent = failure(answer));
    phase = "ended";
    renderPhase();
    $("stars").querySelector("input")?.focus();
  });
  $("no-agent-leave").addEventListener("click", () => {
    $("leave-text").value = [...messages.values()].filter((m) => m.author === "customer").map((m) => m.text).join("\n");
    showLeave("noAgent");
  });

  // --- rating ----------------------------------------------------------------------------
  function renderStars() {
    const stars = $("stars");
    const chosen = stars.querySelector("input:checked")?.value;
    stars.replaceChildren(
      ...[1, 2, 3, 4, 5].map((n) => {
        const label = document.createElement("label");
        const input = document.createElement("input");
        input.type = "radio";
        input.name = "score";
        input.value = String(n);
        input.checked = chosen === String(n);
        input.setAttribute("aria-label", t("star", { n }));
        label.append(input, document.createTextNode(`${n}★`));
        return label;
      }),
    );
  }

  $("rating").addEventListener("submit", async (event) => {
    event.preventDefault();
    const score = Number($("stars").querySelector("input:checked")?.value || 0);
    if (!score) return void ($("rating-error").textContent = t("required"));
    const answer = await call("POST", "/chat/rating", { score, comment: $("comment").value || null });
    if (!answer.ok) return void ($("rating-error").textContent = failure(answer));
    rated = true;
    renderPhase();
    $("thanks").focus?.();
  });

  // --- transcript by email -----------------------------------------------------------------
  $("transcript").addEventListener("click", async () => {
    const button = $("transcript");
    button.disabled = true;
    const answer = await call("POST", "/chat/transcript").catch(() => ({ ok: false, status: 0, data: null }));
    if (answer.ok) {
      $("transcript-status").textContent = t("transcriptSent", { email: answer.data.to });
    } else {
      $("transcript-status").textContent = failure(answer);
      button.disabled = false;
    }
  });

  // --- the page around the frame ---------------------------------------------------------
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || typeof event.data !== "object" || event.data === null) return;
    if (event.data.type === "arbiter:identify" && typeof event.data.token === "string") {
      identityToken = event.data.token;
      $("signed-in").hidden = false;
    } else if (event.data.type === "arbiter:open") {
      visible = true;
      unread = 0;
      (session ? $("text") : $("name")).focus();
    } else if (event.data.type === "arbiter:closed") {
      visible = false;
    }
  });
  $("close").addEventListener("click", () => parent.postMessage({ type: "arbiter:close" }, "*"));
  window.addEventListener("online", () => flush());

  translate();
  if (window.parent !== window) visible = false; // framed: hidden until the launcher opens it
  if (session) enterChat();
  else showStart();
})();
