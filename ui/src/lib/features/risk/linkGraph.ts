// The linked-accounts graph as data: the customer, the accounts that share a device, IP,
// wallet or card with them, and — as an investigator expands a node — that account's own
// links. Pure, so the merge rules are tested without a canvas; the component draws it with
// Cytoscape.
import type { CustomerRisk, LinkKind } from "../../bindings";

export interface GraphNode {
  id: number;
  name: string;
  account: string | null;
  /** Not in the agent's queues: known from the company API, not expandable from here. */
  outside: boolean;
  /** The customer the graph is about. */
  subject: boolean;
  /** Its own links are on the graph. */
  expanded: boolean;
}

export interface GraphEdge {
  source: number;
  target: number;
  kinds: LinkKind[];
  outside: boolean;
}

const edgeKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

export class LinkGraphModel {
  readonly nodes = new Map<number, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();

  /** The graph of `risk`'s customer and their linked accounts. */
  static of(risk: CustomerRisk, subjectName: string): LinkGraphModel {
    const graph = new LinkGraphModel();
    const id = risk.risk.customer_id;
    graph.nodes.set(id, { id, name: subjectName, account: null, outside: false, subject: true, expanded: true });
    graph.merge(risk);
    return graph;
  }

  /** Adds what `risk` says about its customer's links (the customer's node is expanded). */
  merge(risk: CustomerRisk): void {
    const centre = risk.risk.customer_id;
    const known = this.nodes.get(centre);
    if (known) known.expanded = true;
    for (const other of risk.linked_customers) {
      const existing = this.nodes.get(other.customer_id);
      if (!existing) {
        this.nodes.set(other.customer_id, {
          id: other.customer_id,
          name: other.name ?? `#${other.customer_id}`,
          account: other.account_id,
          outside: other.outside_queues,
          subject: false,
          expanded: false,
        });
      } else if (existing.account === null && other.account_id) {
        existing.account = other.account_id;
      }
      const kinds = risk.links.filter((l) => l.customer_ids.includes(other.customer_id)).map((l) => l.kind);
      const key = edgeKey(centre, other.customer_id);
      const edge = this.edges.get(key);
      const merged = [...new Set([...(edge?.kinds ?? []), ...kinds])];
      this.edges.set(key, { source: centre, target: other.customer_id, kinds: merged, outside: other.outside_queues });
    }
  }

  /** Whether the agent can open this account's own links (in their queues, not yet shown). */
  canExpand(id: number): boolean {
    const node = this.nodes.get(id);
    return !!node && !node.outside && !node.expanded;
  }

  get outsideCount(): number {
    return [...this.nodes.values()].filter((n) => n.outside).length;
  }
}
