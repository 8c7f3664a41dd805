// A ticket's SLA clocks as the ticket screen lists them: running ones count down (or up,
// once missed), a pending ticket's stand still, answered ones say when. The deadlines are
// the server's (computed by arbiter_policy); this only reads them against the clock.
import type { Ticket } from "./bindings";
import { fullTime, slaLeft } from "./format";
import { t } from "./i18n/index.svelte";

export interface ClockLine {
  label: string;
  text: string;
  state: "ok" | "soon" | "breached" | "done" | "paused";
}

export function slaClocks(ticket: Ticket, now: Date = new Date()): ClockLine[] {
  const sla = ticket.sla;
  const active = ticket.status !== "solved" && ticket.status !== "closed";
  const paused = ticket.status === "pending" || !!sla.paused_at;
  const running = (label: string, due: string | null): ClockLine | null => {
    if (!due) return null;
    if (!active) return { label, text: t("sla.stopped"), state: "done" };
    if (paused) return { label, text: t("sla.paused"), state: "paused" };
    const left = slaLeft(due, now);
    return { label, text: left.text, state: left.breached ? "breached" : left.soon ? "soon" : "ok" };
  };
  const lines: (ClockLine | null)[] = [
    sla.first_responded_at
      ? { label: t("sla.first"), text: t("sla.answered", { when: fullTime(sla.first_responded_at) }), state: "done" }
      : running(t("sla.first"), sla.first_response_due_at),
    sla.first_responded_at ? running(t("sla.next"), sla.next_response_due_at) : null,
    running(t("sla.resolution"), sla.resolution_due_at),
  ];
  return lines.filter((l): l is ClockLine => l !== null);
}
