import { describe, expect, it } from "vitest";
import type { CustomerRisk } from "../../bindings";
import { LinkGraphModel } from "./linkGraph";

function risk(customerId: number, links: [number, "card" | "device" | "ip" | "wallet", boolean][]): CustomerRisk {
  return {
    risk: { customer_id: customerId, score: 0, band: "approve", findings: [], events_considered: 0, at: "2026-12-01T00:00:00Z" },
    links: links.map(([other, kind]) => ({ kind, value: `${kind}-${other}`, label: kind, label_text: { key: "risk.label.asShown", args: { label: kind } }, customer_ids: [other], event_ids: [] })),
    linked_customers: links.map(([other, , outside]) => ({ customer_id: other, name: `Person ${other}`, account_id: `UID ${other}`, outside_queues: outside })),
    timeline: [],
    links_checked_at: null,
    links_truncated: false,
  };
}

describe("the linked-accounts graph", () => {
  it("starts from the customer and their links", () => {
    const graph = LinkGraphModel.of(risk(7, [[99, "card", false], [501, "wallet", true]]), "Lucas Moreau");
    expect([...graph.nodes.keys()]).toEqual([7, 99, 501]);
    expect(graph.nodes.get(7)).toMatchObject({ subject: true, expanded: true, name: "Lucas Moreau" });
    expect(graph.edges.get("7-99")?.kinds).toEqual(["card"]);
    expect(graph.edges.get("7-501")?.outside).toBe(true);
    expect(graph.outsideCount).toBe(1);
    expect(graph.canExpand(99)).toBe(true);
    expect(graph.canExpand(501)).toBe(false); // outside the agent's queues
    expect(graph.canExpand(7)).toBe(false); // already shown
  });

  it("grows by an expanded account's own links without repeating nodes or edges", () => {
    const graph = LinkGraphModel.of(risk(7, [[99, "card", false]]), "Lucas Moreau");
    graph.merge(risk(99, [[7, "card", false], [640, "device", false]]));
    expect([...graph.nodes.keys()]).toEqual([7, 99, 640]);
    expect(graph.edges.size).toBe(2);
    expect(graph.edges.get("7-99")?.kinds).toEqual(["card"]);
    expect(graph.edges.get("99-640")?.kinds).toEqual(["device"]);
    expect(graph.canExpand(99)).toBe(false);
    expect(graph.canExpand(640)).toBe(true);
  });
});
