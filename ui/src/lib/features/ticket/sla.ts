// A ticket's SLA clocks as the ticket screen lists them: running ones count down (or up,
// once missed), a pending ticket's stand still, answered ones say when. The deadlines are
// the server's and the instants a clock turns at risk or prolonged come from the policy
// engine (arbiter_policy, through the desk); this only reads them against the time, so the
// states move on by themselves, offline too.
import type { SlaClock, SlaClockKind, Ticket } from "../../bindings";
import { fullTime, slaLeft } from "../../format";
import { t } from "../../i18n/index.svelte";

export interface ClockLine {
  label: string;
  text: string;
  state: "ok" | "soon" | "breached" | "prolonged" | "done" | "paused";
}

/** `engine`: the running clocks the desk computed (empty before the policies synced). */
export function slaClocks(ticket: Ticket, now: Date = new Date(), engine: SlaClock[] = []): ClockLine[] {
  const sla = ticket.sla;
  const active = ticket.status !== "solved" && ticket.status !== "closed";
  const paused = ticket.status === "pending" || !!sla.paused_at;
  const running = (label: string, due: string | null, kind: SlaClockKind): ClockLine | null => {
    if (!due) return null;
    if (!active) return { label, text: t("sla.stopped"), state: "done" };
    if (paused) return { label, text: t("sla.paused"), state: "paused" };
    const left = slaLeft(due, now);
    const clock = engine.find((c) => c.kind === kind && c.due_at === due);
    if (clock) {
      const at = now.getTime();
      const [risk, dueAt, prolonged] = [clock.at_risk_from, clock.due_at, clock.prolonged_from].map((d) => new Date(d).getTime());
      if (at >= prolonged && at > dueAt) return { label, text: t("sla.prolongedText", { left: left.text }), state: "prolonged" };
      return { label, text: left.text, state: at > dueAt ? "breached" : at >= risk ? "soon" : "ok" };
    }
    return { label, text: left.text, state: left.breached ? "breached" : left.soon ? "soon" : "ok" };
  };
  const lines: (ClockLine | null)[] = [
    sla.first_responded_at
      ? { label: t("sla.first"), text: t("sla.answered", { when: fullTime(sla.first_responded_at) }), state: "done" }
      : running(t("sla.first"), sla.first_response_due_at, "first_response"),
    sla.first_responded_at ? running(t("sla.next"), sla.next_response_due_at, "next_response") : null,
    running(t("sla.resolution"), sla.resolution_due_at, "resolution"),
  ];
  return lines.filter((l): l is ClockLine => l !== null);
}
