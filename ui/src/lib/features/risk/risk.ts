import type { CustomerRisk, Link, LinkKind } from "../../bindings";
import { say } from "../../i18n/index.svelte";

/** What the customer shares with a linked account: the kinds of identifier, in link order. */
export function kindsSharedWith(risk: CustomerRisk | null, customerId: number): LinkKind[] {
  return (risk?.links ?? []).filter((l) => l.customer_ids.includes(customerId)).map((l) => l.kind);
}

/** What an identifier is called, without the kind the sentence names already ("card ··4242" → "··4242"). */
export function linkLabel(link: Link): string {
  const args = link.label_text.args ?? {};
  if (link.label_text.key === "risk.label.cardEnding" && typeof args.last4 === "string") return `··${args.last4}`;
  return say(link.label_text);
}

/** Which rules cite each event of the customer's timeline. */
export function rulesByEvent(risk: CustomerRisk | null): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const f of risk?.risk.findings ?? []) for (const id of f.event_ids) map.set(id, [...(map.get(id) ?? []), f.rule]);
  return map;
}

/** A linked account as the agent knows it: their name, else their number. */
export function linkedName(other: { customer_id: number; name: string | null }): string {
  return other.name ?? `#${other.customer_id}`;
}
