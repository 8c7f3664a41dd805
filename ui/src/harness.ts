// The whole UI on the in-memory desk (FakeBackend), for the browser tests in tests/browser:
// the same screens as the app, with `window.fake` to play the server (deliver the outbox,
// bring live events, go offline). `?signedOut` starts at the sign-in screen.
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { useBackend } from "./lib/backend";
import { FakeBackend, sampleData } from "./lib/backend/fake";
import { i18n } from "./lib/i18n/index.svelte";
import { theme } from "./lib/stores/theme.svelte";

const params = new URLSearchParams(location.search);
const fake = new FakeBackend(sampleData());
if (params.has("signedOut")) fake.session_ = null;
useBackend(fake);
(window as unknown as { fake: FakeBackend }).fake = fake;

theme.start();
i18n.start();
mount(App, { target: document.getElementById("app")! });
