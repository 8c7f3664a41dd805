// The whole UI with the Tauri backend, its IPC answered from a recording of the real window
// (tests/perf/profile-ui.mjs records it on the bench's big cache): the same screens, the same
// data and the same code path as the app, in a browser whose profiler can say where the time
// goes. A call recorded with the same arguments gets its recorded answer; otherwise the last
// answer to that command (lists, counts); otherwise nothing, said once on the console.
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { i18n } from "./lib/i18n/index.svelte";
import { theme } from "./lib/features/preferences/theme.svelte";

type Call = { cmd: string; args: Record<string, unknown>; result: unknown };

const recording: Call[] = await (await fetch("/__recording.json")).json();
const exact = new Map<string, unknown>();
const last = new Map<string, unknown>();
for (const call of recording) {
  exact.set(`${call.cmd} ${JSON.stringify(call.args)}`, call.result);
  last.set(call.cmd, call.result);
}
const unrecorded = new Set<string>();
mockWindows("main");
mockIPC(
  (cmd, args) => {
    const key = `${cmd} ${JSON.stringify(args ?? {})}`;
    if (exact.has(key)) return structuredClone(exact.get(key));
    if (last.has(cmd)) return structuredClone(last.get(cmd));
    if (!unrecorded.has(cmd)) {
      unrecorded.add(cmd);
      console.warn(`unrecorded: ${key}`);
    }
    return null;
  },
  { shouldMockEvents: true },
);

theme.start();
i18n.start();
mount(App, { target: document.getElementById("app")! });
