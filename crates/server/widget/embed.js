// The chat widget's one script tag. A site adds
//   <script src="https://chat.exchange.example/widget/embed.js" async
//           data-language="de" data-identity-token="…"></script>
// and gets a launcher button and the chat in a frame of the chat server's own origin (its
// storage, its policy). A signed-in customer's token (signed by the site's backend with the
// widget secret) can also be given later: ArbiterChat.identify(token). The button and the
// frame live in a closed shadow root, so the site's styles and the widget's cannot meet.
"use strict";
(() => {
  const script = document.currentScript;
  if (!script || window.ArbiterChat) return;
  const origin = new URL(script.src, location.href).origin;
  // The site may fix the language; otherwise the customer's browser presets it.
  const language = script.dataset.language || navigator.language || document.documentElement.lang || "en";
  let identity = script.dataset.identityToken || null;

  const host = document.createElement("div");
  host.id = "arbiter-chat";
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = `
    :host { all: initial; }
    .launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; width: 56px; height: 56px;
      border-radius: 50%; border: 0; background: #0b57d0; color: #fff; cursor: pointer;
      box-shadow: 0 4px 14px rgba(0,0,0,.25); display: grid; place-items: center; }
    .launcher:focus-visible { outline: 3px solid #f2a900; outline-offset: 3px; }
    .badge { position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;
      background: #a3161b; color: #fff; font: 600 12px/20px system-ui, sans-serif; }
    .frame { position: fixed; right: 20px; bottom: 88px; z-index: 2147483647; width: 380px; height: min(620px, calc(100vh - 110px));
      border: 0; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.3); background: #fff; }
    @media (max-width: 480px) { .frame { right: 0; bottom: 0; width: 100vw; height: 100vh; border-radius: 0; } }
    [hidden] { display: none !important; }`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "launcher";
  button.setAttribute("aria-label", "Chat with support");
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "arbiter-chat-frame");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "26");
  svg.setAttribute("height", "26");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
  svg.append(path);
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.hidden = true;
  button.append(svg, badge);
  const frame = document.createElement("iframe");
  frame.id = "arbiter-chat-frame";
  frame.className = "frame";
  frame.title = "Chat with support";
  frame.hidden = true;
  frame.src = `${origin}/widget/chat?lang=${encodeURIComponent(language)}`;
  root.append(style, frame, button);

  const tell = (message) => frame.contentWindow?.postMessage(message, origin);
  const identify = () => identity && tell({ type: "arbiter:identify", token: identity });
  frame.addEventListener("load", identify);

  function open() {
    frame.hidden = false;
    button.setAttribute("aria-expanded", "true");
    badge.hidden = true;
    tell({ type: "arbiter:open" });
  }
  function close() {
    frame.hidden = true;
    button.setAttribute("aria-expanded", "false");
    tell({ type: "arbiter:closed" });
    button.focus();
  }
  button.addEventListener("click", () => (frame.hidden ? open() : close()));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !frame.hidden) close();
  });
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow || typeof event.data !== "object") return;
    const data = event.data || {};
    if (data.type === "arbiter:close") close();
    if (data.type === "arbiter:label" && typeof data.text === "string") {
      button.setAttribute("aria-label", data.text.slice(0, 80));
      frame.title = data.text.slice(0, 80);
    }
    if (data.type === "arbiter:unread" && Number.isInteger(data.count) && frame.hidden) {
      badge.textContent = String(Math.min(data.count, 99));
      badge.hidden = data.count === 0;
    }
  });

  window.ArbiterChat = {
    open,
    close,
    /** A signed-in customer's identity token, from the site's backend. */
    identify(token) {
      identity = String(token);
      identify();
    },
  };
  (document.body || document.documentElement).append(host);
})();
