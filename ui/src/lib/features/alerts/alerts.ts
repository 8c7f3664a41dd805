// How pre-dispute alerts read on screen: the clock, who answered, where the crypto went.
import type { AlertAnswer, AlertProgramme, AlertRow, AlertUrgency, CardNetwork, CryptoWhereabouts, DisputeAlert } from "../../bindings";
import { usdCents } from "../../format";
import { t, tParts, type SaidPart } from "../../i18n/index.svelte";

/** The programmes' and networks' own names: brands, the same in every language. */
export const PROGRAMME_NAMES: Record<AlertProgramme, string> = { ethoca: "Ethoca", verifi: "Verifi" };
export const NETWORK_NAMES: Record<CardNetwork, string> = { visa: "Visa", mastercard: "Mastercard" };

const HOUR = 3_600_000;

/**
 * How pressing the clock is now: the desk's urgency, moved on while the screen stays open (the
 * desk's rule, arbiter_policy::alerts::urgency: the last quarter or the last hour closes).
 */
export function liveUrgency(alert: DisputeAlert, urgency: AlertUrgency, now: Date): AlertUrgency {
  if (urgency === "done" || urgency === "missed") return urgency;
  const due = new Date(alert.respond_by).getTime();
  const left = due - now.getTime();
  if (left <= 0) return "missed";
  const total = Math.max(1, due - new Date(alert.received_at).getTime());
  return left * 4 <= total || left <= HOUR ? "closing" : urgency;
}

/** Time left to answer, to the minute: "2 h 5 min left", "40 min left", "3 min over". */
export function clockText(respondBy: string, now: Date): string {
  const ms = new Date(respondBy).getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (ms >= 0 && minutes < 1) return t("alerts.clock.underMinute");
  const amount = minutes >= 60 ? t("time.hoursMinutes", { h: Math.floor(minutes / 60), m: minutes % 60 }) : t("time.minutes", { n: Math.max(1, minutes) });
  return t(ms >= 0 ? "time.left" : "time.over", { amount });
}

/** Who the alert is about: the customer's name, or the card when no customer was found. */
export function customerParts(row: AlertRow): SaidPart[] {
  const alert = row.alert;
  if (alert.customer_id === null) return tParts("alerts.noCustomer", { last4: alert.card_last4 }, ["last4"]);
  if (row.customer_name === null) return tParts("alerts.customerNumber", { id: alert.customer_id }, []);
  return [{ text: row.customer_name, data: true }];
}

/** Who gave the answer: an agent by name (`names` by id), or the policy by itself. */
export function answeredBy(answer: AlertAnswer, names: ReadonlyMap<number, string>): SaidPart[] {
  if (answer.answered_by === null) return tParts(answer.rule === "auto_refund" ? "alerts.byAutoRefund" : "alerts.byPolicy", {}, []);
  const name = names.get(answer.answered_by) ?? t("alerts.agentNumber", { id: answer.answered_by });
  return tParts("alerts.answeredBy", { name }, ["name"]);
}

/** Where the crypto bought with the payment went; amounts are data. */
export function cryptoParts(crypto: CryptoWhereabouts | null): SaidPart[] {
  if (crypto === null) return tParts("alerts.crypto.unknown", {}, []);
  switch (crypto.state) {
    case "in_account":
      return tParts("alerts.crypto.in_account", {}, []);
    case "leaving":
      return tParts("alerts.crypto.leaving", { count: crypto.withdrawal_ids.length, amount: usdCents(crypto.usd_cents) }, ["amount"]);
    case "left":
      return tParts("alerts.crypto.left", { amount: usdCents(crypto.usd_cents) }, ["amount"]);
  }
}

/** The alert's answer is on its way: queued offline or being sent. */
export function answerWaiting(row: AlertRow): boolean {
  return row.queued !== null && (row.queued.state === "pending" || row.queued.state === "sending");
}
