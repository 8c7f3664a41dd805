import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { i18n } from "./lib/i18n/index.svelte";
import { theme } from "./lib/features/preferences/theme.svelte";

// Before mounting, so the first frame already has the agent's colours and language.
theme.start();
i18n.start();

const app = mount(App, { target: document.getElementById("app")! });

export default app;
