import { beforeEach, describe, expect, it } from "vitest";
import type { SessionInfo } from "../bindings";
import { fakeDesk } from "../backend/testing";
import { DeskState } from "./desk.svelte";
import { DEFAULT_PANES, keepPanes, savedPanes } from "./panes";

const as = (id: number, role: "agent" | "supervisor"): SessionInfo =>
  ({ server_url: "http://127.0.0.1:1", agent: { id, name: "A", email: "a@x", role, teams: [], languages: [] } }) as unknown as SessionInfo;

describe("panes", () => {
  beforeEach(() => localStorage.clear());

  it("keeps each agent's screen and view, and only what they may see", () => {
    keepPanes(as(1, "supervisor"), { mode: "board", view: { builtin: "escalated" } });
    keepPanes(as(2, "agent"), { mode: "alerts", view: { saved: "v-1" } });
    expect(savedPanes(as(1, "supervisor"))).toEqual({ mode: "board", view: { builtin: "escalated" } });
    expect(savedPanes(as(2, "agent"))).toEqual({ mode: "alerts", view: { saved: "v-1" } });
    // The same id as an agent (a demotion): the board is not theirs.
    expect(savedPanes(as(1, "agent")).mode).toBe("tickets");
    expect(savedPanes(as(3, "agent"))).toEqual(DEFAULT_PANES);
  });

  it("does not keep a drill-down, and reads anything odd as the defaults", () => {
    keepPanes(as(1, "supervisor"), { mode: "tickets", view: { filter: { statuses: ["open"] } } as never });
    expect(savedPanes(as(1, "supervisor"))).toEqual(DEFAULT_PANES);
    localStorage.setItem("arbiter.panes", JSON.stringify({ 1: { mode: "nowhere", view: { builtin: "<script>" } } }));
    expect(savedPanes(as(1, "supervisor"))).toEqual(DEFAULT_PANES);
    localStorage.setItem("arbiter.panes", "not json");
    expect(savedPanes(as(1, "supervisor"))).toEqual(DEFAULT_PANES);
  });

  it("the desk opens where the agent left it", async () => {
    const { desk } = await fakeDesk();
    await desk.selectView("escalated");
    desk.mode = "approvals";
    const again = new DeskState();
    await again.init();
    expect(again.mode).toBe("approvals");
    expect(again.view).toEqual({ builtin: "escalated" });
    desk.dispose();
    again.dispose();
  });
});
