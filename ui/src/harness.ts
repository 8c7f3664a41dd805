// The whole UI on the in-memory desk (FakeBackend), for the browser tests in tests/browser:
// the same screens as the app, with `window.fake` to play the server (deliver the outbox,
// bring live events, go offline). `?signedOut` starts at the sign-in screen; `?supervisor`
// signs in as the disputes lead, Marcus.
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { fakeAgent, FakeBackend, sampleData } from "./lib/backend/fake";
import { i18n } from "./lib/i18n/index.svelte";
import { theme } from "./lib/features/preferences/theme.svelte";

const params = new URLSearchParams(location.search);
const fake = new FakeBackend(sampleData());
if (params.has("signedOut")) fake.session_ = null;
if (params.has("supervisor")) {
  fake.session_ = { server_url: "http://127.0.0.1:8080", agent: { ...fakeAgent, id: 2, name: "Marcus Oyelaran", role: "supervisor" } };
}
useBackend(fake);
(window as unknown as { fake: FakeBackend }).fake = fake;

theme.start();
i18n.start();
mount(App, { target: document.getElementById("app")! });
