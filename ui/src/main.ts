import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { theme } from "./lib/stores/theme.svelte";

// Before mounting, so the first frame already has the agent's colours.
theme.start();

const app = mount(App, { target: document.getElementById("app")! });

export default app;
