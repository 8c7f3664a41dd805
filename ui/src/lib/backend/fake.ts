// An in-memory desk for component tests and browser harnesses: same contract as the real
// one, data held in plain arrays, the outbox simulated (actions stay pending until
// `deliver()`), failures injectable.
import type {
  Action,
  Agent,
  Customer,
  InboxView,
  Message,
  OutboxItem,
  SearchHit,
  SearchQuery,
  SearchResults,
  SessionInfo,
  StorageReport,
  SyncStatus,
  Ticket,
  TicketListItem,
  TicketUpdate,
  TicketView,
  TicketsChanged,
  ViewCount,
} from "../bindings";
import { DeskFailure, type Backend } from "./types";

const OPEN = ["new", "open", "pending", "on_hold"];

export interface FakeData {
  session: SessionInfo | null;
  tickets: TicketView[];
}

export class FakeBackend implements Backend {
  session_: SessionInfo | null;
  tickets: TicketView[];
  queue: OutboxItem[] = [];
  status: SyncStatus = {
    state: "online",
    last_synced_at: new Date().toISOString(),
    cursor: 10,
    head: 10,
    from: 0,
    message: null,
    retry_at: null,
    outbox_pending: 0,
    outbox_failed: 0,
    progress: null,
  };
  retentionDays = 90;
  resyncs = 0;
  /** The next queued action fails with this, once. */
  failNext: DeskFailure | null = null;
  /** Every reply queued, for assertions. */
  replies: { ticketId: number; body: string; clientKey: string }[] = [];
  private statusListeners = new Set<(s: SyncStatus) => void>();
  private cacheListeners = new Set<(c: TicketsChanged) => void>();
  private nextMessageId = 1_000_000;
  private nextSeq = 1;

  constructor(data: FakeData) {
    this.session_ = data.session;
    this.tickets = data.tickets;
  }

  async session() {
    return this.session_;
  }

  async signIn(serverUrl: string, token: string): Promise<SessionInfo> {
    if (token !== "good-token") throw new DeskFailure("unauthorized", "the server did not accept the token");
    const session = { server_url: serverUrl, agent: fakeAgent };
    this.session_ = session;
    return session;
  }

  async signOut() {
    this.session_ = null;
  }

  async syncStatus() {
    return this.status;
  }

  async syncNow() {}

  private matches(view: InboxView, t: Ticket): boolean {
    const me = this.session_?.agent.id;
    switch (view) {
      case "mine":
        return t.assignee_id === me && OPEN.includes(t.status);
      case "unassigned":
        return t.assignee_id === null && OPEN.includes(t.status);
      case "open":
        return t.status === "new" || t.status === "open";
      case "pending":
        return t.status === "pending";
      case "on_hold":
        return t.status === "on_hold";
      case "solved":
        return t.status === "solved" || t.status === "closed";
      case "all":
        return true;
    }
  }

  async listTickets(view: InboxView): Promise<TicketListItem[]> {
    return this.tickets
      .filter((v) => this.matches(view, v.ticket))
      .sort((a, b) => b.ticket.updated_at.localeCompare(a.ticket.updated_at))
      .map((v) => {
        const last = v.messages.at(-1) ?? null;
        const waiting = this.queue.some((q) => q.action.ticket_id === v.ticket.id && q.state !== "done");
        return {
          id: v.ticket.id,
          subject: v.ticket.subject,
          channel: v.ticket.channel,
          kind: v.ticket.kind,
          status: v.ticket.status,
          priority: v.ticket.priority,
          queue: v.ticket.queue,
          assignee_name: v.assignee?.name ?? null,
          customer_name: v.customer?.name ?? null,
          language: v.ticket.language,
          updated_at: v.ticket.updated_at,
          preview: last?.text ?? null,
          last_author_kind: last?.author_kind ?? null,
          outbox: waiting ? "pending" : null,
        };
      });
  }

  async viewCounts(): Promise<ViewCount[]> {
    const views: InboxView[] = ["mine", "unassigned", "open", "pending", "on_hold", "solved", "all"];
    return views.map((view) => ({ view, count: this.tickets.filter((v) => this.matches(view, v.ticket)).length }));
  }

  async ticket(id: number): Promise<TicketView> {
    const found = this.tickets.find((v) => v.ticket.id === id);
    if (!found) throw new DeskFailure("not_found", `Ticket #${id} is not in the local copy.`);
    const view = structuredClone(found);
    view.outbox = this.queue.filter((q) => q.action.ticket_id === id && q.state !== "done");
    return view;
  }

  private enqueue(id: string, action: Action): OutboxItem {
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = null;
      throw failure;
    }
    const existing = this.queue.find((q) => q.id === id);
    if (existing) return existing;
    const now = new Date().toISOString();
    const item: OutboxItem = {
      id,
      seq: this.nextSeq++,
      action,
      state: "pending",
      attempts: 0,
      last_error: null,
      conflict: null,
      created_at: now,
      updated_at: now,
    };
    this.queue.push(item);
    this.emitStatus({ outbox_pending: this.queue.filter((q) => q.state === "pending").length });
    this.cacheListeners.forEach((l) => l({ ids: [action.ticket_id] }));
    return item;
  }

  async sendReply(ticketId: number, body: string, clientKey: string): Promise<OutboxItem> {
    this.replies.push({ ticketId, body, clientKey });
    return this.enqueue(clientKey, { type: "reply", ticket_id: ticketId, body: body.trim() });
  }

  async addNote(ticketId: number, body: string, clientKey: string): Promise<OutboxItem> {
    return this.enqueue(clientKey, { type: "note", ticket_id: ticketId, body: body.trim() });
  }

  async updateTicket(ticketId: number, update: TicketUpdate, clientKey: string): Promise<OutboxItem> {
    const view = this.tickets.find((v) => v.ticket.id === ticketId);
    return this.enqueue(clientKey, { type: "update_ticket", ticket_id: ticketId, base_version: view?.ticket.version ?? 1, update });
  }

  async outbox() {
    return this.queue.filter((q) => q.state !== "done");
  }

  async resolveConflict(id: string, keepMine: boolean, newKey: string) {
    const item = this.queue.find((q) => q.id === id);
    if (!item) return;
    this.queue = this.queue.filter((q) => q.id !== id);
    if (keepMine) this.enqueue(newKey, item.action);
  }

  async dismissAction(id: string) {
    this.queue = this.queue.filter((q) => q.id !== id);
  }

  /** Sends every pending action as the server would accept it. */
  /** A plain substring search over subjects, messages and notes: enough for UI tests. */
  async search(query: SearchQuery): Promise<SearchResults> {
    const words = query.text.toLowerCase().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length === 0) {
      const notice = query.text.trim() ? "Type some letters or numbers to search for." : null;
      return { hits: [], more: false, notice };
    }
    const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
    const hits: SearchHit[] = [];
    for (const view of this.tickets) {
      const t = view.ticket;
      if (query.statuses?.length && !query.statuses.includes(t.status)) continue;
      const base = { ticket_id: t.id, customer_id: t.customer_id, title: t.subject, ticket_status: t.status, channel: t.channel };
      if (matches(`${t.subject} ${t.id}`)) {
        hits.push({ ...base, source: "ticket", entity_id: t.id, snippet: `#${t.id}`, at: t.created_at });
      }
      for (const m of view.messages) {
        if (matches(m.text)) hits.push({ ...base, source: "message", entity_id: m.id, snippet: m.text.slice(0, 180), at: m.created_at });
      }
      for (const n of view.notes) {
        if (matches(n.text)) hits.push({ ...base, source: "note", entity_id: n.id, snippet: n.text.slice(0, 180), at: n.created_at });
      }
    }
    hits.sort((a, b) => b.at.localeCompare(a.at));
    const limit = query.limit ?? 50;
    return { hits: hits.slice(0, limit), more: hits.length > limit, notice: null };
  }

  async storage(): Promise<StorageReport> {
    const messages = this.tickets.reduce((n, t) => n + t.messages.length, 0);
    return {
      database_bytes: 4096 * (10 + messages),
      free_bytes: 0,
      tables: [
        { table: "tickets", rows: this.tickets.length },
        { table: "messages", rows: messages },
      ],
      retention_days: this.retentionDays,
    };
  }

  async setRetentionDays(days: number): Promise<StorageReport> {
    if (days < 1 || days > 3650) throw new DeskFailure("invalid_input", "Retention must be between 1 and 3650 days.");
    this.retentionDays = days;
    return this.storage();
  }

  async resync() {
    this.resyncs += 1;
  }

  async compactCache() {
    return this.storage();
  }

  deliver() {
    for (const item of this.queue.filter((q) => q.state === "pending")) {
      const view = this.tickets.find((v) => v.ticket.id === item.action.ticket_id);
      if (view && item.action.type === "reply") {
        const message: Message = {
          id: this.nextMessageId++,
          ticket_id: view.ticket.id,
          author_kind: "agent",
          author_agent_id: fakeAgent.id,
          author_name: fakeAgent.name,
          text: item.action.body,
          html: null,
          email: null,
          attachments: [],
          created_at: new Date().toISOString(),
          client_ref: item.id,
        };
        view.messages.push(message);
        view.ticket.updated_at = message.created_at;
      }
      item.state = "done";
      this.cacheListeners.forEach((l) => l({ ids: [item.action.ticket_id] }));
    }
    this.emitStatus({ outbox_pending: 0 });
  }

  async onSyncStatus(listener: (s: SyncStatus) => void) {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  async onCacheChanged(listener: (c: TicketsChanged) => void) {
    this.cacheListeners.add(listener);
    return () => this.cacheListeners.delete(listener);
  }

  /** Pushes a status as the desk would. */
  emitStatus(status: Partial<SyncStatus>) {
    this.status = { ...this.status, ...status };
    this.statusListeners.forEach((l) => l(this.status));
  }
}

export const fakeAgent: Agent = {
  id: 1,
  name: "Ava Chen",
  email: "ava@arbiter.example",
  role: "agent",
  team: "disputes",
  teams: ["disputes"],
  languages: ["en", "zh"],
  presence: "online",
  presence_since: "2026-11-24T08:00:00Z",
};

/** A small, believable inbox. */
export function sampleData(): FakeData {
  const customer: Customer = {
    id: 7,
    account_id: "UID 48213391",
    name: "Lucas Moreau",
    legal_name: "Lucas Moreau",
    email: "lucas.moreau@example.com",
    kyc_level: "verified",
    vip_tier: "none",
    language: "fr",
    country: "FR",
    created_at: "2024-03-02T10:00:00Z",
    updated_at: "2024-03-02T10:00:00Z",
  };
  const ticket = (id: number, subject: string, status: Ticket["status"], assignee: boolean, minutesAgo: number): TicketView => {
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    return {
      ticket: {
        id,
        channel: id % 2 ? "email" : "chat",
        kind: "card_chargeback",
        subject,
        status,
        priority: "high",
        queue: "disputes",
        assignee_id: assignee ? fakeAgent.id : null,
        customer_id: customer.id,
        language: "en",
        tags: ["chargeback"],
        sla: { first_response_due_at: at, first_responded_at: null, next_response_due_at: null, resolution_due_at: at },
        escalation_level: "l0",
        case_id: null,
        created_at: at,
        updated_at: at,
        solved_at: null,
        version: 2,
      },
      customer,
      assignee: assignee ? fakeAgent : null,
      messages: [
        {
          id: id * 10,
          ticket_id: id,
          author_kind: "customer",
          author_agent_id: null,
          author_name: customer.name,
          text: `Hello, about ${subject.toLowerCase()}: my card was charged twice.`,
          html: null,
          email: null,
          attachments: [],
          created_at: at,
          client_ref: null,
        },
      ],
      notes: [],
      outbox: [],
    };
  };
  return {
    session: { server_url: "http://127.0.0.1:8080", agent: fakeAgent },
    tickets: [
      ticket(100001, "Card charged twice for one BTC purchase", "open", true, 5),
      ticket(100002, "Withdrawal pending for 3 days", "new", false, 30),
      ticket(100003, "Chargeback notice: reason code 13.1", "pending", true, 90),
      ticket(100004, "Thanks for the quick help", "solved", true, 600),
    ],
  };
}
