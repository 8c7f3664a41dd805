// Casework for the in-memory desk: cases held here, changed the way the server would change
// them when the outbox is delivered. The rules (lifecycles, deadlines, outcomes, the reason
// codes) come from arbiter_policy through rules.generated.ts, so the UI tests run the real ones.
import type {
  Action,
  AddEvidence,
  Case,
  CaseEvent,
  CaseUpdate,
  CaseView,
  ChargebackStage,
  CreateCase,
  DisputeFlow,
  Document,
  Lifecycle,
  OutcomeChoice,
  ReasonCodeInfo,
} from "../bindings";
import type { FakeTicket } from "./fakeConversation";
import { AT_RISK_HOURS, DAYS_TO_ACT, DEFAULT_MARGIN_DAYS, NEXT_STAGES, OUTCOME_STAGE, OUTCOMES, PATHS, REASON_CODES, WORKING_STATUSES } from "./rules.generated";

const DAY = 86_400_000;

export const FAKE_REASON_CODES: ReasonCodeInfo[] = REASON_CODES;

/** A Visa code outside the catalog follows its family by number (arbiter_policy::chargeback::flow). */
function flowOf(network: "visa" | "mastercard", code: string): DisputeFlow {
  if (network === "mastercard") return "mastercard";
  const known = REASON_CODES.find((r) => r.network === network && r.code === code.trim());
  if (known) return known.flow;
  return /^1[01]\./.test(code.trim()) ? "allocation" : "collaboration";
}

function lifecycle(c: Case, now = Date.now()): Lifecycle | null {
  if (!c.card) return null;
  const flow = flowOf(c.card.network, c.card.reason_code);
  const stage = c.card.stage;
  const began = new Date(c.card.stage_began_at ?? c.card.filed_at).getTime();
  const days = DAYS_TO_ACT[c.card.network][stage];
  const closed = c.status === "closed";
  // Answered and waiting on the network (arbiter_policy::chargeback::awaiting_network).
  const waiting = c.status === "awaiting_network" && stage !== "first_chargeback";
  const deadline = days === null || closed ? null : began + days * DAY;
  const due = deadline === null || waiting ? null : deadline - DEFAULT_MARGIN_DAYS * DAY;
  const urgency = waiting
    ? "with_network"
    : deadline === null || due === null
      ? "decided"
      : now > deadline
        ? "missed"
        : now > due
          ? "overdue"
          : due - now <= AT_RISK_HOURS * 3_600_000
            ? "at_risk"
            : "on_track";
  return {
    flow,
    path: PATHS[flow],
    stage,
    next: closed ? [] : NEXT_STAGES[flow][stage],
    stage_began_at: new Date(began).toISOString(),
    network_deadline: deadline === null ? null : new Date(deadline).toISOString(),
    response_due: due === null ? null : new Date(due).toISOString(),
    urgency,
  };
}

/** The outcomes a case can close with now (arbiter_policy::cases::outcome_choices). */
function outcomeChoices(c: Case, life: Lifecycle | null): OutcomeChoice[] {
  return OUTCOMES[c.kind].map((outcome) => {
    const stage: ChargebackStage | null = OUTCOME_STAGE[outcome];
    return { outcome, stage: stage !== null && life?.next.includes(stage) ? stage : null };
  });
}

export class FakeCases {
  cases = new Map<number, { case: Case; events: CaseEvent[] }>();
  /** The document store. */
  documents: Document[] = [];
  /** What the desk's CE 3.0 check says of a case (computed in Rust; tests set it). */
  compelling = new Map<number, CaseView["compelling_evidence"]>();
  /** The desk's advice on a case (computed in Rust; tests set it). */
  advice = new Map<number, CaseView["advice"]>();
  private nextCase = 5001;
  private nextEvent = 1;

  constructor(private tickets: () => FakeTicket[]) {}

  view(id: number, outbox: CaseView["outbox"]): CaseView | null {
    const held = this.cases.get(id);
    if (!held) return null;
    const c = structuredClone(held.case);
    for (const item of outbox) if (item.action.type === "update_case" && item.state === "pending") apply(c, item.action.update, item.created_at);
    const reason = FAKE_REASON_CODES.find((r) => r.network === c.card?.network && r.code === c.card?.reason_code) ?? null;
    const life = lifecycle(c);
    return {
      case: c,
      kind: c.kind,
      outcomes: outcomeChoices(c, life),
      statuses: [...WORKING_STATUSES],
      lifecycle: life,
      reason: reason && {
        ...reason,
        checklist: reason.checklist.map((l) => ({ ...l, evidence_ids: c.evidence.filter((e) => e.checklist?.includes(l.key)).map((e) => e.id) })),
      },
      compelling_evidence: this.compelling.get(c.id) ?? null,
      advice: this.advice.get(c.id) ?? null,
      tickets: this.tickets()
        .filter((v) => c.ticket_ids.includes(v.ticket.id))
        .map((v) => ({ id: v.ticket.id, subject: v.ticket.subject, status: v.ticket.status })),
      customer_name: this.tickets().find((v) => v.ticket.customer_id === c.customer_id)?.customer?.name ?? null,
      customer_account: this.tickets().find((v) => v.ticket.customer_id === c.customer_id)?.customer?.account_id ?? null,
      documents: this.documents.filter((d) => d.case_id === c.id),
      assignee_name: c.assignee_id === 1 ? "Ava Chen" : null,
      events: [...held.events],
      outbox,
    };
  }

  /** What the server does when the outbox delivers a case action. */
  deliver(action: Action, actor: { id: number; name: string }) {
    const now = new Date().toISOString();
    if (action.type === "create_case") this.create(action.case, actor, now);
    if (action.type === "update_case") {
      const held = this.cases.get(action.case_id);
      if (!held) return;
      const before = structuredClone(held.case);
      apply(held.case, action.update, now);
      held.case.version += 1;
      held.case.updated_at = now;
      const verb = action.update.decision ? "decided" : action.update.outcome ? "outcome_recorded" : action.update.stage ? "stage_changed" : "status_changed";
      held.events.push(this.event(held.case.id, actor, verb, { stage: before.card?.stage, status: before.status }, { ...action.update }, now));
    }
    if (action.type === "upload_document") {
      this.documents.unshift({
        id: this.documents.length + 1,
        case_id: action.case_id,
        name: action.name,
        content_type: action.content_type,
        size_bytes: 48_213,
        sha256: action.sha256,
        uploaded_by: actor.id,
        uploaded_at: now,
      });
    }
    if (action.type === "add_evidence") {
      const held = this.cases.get(action.case_id);
      if (!held) return;
      const evidence = { ...action.evidence, id: held.case.evidence.length + 1, checklist: [...(action.evidence.checklist ?? [])], added_by: actor.id, added_at: now };
      held.case.evidence.push(evidence);
      held.case.version += 1;
      held.events.push(this.event(held.case.id, actor, "evidence_added", null, evidence, now));
    }
  }

  create(body: CreateCase, actor: { id: number; name: string }, now = new Date().toISOString()): Case {
    const view = this.tickets().find((v) => v.ticket.id === body.ticket_id)!;
    const c: Case = {
      id: this.nextCase++,
      kind: body.kind,
      customer_id: view.ticket.customer_id,
      ticket_ids: [view.ticket.id],
      status: "open",
      amount_minor: body.amount_minor,
      currency: body.currency,
      amount_usd_cents: body.amount_minor,
      card: body.card ? { ...body.card, stage: "first_chargeback", stage_began_at: body.card.filed_at } : null,
      due_at: null,
      decision: null,
      outcome: null,
      recovered_usd_cents: 0,
      lost_usd_cents: 0,
      evidence: [],
      assignee_id: actor.id,
      queue: view.ticket.queue,
      summary: body.summary,
      created_at: now,
      updated_at: now,
      closed_at: null,
      version: 1,
    };
    this.cases.set(c.id, { case: c, events: [this.event(c.id, actor, "created", null, { summary: c.summary }, now)] });
    view.ticket = { ...view.ticket, case_id: c.id, version: view.ticket.version + 1 };
    return c;
  }

  private event(caseId: number, actor: { id: number; name: string }, action: string, before: unknown, after: unknown, at: string): CaseEvent {
    return { id: this.nextEvent++, case_id: caseId, actor_id: actor.id, actor_name: actor.name, action, before: before as never, after: after as never, at };
  }
}

function apply(c: Case, update: CaseUpdate, at: string) {
  if (update.status) c.status = update.status;
  if (update.stage && c.card) {
    if (c.card.stage !== update.stage) c.card.stage_began_at = at;
    c.card.stage = update.stage;
  }
  if (update.decision) c.decision = update.decision;
  if (update.outcome) c.outcome = update.outcome;
  if (update.summary) c.summary = update.summary;
  if (update.recovered_usd_cents != null) c.recovered_usd_cents = update.recovered_usd_cents;
  if (update.lost_usd_cents != null) c.lost_usd_cents = update.lost_usd_cents;
  if (update.status === "closed") c.closed_at = at;
}

export type { AddEvidence };
