// Which panes the agent had open — the screen (tickets, approvals, the queue board…) and the
// inbox view — so the desk opens where it was left. A display preference, per agent, in web
// storage; anything unknown or not the agent's to see falls back to their own tickets.
import type { AgentRole, InboxView, SessionInfo, ViewKey } from "../bindings";
import { VIEW_LABELS } from "../format";

export type Mode = "tickets" | "board" | "handover" | "analytics" | "service" | "approvals" | "alerts";
export interface Panes {
  mode: Mode;
  view: ViewKey;
}

const KEY = "arbiter.panes";
const EVERYONE: Mode[] = ["tickets", "approvals", "alerts", "analytics"];
const SUPERVISORS: Mode[] = [...EVERYONE, "board", "service", "handover"];

export const DEFAULT_PANES: Panes = { mode: "tickets", view: { builtin: "mine" } };

function modesOf(role: AgentRole): Mode[] {
  return role === "supervisor" ? SUPERVISORS : EVERYONE;
}

function storage(): Storage | null {
  return globalThis.localStorage ?? null;
}

/** The panes `session`'s agent left open, checked; the defaults when none are kept. */
export function savedPanes(session: SessionInfo): Panes {
  try {
    const all = JSON.parse(storage()?.getItem(KEY) ?? "{}") as Record<string, Partial<Panes>>;
    const kept = all[String(session.agent.id)] ?? {};
    const mode = modesOf(session.agent.role).includes(kept.mode as Mode) ? (kept.mode as Mode) : "tickets";
    const view = kept.view;
    const known =
      (view && "builtin" in view && Object.keys(VIEW_LABELS).includes(view.builtin as InboxView)) ||
      (view && "saved" in view && typeof view.saved === "string");
    return { mode, view: known ? (view as ViewKey) : DEFAULT_PANES.view };
  } catch {
    return DEFAULT_PANES;
  }
}

/** Keeps the panes open now for `session`'s agent (a drill-down is not kept: it is one look). */
export function keepPanes(session: SessionInfo, panes: Panes): void {
  const store = storage();
  if (!store || "filter" in panes.view) return;
  try {
    const all = JSON.parse(store.getItem(KEY) ?? "{}") as Record<string, Panes>;
    all[String(session.agent.id)] = panes;
    store.setItem(KEY, JSON.stringify(all));
  } catch {
    // A full or disabled storage: the desk opens on the defaults next time.
  }
}
