import type { CustomerRisk, LinkKind } from "./bindings";

/** What the customer shares with a linked account: the kinds of identifier, in link order. */
export function kindsSharedWith(risk: CustomerRisk | null, customerId: number): LinkKind[] {
  return (risk?.links ?? []).filter((l) => l.customer_ids.includes(customerId)).map((l) => l.kind);
}
