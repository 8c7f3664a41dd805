// An in-memory desk for component tests and browser harnesses: same contract as the real
// one, data held in plain arrays, the outbox simulated (actions stay pending until
// `deliver()`), failures injectable.
import type {
  AlertDetail,
  AlertOutcome,
  AlertQueue,
  AlertRow,
  DisputeAlert,
  RepresentmentDraft,
  RepresentmentOutcome,
  ReviewLine,
  ControlsReportQuery,
  Suggestion,
  WithdrawalNotes,
  ApprovalEvidence,
  AccountAction,
  AccountControls,
  AccountPanel,
  ActionRequest,
  ApprovalItem,
  Approver,
  RequestAction,
  ServiceQuery,
  ServiceReport,
  ServiceRow,
  ConversationCursor,
  ConversationPage,
  ErrorCode,
  Msg,
  Action,
  Agent,
  ArticleHit,
  AddEvidence,
  BulkOutcome,
  CaseUpdate,
  CaseView,
  CreateCase,
  ReasonCodeInfo,
  ReportOutcome,
  CustomerRisk,
  Sar,
  SarDraft,
  ChatUnread,
  DraftKind,
  ActivityEvent,
  EvidenceFile,
  LossQuery,
  LossReport,
  LossRow,
  Handover,
  HandoverItem,
  NewHandover,
  Customer,
  Escalation,
  InboxView,
  ListCursor,
  LinkTarget,
  UpdateStatus,
  CrashReport,
  Diagnostics,
  ManagedSettings,
  LiveEvent,
  MacroChoice,
  QuarantinedMail,
  NewEmail,
  Message,
  SafeEmail,
  OpenedAttachment,
  OutgoingFile,
  PreparedFile,
  OutboxItem,
  SavedView,
  SearchHit,
  SearchQuery,
  SearchResults,
  SessionInfo,
  SupervisorOverview,
  SideConversation,
  SideMessage,
  StorageReport,
  SyncStatus,
  Ticket,
  TicketFilter,
  TicketListItem,
  TicketUpdate,
  TicketView,
  TicketsChanged,
  ViewCount,
  ViewKey,
  Offer,
  Presence,
  WaitingConversation,
  RoutingPolicy,
} from "../bindings";
import { DeskFailure, ticketOfAction, type Backend } from "./types";
import { FAKE_REASON_CODES, FakeCases } from "./fakeCases";
import { ALERT_OUTCOMES, alertUrgency, FAKE_ALERT_POLICY, FakeAlerts, HOLD_REASON, refusal } from "./fakeAlerts";
import { english, msg } from "./fakeMessages";
import type { RustMessageKey } from "../i18n/rust.en";

/** A failure as the desk sends it: its code, its English, and its message key. */
function fail(code: ErrorCode, text: Msg): DeskFailure {
  return new DeskFailure(code, english(text), text);
}
import { CASE_KIND_OF, CONVERSATION_WINDOW, INTERNAL_TEAMS } from "./rules.generated";
import { conversationPage, type FakeTicket } from "./fakeConversation";

const OPEN = ["new", "open", "pending", "on_hold"];

/** The soonest running SLA clock, as the desk computes it. */
function slaDue(t: Ticket): string | null {
  const running = t.sla.first_responded_at === null ? t.sla.first_response_due_at : t.sla.next_response_due_at;
  const dues = [running, t.sla.resolution_due_at].filter((d): d is string => d !== null);
  return dues.length ? dues.sort()[0] : null;
}

/** Open escalations counted as the server's overview counts them. */
function escalationsOf(open: Escalation[]) {
  const by = (levels: string[]) => open.filter((e) => levels.includes(e.level)).length;
  const oldest = open.map((e) => e.created_at).sort()[0] ?? null;
  return {
    open_escalations: open.length,
    open_escalations_by_level: [by(["l0", "l1"]), by(["l2"]), by(["l3"])] as [number, number, number],
    oldest_escalation_at: oldest,
  };
}

export type { FakeTicket } from "./fakeConversation";

export interface FakeData {
  session: SessionInfo | null;
  tickets: FakeTicket[];
}

export class FakeBackend implements Backend {
  session_: SessionInfo | null;
  tickets: FakeTicket[];
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
  replies: { ticketId: number; body: string; files: OutgoingFile[]; clientKey: string }[] = [];
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

  /** Nothing is preset for the in-memory desk unless a test presets it. */
  managed_: ManagedSettings = { server_url: null, identity_provider: null, updates: null, source: null, problem: null };
  async managedSettings(): Promise<ManagedSettings> {
    return this.managed_;
  }

  /** The browser step of single sign-on: settled by `finishCompanySignIn` (tests). */
  private companySignIn: { done: (s: SessionInfo) => void; failed: (e: unknown) => void } | null = null;
  private companyStep: Promise<SessionInfo> | null = null;
  async beginCompanySignIn(): Promise<string> {
    if (!this.managed_.identity_provider || !this.managed_.server_url) throw fail("invalid_input", msg("sso.notConfigured"));
    this.companyStep = new Promise((done, failed) => (this.companySignIn = { done, failed }));
    return `${this.managed_.identity_provider.issuer}/auth?client_id=${this.managed_.identity_provider.client_id}`;
  }
  async completeCompanySignIn(): Promise<SessionInfo> {
    if (!this.companyStep) throw fail("invalid_input", msg("sso.notStarted"));
    return this.companyStep;
  }
  async cancelCompanySignIn() {
    this.companySignIn?.failed(fail("invalid_input", msg("sso.cancelled")));
    this.companySignIn = null;
    this.companyStep = null;
  }
  /** Tests: the browser came back signed in. */
  finishCompanySignIn() {
    const session = { server_url: this.managed_.server_url ?? "", agent: fakeAgent };
    this.session_ = session;
    this.companySignIn?.done(session);
  }

  async signIn(serverUrl: string, token: string): Promise<SessionInfo> {
    if (token !== "good-token") throw fail("unauthorized", msg("error.client.unauthorized", { detail: "unknown or revoked token" }));
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

  savedViews_: SavedView[] = [];

  private matchesBuiltin(view: InboxView, t: Ticket): boolean {
    const me = this.session_?.agent.id;
    const active = OPEN.includes(t.status);
    switch (view) {
      case "mine":
        return t.assignee_id === me && active;
      case "unassigned":
        return t.assignee_id === null && active;
      case "open":
        return t.status === "new" || t.status === "open";
      case "pending":
        return t.status === "pending";
      case "on_hold":
        return t.status === "on_hold";
      case "sla_at_risk": {
        const due = slaDue(t);
        return (t.status === "new" || t.status === "open") && due !== null && new Date(due).getTime() <= Date.now() + 30 * 60_000;
      }
      case "escalated":
        return t.escalation_level !== "l0" && active;
      case "chargebacks":
        return t.kind === "card_chargeback" && active;
      case "fraud_claims":
        return t.kind === "fraud_claim" && active;
      case "disputes":
        return (t.kind === "trade_dispute" || t.kind === "p2p_dispute") && active;
      case "solved":
        return t.status === "solved" || t.status === "closed";
      case "all":
        return true;
    }
  }

  private matchesFilter(f: TicketFilter, t: Ticket): boolean {
    const me = this.session_?.agent.id;
    const any = <T>(list: T[] | undefined, value: T) => !list?.length || list.includes(value);
    return (
      any(f.statuses, t.status) &&
      any(f.queues, t.queue) &&
      any(f.kinds, t.kind) &&
      any(f.channels, t.channel) &&
      any(f.languages, t.language) &&
      any(f.priorities, t.priority) &&
      (!f.tags?.length || f.tags.some((tag) => t.tags.includes(tag))) &&
      (f.assignee !== "me" || t.assignee_id === me) &&
      (f.assignee !== "nobody" || t.assignee_id === null) &&
      (typeof f.assignee !== "object" || f.assignee === null || t.assignee_id === f.assignee.agent) &&
      (!f.escalated || t.escalation_level !== "l0")
    );
  }

  private matches(view: ViewKey, t: Ticket): boolean {
    if (view.builtin !== undefined) return this.matchesBuiltin(view.builtin, t);
    if (view.filter !== undefined) return this.matchesFilter(view.filter, t);
    const saved = this.savedViews_.find((v) => v.id === view.saved);
    if (!saved) throw fail("not_found", msg("error.viewGone"));
    return this.matchesFilter(saved.filter, t);
  }

  async listTickets(view: ViewKey, after: ListCursor | null = null, limit = 100): Promise<TicketListItem[]> {
    const items = this.tickets
      .filter((v) => this.matches(view, v.ticket))
      .sort((a, b) => b.ticket.updated_at.localeCompare(a.ticket.updated_at) || b.ticket.id - a.ticket.id)
      .map((v): TicketListItem => {
        const last = v.messages.at(-1) ?? null;
        const waiting = this.queue.some((q) => ticketOfAction(q.action) === v.ticket.id && q.state !== "done");
        const t = v.ticket;
        return {
          id: t.id,
          subject: t.subject,
          channel: t.channel,
          kind: t.kind,
          status: t.status,
          priority: t.priority,
          queue: t.queue,
          assignee_name: v.assignee?.name ?? null,
          customer_name: v.customer?.name ?? null,
          language: t.language,
          updated_at: t.updated_at,
          preview: last?.text ?? null,
          last_author_kind: last?.author_kind ?? null,
          outbox: waiting ? "pending" : null,
          escalation_level: t.escalation_level,
          sla_due_at: t.status === "new" || t.status === "open" ? slaDue(t) : null,
          tags: t.tags,
          cursor: { key: new Date(t.updated_at).getTime(), id: t.id },
        };
      });
    const start = after ? items.findIndex((i) => i.id === after.id) + 1 : 0;
    return items.slice(start, start + limit);
  }

  async viewCounts(): Promise<ViewCount[]> {
    const views: InboxView[] = [
      "mine",
      "unassigned",
      "open",
      "pending",
      "on_hold",
      "sla_at_risk",
      "escalated",
      "chargebacks",
      "fraud_claims",
      "disputes",
      "solved",
      "all",
    ];
    const keys: ViewKey[] = [
      ...views.map((builtin): ViewKey => ({ builtin })),
      ...this.savedViews_.map((v): ViewKey => ({ saved: v.id })),
    ];
    return keys.map((view) => ({ view, count: this.tickets.filter((v) => this.matches(view, v.ticket)).length }));
  }

  async savedViews(): Promise<SavedView[]> {
    return [...this.savedViews_];
  }

  async saveView(id: string | null, name: string, filter: TicketFilter): Promise<SavedView> {
    if (!name.trim()) throw fail("invalid_input", msg("error.viewName", { max: 80 }));
    const view = { id: id ?? `v${this.savedViews_.length + 1}`, name: name.trim(), filter };
    const index = this.savedViews_.findIndex((v) => v.id === view.id);
    if (index >= 0) this.savedViews_[index] = view;
    else this.savedViews_.push(view);
    return view;
  }

  /** Reply drafts, by ticket. */
  drafts = new Map<number, string>();
  /** Report and handover drafts, by "kind:key". */
  otherDrafts = new Map<string, string>();
  /** The catalogues the UI handed over, newest last. */
  languages: Record<string, string>[] = [];

  async useLanguage(messages: Record<string, string>): Promise<void> {
    this.languages.push(messages);
  }

  /** Unread counts of live chats, by ticket. */
  unreadChats = new Map<number, number>();

  async chatUnread(): Promise<ChatUnread[]> {
    return [...this.unreadChats].map(([ticket_id, unread]) => ({ ticket_id, unread }));
  }

  async setChatUnread(ticketId: number, unread: number): Promise<void> {
    if (unread > 0) this.unreadChats.set(ticketId, unread);
    else this.unreadChats.delete(ticketId);
  }

  /** Chats the router offers the agent (tests put them here). */
  offers: Offer[] = [];
  /** What the agent did: answers given, typing signals, read marks. */
  answered: { offerId: number; accept: boolean }[] = [];
  typingSignals: { ticketId: number; typing: boolean }[] = [];
  seenMarks: { ticketId: number; upTo: number }[] = [];

  /** The routing in force, as a supervisor last saved it. */
  routing: RoutingPolicy = {
    auto_assign_chats: true,
    auto_assign_emails: false,
    strategy: "longest_idle",
    default_capacity: { chat: 3, email: 10 },
    agents: [],
    topic_queues: [],
    offer_seconds: 30,
    relax_skills_after_seconds: 120,
    no_agent_after_seconds: 180,
    hours: [],
  };

  async routingPolicy(): Promise<RoutingPolicy> {
    if (this.session_?.agent.role !== "supervisor") throw fail("rejected", msg("error.supervisorsOnly"));
    return structuredClone(this.routing);
  }

  async saveRouting(routing: RoutingPolicy): Promise<RoutingPolicy> {
    if (this.session_?.agent.role !== "supervisor") throw fail("rejected", msg("error.supervisorsOnly"));
    this.routing = structuredClone(routing);
    return structuredClone(this.routing);
  }

  async setPresence(presence: Presence): Promise<Agent> {
    if (!this.session_) throw new Error("not signed in");
    this.session_.agent = { ...this.session_.agent, presence, presence_since: new Date().toISOString() };
    return structuredClone(this.session_.agent);
  }

  async chatOffers(): Promise<Offer[]> {
    return structuredClone(this.offers);
  }

  async answerOffer(offerId: number, accept: boolean): Promise<Offer> {
    const offer = this.offers.find((o) => o.id === offerId && o.status === "offered");
    if (!offer) throw new Error(`offer ${offerId} was already answered`);
    offer.status = accept ? "accepted" : "declined";
    this.answered.push({ offerId, accept });
    const mine = this.session_?.agent.id ?? null;
    const found = this.tickets.find((t) => t.ticket.id === offer.ticket_id);
    if (accept && found && mine !== null) found.ticket.assignee_id = mine;
    return structuredClone(offer);
  }

  async agentTyping(ticketId: number, typing: boolean): Promise<void> {
    this.typingSignals.push({ ticketId, typing });
  }

  async conversationSeen(ticketId: number, upTo: number): Promise<void> {
    this.seenMarks.push({ ticketId, upTo });
  }
  macroChoices: MacroChoice[] = [
    {
      id: 1,
      key: "refund-sent",
      title: "Refund sent",
      language: "en",
      body: "Hi Lucas,\n\nWe have sent your refund. It reaches your card in 3–5 working days.\n\nAva",
      set_status: "solved",
      add_tags: ["refund"],
    },
    {
      id: 2,
      key: "need-statement",
      title: "Ask for the bank statement",
      language: "en",
      body: "Hi Lucas,\n\nCould you send us the bank statement that shows the charge?\n\nAva",
      set_status: "pending",
      add_tags: [],
    },
  ];

  async draft(kind: DraftKind, key: string): Promise<string> {
    return (kind === "reply" ? this.drafts.get(Number(key)) : this.otherDrafts.get(`${kind}:${key}`)) ?? "";
  }

  async saveDraft(kind: DraftKind, key: string, body: string): Promise<void> {
    if (kind !== "reply") {
      if (body.trim()) this.otherDrafts.set(`${kind}:${key}`, body);
      else this.otherDrafts.delete(`${kind}:${key}`);
      return;
    }
    const ticketId = Number(key);
    if (body.trim()) this.drafts.set(ticketId, body);
    else this.drafts.delete(ticketId);
  }

  async agents(): Promise<Agent[]> {
    return [fakeAgent, { ...fakeAgent, id: 2, name: "Marcus Oyelaran", role: "supervisor" }];
  }

  async macros(): Promise<MacroChoice[]> {
    return this.macroChoices;
  }

  /** Links the agent chose to open, for assertions. */
  opened: string[] = [];

  async emailBody(ticketId: number, messageId: number, remoteImages: boolean): Promise<SafeEmail> {
    const message = this.tickets.find((t) => t.ticket.id === ticketId)?.messages.find((m) => m.id === messageId);
    if (!message?.html) throw fail("not_found", msg("error.noHtml"));
    // The fake trusts its own fixtures; the real desk cleans the HTML in Rust.
    const blocked = remoteImages ? 0 : (message.html.match(/<img[^>]+src="https:/g) ?? []).length;
    const html = remoteImages ? message.html : message.html.replace(/<img[^>]+src="https:[^>]*>/g, "");
    return { document: `<!doctype html><html><body>${html}</body></html>`, blocked_images: blocked, truncated: false };
  }

  articles: ArticleHit[] = [
    {
      id: 1,
      title: "How card refunds reach your account",
      language: "en",
      url: "https://help.arbiter.example/en/card-refunds",
      excerpt: "Refunds to cards take 3–5 working days…",
      body: "Refunds to cards take 3–5 working days, depending on your bank.",
    },
  ];

  async searchArticles(_ticketId: number, query: string): Promise<ArticleHit[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.articles.filter((a) => words.every((w) => `${a.title} ${a.body}`.toLowerCase().includes(w)));
  }

  /** What opening each attachment shows, by SHA-256, with its pictures as data: URLs (tests fill it); the rest are "other". */
  attachmentContents: Record<string, { opened: Omit<OpenedAttachment, "sha256" | "name" | "size_bytes">; pictures?: string[] }> = {};
  /** Attachments on this computer; the others fail to open while `offline`. */
  kept = new Set<string>();
  offline = false;
  /** Where the agent chose to save attachments (the fake's answer to the save dialog), and what was saved. */
  attachmentPath: string | null = "/home/agent/Downloads/file";
  savedAttachments: { sha256: string; path: string }[] = [];
  evidenceFromAttachments: { caseId: number; sha256: string; evidence: AddEvidence }[] = [];

  private attachmentOf(ticketId: number, messageId: number, sha256: string) {
    const message = this.tickets.find((t) => t.ticket.id === ticketId)?.messages.find((m) => m.id === messageId);
    const attachment = message?.attachments.find((a) => a.sha256 === sha256);
    if (!attachment) throw fail("not_found", msg("error.attachmentUnknown"));
    if (!this.kept.has(sha256) && this.offline) throw fail("offline", msg("error.attachmentOffline", { detail: "offline" }));
    this.kept.add(sha256);
    return attachment;
  }

  async openAttachment(ticketId: number, messageId: number, sha256: string): Promise<OpenedAttachment> {
    const attachment = this.attachmentOf(ticketId, messageId, sha256);
    const known = this.attachmentContents[sha256]?.opened ?? {
      content_type: attachment.content_type,
      disguised_as: null,
      content: { kind: "other" as const, problem: null },
    };
    return { sha256, name: attachment.name, size_bytes: attachment.size_bytes, ...known };
  }

  pictureUrl(_ticketId: number, _messageId: number, sha256: string, page: number): string {
    return this.attachmentContents[sha256]?.pictures?.[page] ?? "data:,not-a-picture";
  }

  async saveAttachment(ticketId: number, messageId: number, sha256: string, path: string): Promise<void> {
    this.attachmentOf(ticketId, messageId, sha256);
    this.savedAttachments.push({ sha256, path });
  }

  async keptAttachments(hashes: string[]): Promise<string[]> {
    return hashes.filter((h) => this.kept.has(h));
  }

  async attachmentAsEvidence(caseId: number, ticketId: number, messageId: number, sha256: string, evidence: AddEvidence, clientKey: string): Promise<OutboxItem[]> {
    const attachment = this.attachmentOf(ticketId, messageId, sha256);
    if (!evidence.title.trim()) throw fail("invalid_input", msg("error.evidenceTitle"));
    this.evidenceFromAttachments.push({ caseId, sha256, evidence });
    const upload = this.enqueue(`${clientKey}-file`, {
      type: "upload_document",
      case_id: caseId,
      ticket_id: ticketId,
      name: attachment.name,
      content_type: attachment.content_type,
      sha256,
    });
    const described = { ...evidence, kind: "file" as const, description: `File “${attachment.name}”, SHA-256 ${sha256}, in the document store.` };
    return [upload, await this.addCaseEvidence(caseId, ticketId, described, clientKey)];
  }

  /** The mail quarantine supervisors see, and what was saved from it (path → id). */
  quarantine: QuarantinedMail[] = [
    {
      id: 3,
      mailbox: "disputes@exchange.example",
      queue: "disputes",
      reason: "the message is 41 MB, over the 40 MB the desk reads",
      size_bytes: 43_000_000,
      received_at: "2026-11-24T07:40:00Z",
      from: "Chen Wei <chen.wei@example.cn>",
      subject: "Bank statements (all of 2026)",
    },
  ];
  savedQuarantine = new Map<string, number>();

  async quarantinedMail(before: number | null): Promise<QuarantinedMail[]> {
    if (this.session_?.agent.role !== "supervisor") throw fail("rejected", msg("error.supervisorsOnly"));
    return this.quarantine.filter((q) => before === null || q.id < before);
  }

  async saveQuarantinedMail(id: number, path: string): Promise<void> {
    if (this.session_?.agent.role !== "supervisor") throw fail("rejected", msg("error.supervisorsOnly"));
    this.savedQuarantine.set(path, id);
  }

  async chooseAttachmentPath(name: string): Promise<string | null> {
    return this.attachmentPath === null ? null : `${this.attachmentPath.replace(/\/file$/, "")}/${name}`;
  }

  async openLink(url: string): Promise<void> {
    if (!/^(https:|mailto:)/.test(url)) throw fail("invalid_input", msg("error.onlySafeLinks"));
    this.opened.push(url);
  }

  async deleteView(id: string): Promise<void> {
    this.savedViews_ = this.savedViews_.filter((v) => v.id !== id);
  }

  async ticket(id: number): Promise<TicketView> {
    const found = this.tickets.find((v) => v.ticket.id === id);
    if (!found) throw fail("not_found", msg("error.ticketNotCached", { id }));
    const { messages, notes, ...rest } = structuredClone(found);
    const view: TicketView = { ...rest, conversation: conversationPage(messages, notes, null, CONVERSATION_WINDOW) };
    view.case_kind = CASE_KIND_OF[view.ticket.kind];
    view.outbox = this.queue.filter((q) => ticketOfAction(q.action) === id && q.state !== "done");
    for (const item of view.outbox) {
      if (item.action.type === "acknowledge_escalation" && item.state === "pending") {
        const taken = item.action.escalation_id;
        view.escalations = view.escalations.map((e) => (e.id === taken ? { ...e, status: "acknowledged" } : e));
      }
    }
    return view;
  }

  async olderConversation(ticketId: number, before: ConversationCursor, limit: number): Promise<ConversationPage> {
    const found = this.tickets.find((v) => v.ticket.id === ticketId);
    if (!found) throw fail("not_found", msg("error.ticketNotCached", { id: ticketId }));
    return structuredClone(conversationPage(found.messages, found.notes, before, limit));
  }

  /** Throws the failure a test set up for the next call, once. */
  private throwIfFailing(): void {
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
  }

  private enqueue(id: string, action: Action): OutboxItem {
    this.throwIfFailing();
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
    const ticketId = ticketOfAction(action);
    if (ticketId !== null) this.cacheListeners.forEach((l) => l({ ids: [ticketId], others: false }));
    else if (action.type === "answer_alert") this.cacheListeners.forEach((l) => l({ ids: [], others: true }));
    return item;
  }

  async sendReply(ticketId: number, body: string, files: OutgoingFile[], clientKey: string): Promise<OutboxItem> {
    this.checkFiles(files);
    this.replies.push({ ticketId, body, files, clientKey });
    return this.enqueue(clientKey, { type: "reply", ticket_id: ticketId, body: body.trim(), files });
  }

  async addNote(ticketId: number, body: string, files: OutgoingFile[], clientKey: string): Promise<OutboxItem> {
    this.checkFiles(files);
    return this.enqueue(clientKey, { type: "note", ticket_id: ticketId, body: body.trim(), files });
  }

  /** Files kept by `prepareFile`, by SHA-256 (the fake's stand-in for the encrypted cache). */
  prepared = new Map<string, PreparedFile>();

  async prepareFile(name: string, contentBase64: string): Promise<PreparedFile> {
    const size = Math.floor((contentBase64.length * 3) / 4) - (contentBase64.match(/=*$/)?.[0].length ?? 0);
    if (size === 0) throw fail("invalid_input", msg("error.fileEmpty"));
    if (size > 25 * 1024 * 1024) throw fail("invalid_input", msg("error.filesTooBig", { max: 25 }));
    // Not a real hash: the fake only needs the same bytes to name the same file.
    let hash = 0;
    for (let i = 0; i < contentBase64.length; i++) hash = (hash * 31 + contentBase64.charCodeAt(i)) >>> 0;
    const file = { sha256: hash.toString(16).padStart(8, "0").repeat(8), name, size_bytes: size, content_type: "application/octet-stream" };
    this.prepared.set(file.sha256, file);
    return file;
  }

  private checkFiles(files: OutgoingFile[]) {
    if (files.length > 10) throw fail("invalid_input", msg("error.filesTooMany", { max: 10 }));
    const total = files.reduce((sum, f) => sum + (this.prepared.get(f.sha256)?.size_bytes ?? 0), 0);
    if (total > 25 * 1024 * 1024) throw fail("invalid_input", msg("error.filesTooBig", { max: 25 }));
  }

  async updateTicket(ticketId: number, update: TicketUpdate, clientKey: string): Promise<OutboxItem> {
    const view = this.tickets.find((v) => v.ticket.id === ticketId);
    return this.enqueue(clientKey, { type: "update_ticket", ticket_id: ticketId, base_version: view?.ticket.version ?? 1, update });
  }

  async startEmail(email: NewEmail, clientKey: string): Promise<OutboxItem> {
    this.checkFiles(email.files);
    if (!email.subject.trim()) throw fail("invalid_input", msg("error.subjectLength", { max: 300 }));
    if (!email.body.trim()) throw fail("invalid_input", msg("error.replyEmpty"));
    const queues = await this.emailQueues();
    if (!queues.includes(email.queue)) throw fail("invalid_input", msg("error.notYourQueue", { queues: queues.join(", ") }));
    return this.enqueue(clientKey, {
      type: "start_email",
      ticket_id: email.from_ticket,
      customer_id: email.customer_id,
      queue: email.queue,
      subject: email.subject.trim(),
      body: email.body.trim(),
      files: email.files,
    });
  }

  async emailQueues(): Promise<string[]> {
    return [...fakeAgent.teams];
  }

  async startSideConversation(ticketId: number, team: string, subject: string, body: string, clientKey: string): Promise<OutboxItem> {
    if (!INTERNAL_TEAMS.includes(team)) throw fail("invalid_input", msg("error.sideTeams", { teams: INTERNAL_TEAMS.join(", ") }));
    if (!subject.trim()) throw fail("invalid_input", msg("error.subjectLength", { max: 300 }));
    if (!body.trim()) throw fail("invalid_input", msg("error.messageEmpty"));
    return this.enqueue(clientKey, { type: "start_side_conversation", ticket_id: ticketId, team, subject: subject.trim(), body: body.trim() });
  }

  async forwardMessage(ticketId: number, messageId: number, to: string, note: string, clientKey: string): Promise<OutboxItem> {
    const address = to.trim().toLowerCase();
    if (!/^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/.test(address)) throw fail("invalid_input", msg("error.notOneAddress", { to: address }));
    const view = this.tickets.find((v) => v.ticket.id === ticketId);
    if (!view?.messages.some((m) => m.id === messageId)) throw fail("not_found", msg("error.messageNotCached"));
    return this.enqueue(clientKey, { type: "forward", ticket_id: ticketId, message_id: messageId, to: address, body: note.trim() });
  }

  async internalTeams(): Promise<string[]> {
    return [...INTERNAL_TEAMS];
  }

  async postSideMessage(sideConversationId: number, body: string, close: boolean, clientKey: string): Promise<OutboxItem> {
    const view = this.tickets.find((v) => v.side_conversations.some((s) => s.conversation.id === sideConversationId));
    if (!view) throw fail("not_found", msg("error.sideNotCached"));
    return this.enqueue(clientKey, {
      type: "side_message",
      ticket_id: view.ticket.id,
      side_conversation_id: sideConversationId,
      body: body.trim(),
      close,
    });
  }

  /** An internal team answers, as the stream would bring it. */
  teamAnswers(sideConversationId: number, authorName: string, text: string) {
    const view = this.tickets.find((v) => v.side_conversations.some((s) => s.conversation.id === sideConversationId));
    const thread = view?.side_conversations.find((s) => s.conversation.id === sideConversationId);
    if (!view || !thread) throw new Error(`no side conversation ${sideConversationId}`);
    const now = new Date().toISOString();
    thread.messages.push(this.sideMessage(thread.conversation, null, authorName, text, now));
    thread.conversation = { ...thread.conversation, status: "open", updated_at: now, version: thread.conversation.version + 1 };
    this.cacheListeners.forEach((l) => l({ ids: [view.ticket.id], others: false }));
  }

  private nextSideId = 5_000;

  private sideMessage(conversation: SideConversation, agentId: number | null, author: string, text: string, at: string): SideMessage {
    return {
      id: this.nextSideId++,
      side_conversation_id: conversation.id,
      ticket_id: conversation.ticket_id,
      author_agent_id: agentId,
      author_name: author,
      text,
      created_at: at,
      client_ref: null,
    };
  }

  /** Applies a delivered side-conversation action as the server would. */
  private deliverSide(view: FakeTicket, action: Action) {
    const now = new Date().toISOString();
    if (action.type === "start_side_conversation") {
      const conversation: SideConversation = {
        id: this.nextSideId++,
        ticket_id: view.ticket.id,
        team: action.team,
        subject: action.subject,
        status: "open",
        created_by: fakeAgent.id,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      view.side_conversations.unshift({ conversation, messages: [this.sideMessage(conversation, fakeAgent.id, fakeAgent.name, action.body, now)] });
      if (["new", "open", "pending"].includes(view.ticket.status)) view.ticket.status = "on_hold";
    } else if (action.type === "forward") {
      const original = view.messages.find((m) => m.id === action.message_id);
      const conversation: SideConversation = {
        id: this.nextSideId++,
        ticket_id: view.ticket.id,
        team: "email",
        subject: `Fwd: ${view.ticket.subject} [#${view.ticket.id}]`,
        status: "open",
        created_by: fakeAgent.id,
        created_at: now,
        updated_at: now,
        version: 1,
        email_to: action.to,
      };
      const text = `${action.body ? `${action.body}\n\n` : ""}---------- Forwarded message ----------\n${original?.text ?? ""}`;
      const first = { ...this.sideMessage(conversation, fakeAgent.id, fakeAgent.name, text, now), attachments: original?.attachments ?? [] };
      view.side_conversations.unshift({ conversation, messages: [{ ...first, delivery: { state: "queued", detail: null, attempts: 0, updated_at: now } }] });
    } else if (action.type === "acknowledge_escalation") {
      view.escalations = view.escalations.map((e) =>
        e.id === action.escalation_id ? { ...e, status: "acknowledged", acknowledged_by: fakeAgent.id, acknowledged_at: now, version: e.version + 1 } : e,
      );
    } else if (action.type === "side_message") {
      const thread = view.side_conversations.find((s) => s.conversation.id === action.side_conversation_id);
      if (!thread) return;
      thread.messages.push(this.sideMessage(thread.conversation, fakeAgent.id, fakeAgent.name, action.body, now));
      thread.conversation = {
        ...thread.conversation,
        status: action.close ? "closed" : thread.conversation.status,
        updated_at: now,
        version: thread.conversation.version + 1,
      };
    }
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
    if (days < 1 || days > 3650) throw fail("invalid_input", msg("error.retention"));
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
      const view = this.tickets.find((v) => v.ticket.id === ticketOfAction(item.action));
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
      if (view) this.deliverSide(view, item.action);
      this.cases.deliver(item.action, this.session_?.agent ?? fakeAgent);
      if (item.action.type === "file_sar") this.deliverSar(item.action);
      if (item.action.type === "account_action") this.deliverAccountAction(item.action);
      if (item.action.type === "answer_action_request") this.deliverAnswer(item.action);
      if (item.action.type === "answer_alert") {
        const { alert_id, outcome, note } = item.action;
        // A colleague's answer first (or the clock) makes this one a refusal with the reason.
        const refused = this.alerts.deliver(alert_id, outcome, note, (this.session_?.agent ?? fakeAgent).id);
        Object.assign(item, refused === null ? { state: "done" } : { state: "rejected", last_error: refused });
        this.cacheListeners.forEach((l) => l({ ids: [], others: true }));
        continue;
      }
      item.state = "done";
      // What the server applied comes back with the feed: the local copy changed.
      const ticketId = ticketOfAction(item.action);
      this.cacheListeners.forEach((l) => l({ ids: ticketId === null ? [] : [ticketId], others: ticketId === null }));
    }
    this.emitStatus({ outbox_pending: 0 });
  }

  attentionRequests = 0;
  dnd = false;
  private openListeners = new Set<(ticketId: number) => void>();

  async acknowledgeEscalation(escalationId: number, clientKey: string): Promise<OutboxItem> {
    const view = this.tickets.find((v) => v.escalations.some((e) => e.id === escalationId));
    const escalation = view?.escalations.find((e) => e.id === escalationId);
    if (!view || !escalation) throw fail("not_found", msg("error.escalationNotCached"));
    if (escalation.status !== "open") throw fail("invalid_input", msg("error.escalationTaken"));
    return this.enqueue(clientKey, { type: "acknowledge_escalation", escalation_id: escalationId, ticket_id: view.ticket.id, base_version: escalation.version });
  }

  /** The board as the server would compute it from the tickets held here. */
  async supervisorOverview(): Promise<SupervisorOverview> {
    if (this.session_?.agent.role !== "supervisor") throw fail("rejected", msg("error.supervisorsOnly"));
    const active = this.tickets.map((v) => v.ticket).filter((t) => OPEN.includes(t.status));
    const queues = [...new Set(this.tickets.map((v) => v.ticket.queue))].sort().map((queue) => {
      const mine = active.filter((t) => t.queue === queue);
      const waiting = mine.filter((t) => t.status === "new" || t.status === "open").sort((a, b) => a.updated_at.localeCompare(b.updated_at))[0];
      const count = (status: Ticket["status"]) => mine.filter((t) => t.status === status).length;
      return {
        queue,
        new: count("new"),
        open: count("open"),
        pending: count("pending"),
        on_hold: count("on_hold"),
        unassigned: mine.filter((t) => t.assignee_id === null).length,
        oldest_waiting_since: waiting?.updated_at ?? null,
        oldest_waiting_ticket_id: waiting?.id ?? null,
        sla_breached: mine.filter((t) => (slaDue(t) ?? "9999") < new Date().toISOString()).length,
        sla_at_risk: mine.filter((t) => {
          const due = slaDue(t);
          const left = due === null ? Infinity : new Date(due).getTime() - Date.now();
          return (t.status === "new" || t.status === "open") && left >= 0 && left <= 30 * 60_000;
        }).length,
        ...escalationsOf(this.tickets.filter((v) => v.ticket.queue === queue).flatMap((v) => v.escalations).filter((e) => e.status === "open")),
      };
    });
    const agents = [fakeAgent, { ...fakeAgent, id: 3, name: "Priya Raman", presence: "away" as const }].map((a) => ({
      agent_id: a.id,
      name: a.name,
      team: a.team,
      presence: a.presence,
      active_tickets: active.filter((t) => t.assignee_id === a.id).length,
      open_chats: active.filter((t) => t.assignee_id === a.id && t.channel === "chat" && (t.status === "new" || t.status === "open")).length,
      open_emails: active.filter((t) => t.assignee_id === a.id && t.channel === "email" && (t.status === "new" || t.status === "open")).length,
      offered_chats: this.offers.filter((o) => o.agent_id === a.id && o.status === "offered").length,
      chat_capacity: 3,
      email_capacity: 10,
    }));
    return { queues, agents, waiting: structuredClone(this.waitingConversations), at: new Date().toISOString() };
  }

  /** Conversations waiting for the router (the supervisor board's queue). */
  waitingConversations: WaitingConversation[] = [];

  /** The bulk actions the supervisor made, as the server received them. */
  bulkUpdates: { ticketIds: number[]; update: TicketUpdate }[] = [];

  async bulkUpdateTickets(ticketIds: number[], update: TicketUpdate, _idempotencyKey: string): Promise<BulkOutcome> {
    if (this.session_?.agent.role !== "supervisor") throw fail("rejected", msg("error.supervisorsOnly"));
    this.throwIfFailing();
    this.bulkUpdates.push({ ticketIds, update });
    const agents = await this.agents();
    const outcome: BulkOutcome = { updated: [], failed: [] };
    const now = new Date().toISOString();
    for (const id of ticketIds) {
      const view = this.tickets.find((v) => v.ticket.id === id);
      if (!view) {
        outcome.failed.push({ ticket_id: id, message: `ticket ${id} does not exist` });
        continue;
      }
      const t = { ...view.ticket, updated_at: now, version: view.ticket.version + 1 };
      if (update.status) t.status = update.status;
      if (update.priority) t.priority = update.priority;
      if (update.queue) t.queue = update.queue;
      if (update.assignee_id !== undefined) {
        t.assignee_id = update.assignee_id;
        view.assignee = agents.find((a) => a.id === update.assignee_id) ?? null;
      }
      if (update.add_tags?.length) t.tags = [...new Set([...t.tags, ...update.add_tags.map((tag) => tag.trim().toLowerCase())])];
      view.ticket = t;
      outcome.updated.push(id);
    }
    this.cacheListeners.forEach((l) => l({ ids: outcome.updated }));
    return outcome;
  }

  /** Cases as the server holds them. */
  cases = new FakeCases(() => this.tickets);

  async caseView(caseId: number): Promise<CaseView> {
    const outbox = this.queue.filter((q) => q.state !== "done" && "case_id" in q.action && q.action.case_id === caseId);
    const view = this.cases.view(caseId, outbox);
    if (!view) throw fail("not_found", msg("error.caseNotCached", { id: caseId }));
    return view;
  }

  async reasonCodes(): Promise<ReasonCodeInfo[]> {
    return FAKE_REASON_CODES;
  }

  async openCase(newCase: CreateCase, clientKey: string): Promise<OutboxItem> {
    if (!newCase.summary.trim()) throw fail("invalid_input", msg("error.caseSummary"));
    if (newCase.card && !/^\d{4}$/.test(newCase.card.card_last4)) throw fail("invalid_input", msg("error.cardLast4"));
    return this.enqueue(clientKey, { type: "create_case", ticket_id: newCase.ticket_id, case: newCase });
  }

  async updateCase(caseId: number, ticketId: number | null, update: CaseUpdate, clientKey: string): Promise<OutboxItem> {
    const view = await this.caseView(caseId);
    if (update.stage && view.lifecycle && update.stage !== view.lifecycle.stage && !view.lifecycle.next.includes(update.stage)) {
      throw fail("invalid_input", msg("error.stageNotAllowed", { stage: msg(`stage.${update.stage}`), from: msg(`stage.${view.lifecycle.stage}`) }));
    }
    if (update.outcome && !view.outcomes.some((c) => c.outcome === update.outcome)) {
      throw fail("invalid_input", msg("error.outcomeNotAllowed"));
    }
    if (update.status === "closed" && !view.case.outcome && !update.outcome) throw fail("invalid_input", msg("error.outcomeFirst"));
    return this.enqueue(clientKey, { type: "update_case", case_id: caseId, ticket_id: ticketId, base_version: view.case.version, update });
  }

  async addCaseEvidence(caseId: number, ticketId: number | null, evidence: AddEvidence, clientKey: string): Promise<OutboxItem> {
    const view = await this.caseView(caseId);
    if (!evidence.title.trim()) throw fail("invalid_input", msg("error.evidenceTitle"));
    return this.enqueue(clientKey, { type: "add_evidence", case_id: caseId, ticket_id: ticketId, base_version: view.case.version, evidence });
  }

  /** Reports to compliance, as the server holds them. */
  sars: Sar[] = [];

  async customerSars(customerId: number): Promise<Sar[]> {
    return this.sars.filter((s) => s.subject_customer_id === customerId);
  }

  async fileSar(sarId: number | null, ticketId: number | null, draft: SarDraft, submit: boolean, clientKey: string): Promise<OutboxItem> {
    if (submit && draft.narrative.trim().length < 20) {
      throw fail("invalid_input", msg("error.sarNarrative"));
    }
    const existing = sarId === null ? null : this.sars.find((s) => s.id === sarId);
    if (existing && existing.status !== "draft") throw fail("invalid_input", msg("error.sarSent"));
    const { customer_id, ...rest } = draft;
    return this.enqueue(clientKey, {
      type: "file_sar",
      customer_id,
      ticket_id: ticketId,
      sar_id: sarId,
      base_version: existing?.version ?? 0,
      create: sarId === null ? { subject_customer_id: customer_id, ...rest } : null,
      update: sarId === null ? null : { ...rest },
      submit,
    });
  }

  /** Accounts' controls and requests, as the server would keep them. */
  controls = new Map<number, AccountControls>();
  actionRequests: ActionRequest[] = [];
  /** Pending withdrawals by customer (activity events shown in the account panel). */
  pendingWithdrawals = new Map<number, ActivityEvent[]>();
  /** What the findings suggest, by customer (the desk computes it from the risk). */
  suggestions = new Map<number, Suggestion[]>();
  /** Why each pending withdrawal waits, its screening and lookalike warning, by customer. */
  withdrawalNotes = new Map<number, WithdrawalNotes[]>();
  static readonly LIFTS = ["unfreeze", "release_withdrawals", "release_withdrawal", "unblock_trading", "unblock_address"];

  private controlsOf(customerId: number): AccountControls {
    return (
      this.controls.get(customerId) ?? {
        customer_id: customerId,
        frozen: null,
        withdrawals_held: null,
        held_withdrawals: [],
        trading_blocked: null,
        kyc_required: null,
        reset_required: null,
        sessions_revoked_at: null,
        blocked_addresses: [],
        version: 1,
        updated_at: new Date().toISOString(),
      }
    );
  }

  async accountPanel(customerId: number): Promise<AccountPanel> {
    return {
      controls: this.controlsOf(customerId),
      pending_withdrawals: this.pendingWithdrawals.get(customerId) ?? [],
      requests: this.actionRequests.filter((r) => r.customer_id === customerId).sort((a, b) => b.id - a.id),
      outbox: this.queue.filter((q) => q.state !== "done" && "customer_id" in q.action && q.action.customer_id === customerId && q.action.type.includes("action")),
      reason_codes: [
        { code: "account_takeover", label: "Account takeover" },
        { code: "card_fraud", label: "Card fraud" },
        { code: "resolved", label: "Resolved after review" },
      ],
      suggestions: this.suggestions.get(customerId) ?? [],
      withdrawal_notes: this.withdrawalNotes.get(customerId) ?? [],
    };
  }

  async approversFor(_customerId: number, action: AccountAction): Promise<Approver[]> {
    return FakeBackend.LIFTS.includes(action.kind) ? ["team_supervisor", "risk"] : [];
  }

  async requestAccountAction(customerId: number, ticketId: number | null, request: RequestAction, clientKey: string): Promise<OutboxItem> {
    if (!["account_takeover", "card_fraud", "resolved"].includes(request.reason)) throw fail("invalid_input", msg("error.unknownReasonCode"));
    return this.enqueue(clientKey, { type: "account_action", customer_id: customerId, ticket_id: ticketId, base_version: this.controlsOf(customerId).version, request });
  }

  async answerActionRequest(requestId: number, approve: boolean, reason: string, clientKey: string): Promise<OutboxItem> {
    const request = this.actionRequests.find((r) => r.id === requestId);
    if (!request) throw fail("not_found", msg("error.requestNotCached"));
    if (!reason.trim()) throw fail("invalid_input", msg("error.answerNeedsReason"));
    return this.enqueue(clientKey, { type: "answer_action_request", request_id: requestId, customer_id: request.customer_id, ticket_id: null, approve, reason });
  }

  async approvals(): Promise<ApprovalItem[]> {
    const me = this.session_?.agent ?? fakeAgent;
    return this.actionRequests
      .filter((r) => r.status === "awaiting_approval" && r.requested_by !== me.id)
      .map((request) => ({
        request,
        customer_name: this.tickets.find((v) => v.customer?.id === request.customer_id)?.customer?.name ?? null,
        requester_name: "Haruto Sato",
        reason_label: request.reason === "resolved" ? "Resolved after review" : null,
      }));
  }

  async approvalEvidence(customerId: number): Promise<ApprovalEvidence> {
    const known = this.tickets.find((v) => v.customer?.id === customerId)?.customer;
    const panel = await this.accountPanel(customerId);
    return {
      customer_id: customerId,
      customer_name: known?.name ?? "Outside Customer",
      account_id: known?.account_id ?? "90000001",
      risk: await this.customerRisk(customerId),
      pending_withdrawals: panel.pending_withdrawals,
      withdrawal_notes: panel.withdrawal_notes ?? [],
      from_server: !known,
    };
  }

  controlsExports: { path: string; query: ControlsReportQuery }[] = [];

  async exportControlsCsv(query: ControlsReportQuery, path: string): Promise<void> {
    this.controlsExports.push({ path, query });
  }

  /** Pre-dispute alerts as the local copy holds them. */
  alerts = new FakeAlerts();

  private customerName(id: number): string | null {
    return this.tickets.find((v) => v.customer?.id === id)?.customer?.name ?? this.alerts.customers.get(id) ?? null;
  }

  private alertRow(alert: DisputeAlert): AlertRow {
    const queued = this.queue.filter((q) => q.state !== "done" && q.action.type === "answer_alert" && q.action.alert_id === alert.id).at(-1) ?? null;
    return {
      alert: structuredClone(alert),
      customer_name: alert.customer_id === null ? null : this.customerName(alert.customer_id),
      urgency: alertUrgency(alert),
      queued: queued && structuredClone(queued),
    };
  }

  private alertOf(alertId: number): DisputeAlert {
    const alert = this.alerts.find(alertId);
    if (!alert) throw fail("not_found", msg("error.alertNotCached"));
    return alert;
  }

  async disputeAlerts(): Promise<AlertQueue> {
    const teams = (this.session_?.agent ?? fakeAgent).teams;
    const mine = this.alerts.alerts.filter((a) => teams.includes(a.queue));
    const rows = mine.map((a) => this.alertRow(a));
    const open = rows.filter((r) => r.alert.answer === null && r.urgency !== "missed");
    const closed = rows.filter((r) => !open.includes(r));
    open.sort((a, b) => a.alert.respond_by.localeCompare(b.alert.respond_by) || a.alert.id - b.alert.id);
    closed.sort((a, b) => b.alert.received_at.localeCompare(a.alert.received_at) || b.alert.id - a.alert.id);
    return { open, closed, savings: this.alerts.savings({ from: null, to: null, teams }) };
  }

  async disputeAlert(alertId: number): Promise<AlertDetail> {
    const alert = this.alertOf(alertId);
    const customer = alert.customer_id;
    const cached = customer !== null && this.customerName(customer) !== null;
    const { payment, crypto } = cached ? this.alerts.crypto(alert) : { payment: null, crypto: null };
    const held = cached && this.controlsOf(customer).withdrawals_held !== null;
    const offersHold = alert.kind === "confirmed_fraud" && alert.status === "open" && crypto !== null && crypto.state !== "left" && !held;
    return {
      row: this.alertRow(alert),
      outcomes: [...ALERT_OUTCOMES[alert.kind]],
      payment: payment && structuredClone(payment),
      crypto,
      offers_hold: offersHold,
      withdrawals_held: held,
      hold_reason: HOLD_REASON,
      customer_cached: cached,
      chargeback_fee_usd_cents: FAKE_ALERT_POLICY.chargeback_fee_usd_cents,
    };
  }

  async answerDisputeAlert(alertId: number, outcome: AlertOutcome, note: string, clientKey: string): Promise<OutboxItem> {
    const alert = this.alertOf(alertId);
    const waiting = this.queue.some(
      (q) => q.action.type === "answer_alert" && q.action.alert_id === alertId && (q.state === "pending" || q.state === "sending") && q.id !== clientKey,
    );
    if (waiting) throw fail("invalid_input", msg("error.alertAnswerQueued"));
    const refused = refusal(alert, outcome);
    if (refused) throw fail("invalid_input", refused);
    const trimmed = note.trim();
    if ([...trimmed].length > 2_000) throw fail("invalid_input", msg("error.alertNoteTooLong", { max: 2_000 }));
    return this.enqueue(clientKey, { type: "answer_alert", alert_id: alertId, outcome, note: trimmed });
  }

  async holdForAlert(alertId: number, clientKey: string): Promise<OutboxItem> {
    const detail = await this.disputeAlert(alertId);
    const alert = detail.row.alert;
    if (alert.customer_id === null || !detail.customer_cached) throw fail("not_found", msg("error.customerNotCached"));
    const note = `${alert.programme} alert ${alert.external_id} (${alert.kind}): ${alert.issuer_reason}`;
    return this.requestAccountAction(alert.customer_id, null, { action: { kind: "hold_withdrawals" }, reason: HOLD_REASON, note, expires_at: null }, clientKey);
  }

  /** The server's side, simplified: placing applies, lifting waits for an approver. */
  private deliverAccountAction(action: Extract<OutboxItem["action"], { type: "account_action" }>) {
    const now = new Date().toISOString();
    const lifts = FakeBackend.LIFTS.includes(action.request.action.kind);
    const request: ActionRequest = {
      id: 900 + this.actionRequests.length,
      customer_id: action.customer_id,
      action: action.request.action,
      reason: action.request.reason,
      note: action.request.note ?? "",
      expires_at: action.request.expires_at ?? null,
      requested_by: (this.session_?.agent ?? fakeAgent).id,
      requested_at: now,
      approvers: lifts ? ["team_supervisor", "risk"] : [],
      status: lifts ? "awaiting_approval" : "applied",
      approval: null,
      before: null,
      after: null,
      lapses_at: null,
      version: 1,
    };
    this.actionRequests.push(request);
    if (!lifts) this.applyControl(request);
  }

  private deliverAnswer(action: Extract<OutboxItem["action"], { type: "answer_action_request" }>) {
    const request = this.actionRequests.find((r) => r.id === action.request_id);
    if (!request) return;
    request.approval = { agent_id: (this.session_?.agent ?? fakeAgent).id, approved: action.approve, reason: action.reason, at: new Date().toISOString() };
    request.status = action.approve ? "applied" : "declined";
    request.version += 1;
    if (action.approve) this.applyControl(request);
  }

  private applyControl(request: ActionRequest) {
    const c = structuredClone(this.controlsOf(request.customer_id));
    const control = { reason: request.reason, note: request.note, placed_by: { kind: "agent" as const, agent_id: request.requested_by, request_id: request.id }, placed_at: request.requested_at, expires_at: request.expires_at };
    const a = request.action;
    if (a.kind === "freeze") c.frozen = control;
    if (a.kind === "unfreeze") c.frozen = null;
    if (a.kind === "hold_withdrawals") c.withdrawals_held = control;
    if (a.kind === "release_withdrawals") c.withdrawals_held = null;
    if (a.kind === "block_trading") c.trading_blocked = control;
    if (a.kind === "unblock_trading") c.trading_blocked = null;
    if (a.kind === "require_kyc") c.kyc_required = control;
    if (a.kind === "force_reset") c.reset_required = control;
    if (a.kind === "revoke_sessions") c.sessions_revoked_at = request.requested_at;
    if (a.kind === "hold_withdrawal") c.held_withdrawals = [...(c.held_withdrawals ?? []), { withdrawal_id: a.withdrawal_id, control }];
    if (a.kind === "release_withdrawal") c.held_withdrawals = (c.held_withdrawals ?? []).filter((h) => h.withdrawal_id !== a.withdrawal_id);
    if (a.kind === "block_address") c.blocked_addresses = [...(c.blocked_addresses ?? []), { address: a.address, control }];
    if (a.kind === "unblock_address") c.blocked_addresses = (c.blocked_addresses ?? []).filter((b) => b.address !== a.address);
    c.version += 1;
    this.controls.set(request.customer_id, c);
  }

  /** What the server does with a report when the outbox delivers it. */
  private deliverSar(action: Extract<OutboxItem["action"], { type: "file_sar" }>) {
    const now = new Date().toISOString();
    let sar = action.sar_id === null ? null : (this.sars.find((s) => s.id === action.sar_id) ?? null);
    if (!sar && action.create) {
      sar = {
        id: 700 + this.sars.length,
        subject_customer_id: action.create.subject_customer_id,
        linked_customer_ids: action.create.linked_customer_ids ?? [],
        activity_event_ids: action.create.activity_event_ids ?? [],
        rules_fired: action.create.rules_fired ?? [],
        risk_score: action.create.risk_score,
        narrative: action.create.narrative,
        case_id: action.create.case_id,
        status: "draft",
        investigator_id: this.session_?.agent.id ?? 1,
        created_at: now,
        updated_at: now,
        submitted_at: null,
        acknowledged_at: null,
        version: 1,
      };
      this.sars.unshift(sar);
    } else if (sar && action.update) {
      Object.assign(sar, action.update, { version: sar.version + 1, updated_at: now });
    }
    if (sar && action.submit) Object.assign(sar, { status: "submitted", submitted_at: now, version: sar.version + 1 });
  }

  /** When each customer's links were last asked of the company API. */
  linksCheckedAt = new Map<number, string>();
  /** Whether the company API answers on linked accounts. */
  linksOffline = false;

  /** Every customer the desk asked the company API about, in order. */
  linksAsked: number[] = [];

  async refreshCustomerLinks(customerId: number): Promise<boolean> {
    this.linksAsked.push(customerId);
    if (this.linksOffline) throw fail("offline", msg("error.client.network", { detail: "connection refused" }));
    const first = !this.linksCheckedAt.has(customerId);
    this.linksCheckedAt.set(customerId, new Date().toISOString());
    return first;
  }

  /**
   * A customer's risk as the engine would find it: an account takeover, and a shared card;
   * once the company API has been asked, the thief's wallet is also used by an account
   * outside the agent's queues.
   */
  async customerRisk(customerId: number): Promise<CustomerRisk> {
    if (customerId === 99) return this.linkedAccountRisk();
    const cardLabel = msg("risk.label.cardEnding", { last4: "4242" });
    const walletLabel = msg("risk.label.walletOn", { asset: "BTC", network: "Bitcoin" });
    const sharedCard = msg("risk.finding.sharedWith", { what: cardLabel, count: 1 });
    const sharedWallet = msg("risk.finding.sharedWith", {
      what: msg("risk.finding.kindLabel", { kind: msg("risk.label.wallet"), label: walletLabel }),
      count: 1,
    });
    const checked = this.linksCheckedAt.get(customerId) ?? null;
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const e = (id: number, hoursAgo: number, detail: ActivityEvent["detail"]): ActivityEvent => ({ id, customer_id: customerId, at: at(hoursAgo), session_id: "s1", detail });
    const timeline: ActivityEvent[] = [
      e(905, 2, { type: "withdrawal", asset: "BTC", quantity: "0.4", usd_cents: 3_640_000, address: "bc1qthief", network: "Bitcoin", new_address: true, tx_hash: null, status: "completed" }),
      e(904, 5, { type: "security_change", change: "password", device_id: "d-new", ip: "185.1.2.3", ip_country: "NG" }),
      e(903, 6, { type: "login", device_id: "d-new", device: "Windows 10, Chrome 120", ip: "185.1.2.3", ip_country: "NG", success: true }),
      e(902, 200, { type: "deposit", method: "card", amount_minor: 50_000, currency: "EUR", asset: null, quantity: null, usd_cents: 54_000, card_fingerprint: "card-shared", card_last4: "4242", tx_hash: null, status: "completed" }),
      e(901, 201, { type: "login", device_id: "d-home", device: "iPhone 15, iOS 18", ip: "81.1.1.1", ip_country: "FR", success: true }),
    ];
    return {
      risk: {
        customer_id: customerId,
        score: 65,
        band: "block_and_review",
        findings: [
          {
            rule: 2,
            name: "Security change then withdrawal (account takeover)",
            name_text: msg("risk.ruleName.2"),
            weight: 45,
            explanation: "Password changed (from NG), then a withdrawal of 36,400 USD to a new address bc1qthief 3 h later",
            text: msg("risk.finding.changeThenOut", {
              change: msg("risk.change.password"),
              country: "NG",
              what: msg("risk.finding.withdrawalToNew", { amount: "36,400 USD", address: "bc1qthief" }),
              after: msg("time.hours", { n: "3" }),
            }),
            event_ids: [904, 905],
            linked_customer_ids: [],
          },
          {
            rule: 4,
            name: "Linked accounts (shared device, IP, wallet or card)",
            name_text: msg("risk.ruleName.4"),
            weight: 20,
            ...(checked
              ? {
                  explanation: "Shares a withdrawal wallet (BTC on Bitcoin) with 1 other account; a card ··4242 with 1 other account",
                  text: msg("risk.finding.shares", { items: [sharedWallet, sharedCard] }),
                  event_ids: [905, 902],
                  linked_customer_ids: [99, 501],
                }
              : {
                  explanation: "Shares a card ··4242 with 1 other account",
                  text: msg("risk.finding.shares", { items: [sharedCard] }),
                  event_ids: [902],
                  linked_customer_ids: [99],
                }),
          },
        ],
        events_considered: timeline.length,
        at: new Date().toISOString(),
      },
      links: [
        ...(checked ? [{ kind: "wallet" as const, value: "bc1qthief", label: "BTC on Bitcoin", label_text: walletLabel, customer_ids: [501], event_ids: [905] }] : []),
        { kind: "card", value: "card-shared", label: "card ··4242", label_text: cardLabel, customer_ids: [99], event_ids: [902] },
      ],
      linked_customers: [
        { customer_id: 99, name: "Maria Lopez", account_id: "UID 77001234", outside_queues: false },
        ...(checked ? [{ customer_id: 501, name: "Ivan Petrov", account_id: "UID 55012345", outside_queues: true }] : []),
      ],
      timeline,
      links_checked_at: checked,
      links_truncated: false,
    };
  }

  /** Maria Lopez (99), linked to the sample customer by a card, has a link of her own. */
  private linkedAccountRisk(): CustomerRisk {
    const cardLabel = msg("risk.label.cardEnding", { last4: "4242" });
    return {
      risk: { customer_id: 99, score: 20, band: "review", findings: [], events_considered: 0, at: new Date().toISOString() },
      links: [
        { kind: "card", value: "card-shared", label: "card ··4242", label_text: cardLabel, customer_ids: [7], event_ids: [] },
        { kind: "device", value: "d-99", label: "Pixel 8, Android 15", label_text: msg("risk.label.asShown", { label: "Pixel 8, Android 15" }), customer_ids: [640], event_ids: [] },
      ],
      linked_customers: [
        { customer_id: 7, name: "Lucas Moreau", account_id: "UID 70000007", outside_queues: false },
        { customer_id: 640, name: "Chen Wei", account_id: "UID 64000001", outside_queues: false },
      ],
      timeline: [],
      links_checked_at: null,
      links_truncated: false,
    };
  }

  /** Loss analytics as the desk would compute them from its cases. */
  lossQueries: LossQuery[] = [];
  exports: { kind: "csv" | "png"; path: string; bytes?: number; query?: LossQuery }[] = [];
  exportPath: string | null = "/home/agent/Exports/losses";

  async lossAnalytics(query: LossQuery): Promise<LossReport> {
    this.lossQueries.push(query);
    const month = (key: string) => msg("analytics.row.month", { month: key });
    const reason = (network: string, wire: "visa" | "mastercard", code: string) =>
      msg("analytics.row.reason", { network, code, title: msg(`reasonCode.${wire}.${code}` as RustMessageKey) });
    const row = (label: Msg, cases: number, decided: number, won: number, lost: number, recovered: number): LossRow => ({
      key: english(label),
      label,
      cases,
      decided,
      won,
      lost_usd_cents: lost,
      recovered_usd_cents: recovered,
      open_usd_cents: 0,
      win_rate: decided ? won / decided : null,
    });
    const teams = ["disputes", "payments"];
    const scale = query.teams?.length ? 0.5 : 1;
    return {
      query,
      totals: row(msg("analytics.row.all"), 12 * scale, 10 * scale, 4 * scale, 1_250_000 * scale, 420_000 * scale),
      by_month: [
        row(month("2026-09"), 4, 3, 1, 300_000, 100_000),
        row(month("2026-10"), 0, 0, 0, 0, 0),
        row(month("2026-11"), 8, 7, 3, 950_000, 320_000),
      ],
      by_reason: [
        row(reason("Visa", "visa", "10.4"), 5, 5, 1, 800_000, 90_000),
        row(reason("Mastercard", "mastercard", "4853"), 7, 5, 3, 450_000, 330_000),
      ],
      by_network: [row(msg("analytics.row.network", { network: "Visa" }), 5, 5, 1, 800_000, 90_000), row(msg("analytics.row.network", { network: "Mastercard" }), 7, 5, 3, 450_000, 330_000)],
      by_channel: [row(msg("analytics.row.email"), 9, 8, 3, 1_000_000, 300_000), row(msg("analytics.row.chat"), 3, 2, 1, 250_000, 120_000)],
      by_kind: [row(msg("analytics.row.chargebacks"), 12, 10, 4, 1_250_000, 420_000)],
      teams,
      alerts: this.alerts.savings(query),
    };
  }

  async exportLossCsv(query: LossQuery, path: string): Promise<void> {
    this.exports.push({ kind: "csv", path, query });
  }

  /** The service report as the server would answer it (a fixed, small one). */
  serviceQueries: ServiceQuery[] = [];
  serviceExports: { path: string; query: ServiceQuery }[] = [];
  /** Set to make the report fail as it does offline. */
  serviceFailure: DeskFailure | null = null;

  async serviceReport(query: ServiceQuery): Promise<ServiceReport> {
    this.serviceQueries.push(query);
    if (this.serviceFailure) throw this.serviceFailure;
    const spread = (median: number | null, count: number) => ({ count, mean_seconds: median, median_seconds: median, p90_seconds: median === null ? null : median * 3 });
    const row = (key: string, label: string, firstResponse: number | null, solved: number, reopened: number, ratings: number, satisfied: number): ServiceRow => ({
      key,
      label,
      first_response: spread(firstResponse, firstResponse === null ? 0 : solved),
      resolution: spread(firstResponse === null ? null : firstResponse * 20, solved - reopened),
      handle: spread(firstResponse === null ? null : firstResponse * 4, solved),
      solved,
      reopened,
      reopen_rate: solved ? reopened / solved : null,
      ratings,
      csat_mean: ratings ? 4.2 : null,
      csat_satisfied: ratings ? satisfied / ratings : null,
    });
    const days: ServiceRow[] = [];
    for (let d = new Date(`${query.from}T00:00:00Z`); d <= new Date(`${query.to}T00:00:00Z`) && days.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
      const key = d.toISOString().slice(0, 10);
      days.push(days.length % 3 === 1 ? row(key, key, null, 0, 0, 0, 0) : row(key, key, 600 + days.length * 30, 4, 1, 2, 2));
    }
    const team = query.team ?? null;
    return {
      from: query.from,
      to: query.to,
      teams: team ? [team] : ["disputes", "payments"],
      totals: row("all", "all", 900, 40, 4, 20, 17),
      by_day: days,
      by_agent: [row("1", "Ava Chen", 720, 22, 2, 11, 10), row("3", "Lucía Gómez", 1_080, 18, 2, 9, 7)],
      by_team: [row("disputes", "disputes", 900, 40, 4, 20, 17)],
      by_channel: [row("email", "email", 1_500, 28, 3, 12, 10), row("chat", "chat", 45, 12, 1, 8, 7)],
      by_language: [row("en", "en", 800, 30, 3, 15, 13), row("de", "de", 1_200, 10, 1, 5, 4)],
    };
  }

  async exportServiceCsv(query: ServiceQuery, path: string): Promise<void> {
    this.serviceExports.push({ path, query });
  }

  async exportPng(path: string, png: Uint8Array): Promise<void> {
    this.exports.push({ kind: "png", path, bytes: png.length });
  }

  async chooseExportPath(defaultName: string, _extension: "csv" | "png"): Promise<string | null> {
    return this.exportPath === null ? null : `${this.exportPath}/${defaultName}`;
  }

  /** Where the agent chose to save report copies (the fake's answer to the save dialog). */
  reportCopyPath: string | null = "/home/agent/Reports/case-report.pdf";
  reports: { caseId: number; analysis: string; saveCopyTo: string | null }[] = [];

  async chooseReportCopy(_defaultName: string): Promise<string | null> {
    return this.reportCopyPath;
  }

  attached: EvidenceFile[] = [];

  async attachEvidenceFile(caseId: number, ticketId: number | null, file: EvidenceFile, evidence: AddEvidence, clientKey: string): Promise<OutboxItem[]> {
    if (!["application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv"].includes(file.content_type)) {
      throw fail("invalid_input", msg("error.fileType", { type: file.content_type }));
    }
    this.attached.push(file);
    const upload = this.enqueue(`${clientKey}-file`, {
      type: "upload_document",
      case_id: caseId,
      ticket_id: ticketId,
      name: file.name,
      content_type: file.content_type,
      sha256: "5e1f".repeat(16),
    });
    const described = { ...evidence, kind: "file" as const, description: `${evidence.description}\n\nFile “${file.name}”, in the document store.`.trim() };
    return [upload, await this.addCaseEvidence(caseId, ticketId, described, clientKey)];
  }

  async writeReport(caseId: number, analysis: string, saveCopyTo: string | null, clientKey: string): Promise<ReportOutcome> {
    if (!analysis.trim()) throw fail("invalid_input", msg("error.analysisNeeded"));
    const view = await this.caseView(caseId);
    this.reports.push({ caseId, analysis, saveCopyTo });
    const stem = `case-${caseId}-report-20261127-093000`;
    const uploads: OutboxItem[] = [];
    for (const [suffix, type] of [["pdf", "application/pdf"], ["md", "text/markdown"]] as const) {
      uploads.push(
        this.enqueue(`${clientKey}-${suffix}`, {
          type: "upload_document",
          case_id: caseId,
          ticket_id: view.case.ticket_ids[0] ?? null,
          name: `${stem}.${suffix}`,
          content_type: type,
          sha256: suffix === "pdf" ? "9f2c".repeat(16) : "1a7b".repeat(16),
          path: `/data/outbox-files/${stem}.${suffix}`,
        }),
      );
    }
    return {
      pdf_name: `${stem}.pdf`,
      pdf_sha256: "9f2c".repeat(16),
      markdown_name: `${stem}.md`,
      markdown_sha256: "1a7b".repeat(16),
      uploads,
      saved: saveCopyTo ? [saveCopyTo, saveCopyTo.replace(/\.pdf$/, ".md")] : [],
    };
  }

  /** The packets the tests give chargeback cases (the desk builds them in Rust). */
  packets = new Map<number, RepresentmentDraft>();

  async representmentDraft(caseId: number, language: string | null): Promise<RepresentmentDraft> {
    const held = this.packets.get(caseId);
    if (!held) throw fail("invalid_input", msg("error.notAChargeback"));
    const lang = language !== null && held.languages.includes(language) ? language : held.languages[0];
    const letter = lang === held.language ? held.letter : `[${lang}] ${held.letter}`;
    return { ...structuredClone(held), language: lang, letter, review: await this.reviewRepresentment(caseId, lang, letter) };
  }

  /** The citation part of arbiter_representment's review, plus the packet's own findings. */
  async reviewRepresentment(caseId: number, _language: string, letter: string): Promise<ReviewLine[]> {
    const held = this.packets.get(caseId);
    if (!held) throw fail("invalid_input", msg("error.notAChargeback"));
    const lines: ReviewLine[] = [];
    if (!letter.trim()) lines.push({ finding: { kind: "letter_empty" }, severity: "blocks", text: msg("packet.letterEmpty") });
    const cited = [...new Set([...letter.matchAll(/Exhibit (\d+)/g)].map((m) => Number(m[1])))];
    const numbers = held.exhibits.map((e) => e.number);
    for (const n of cited.filter((n) => !numbers.includes(n))) {
      lines.push({ finding: { kind: "cites_missing_exhibit", number: n }, severity: "blocks", text: msg("packet.citesMissing", { exhibit: `Exhibit ${n}` }) });
    }
    for (const n of numbers.filter((n) => !cited.includes(n))) {
      lines.push({ finding: { kind: "not_cited", number: n }, severity: "weakens", text: msg("packet.notCited", { exhibit: `Exhibit ${n}` }) });
    }
    const citations = new Set(["letter_empty", "cites_missing_exhibit", "not_cited", "out_of_order"]);
    return [...lines, ...held.review.filter((l) => !citations.has(l.finding.kind))].sort(
      (a, b) => ["blocks", "lacks", "weakens"].indexOf(a.severity) - ["blocks", "lacks", "weakens"].indexOf(b.severity),
    );
  }

  async submitRepresentment(caseId: number, language: string, letter: string, clientKey: string): Promise<RepresentmentOutcome> {
    const review = await this.reviewRepresentment(caseId, language, letter);
    const blocking = review.filter((l) => l.severity === "blocks").map((l) => l.text);
    if (blocking.length) throw fail("invalid_input", msg("error.packetBlocked", { reasons: blocking }));
    const held = this.packets.get(caseId)!;
    const view = await this.caseView(caseId);
    const ticketId = view.case.ticket_ids[0] ?? null;
    const stem = `case-${caseId}-representment-20261127-093000`;
    const upload = (suffix: string, type: string, sha256: string) =>
      this.enqueue(`${clientKey}-${suffix}`, { type: "upload_document", case_id: caseId, ticket_id: ticketId, name: `${stem}.${suffix}`, content_type: type, sha256, path: null });
    const queued = [
      await upload("pdf", "application/pdf", "5e1d".repeat(16)),
      await this.addCaseEvidence(caseId, ticketId, { kind: "file", title: `Representment packet (${held.exhibits.length} exhibits)`, description: "", reference_id: null, checklist: [] }, `${clientKey}-pdf`),
      await upload("json", "application/json", "7c3a".repeat(16)),
      await this.updateCase(caseId, ticketId, { status: "awaiting_network", stage: held.moves_to ?? undefined, decision: "represent" }, `${clientKey}-case`),
    ];
    this.submittedPackets.push({ caseId, language, letter });
    return { pdf_name: `${stem}.pdf`, pdf_sha256: "5e1d".repeat(16), json_name: `${stem}.json`, json_sha256: "7c3a".repeat(16), queued };
  }
  submittedPackets: { caseId: number; language: string; letter: string }[] = [];

  /** The server's handovers, newest first. */
  handoverList: Handover[] = [];

  private supervisorOnly(): void {
    if (this.session_?.agent.role !== "supervisor") throw fail("rejected", msg("error.supervisorsOnly"));
  }

  async handovers(): Promise<Handover[]> {
    this.supervisorOnly();
    return [...this.handoverList];
  }

  async writeHandover(handover: NewHandover, _idempotencyKey: string): Promise<Handover> {
    this.supervisorOnly();
    this.throwIfFailing();
    if (!handover.summary.trim()) throw fail("invalid_input", msg("error.handoverWords"));
    const overview = await this.supervisorOverview();
    const notes = new Map((handover.notes ?? []).map((n) => [n.ticket_id, n.note]));
    const items: HandoverItem[] = this.tickets
      .filter((v) => v.ticket.queue === handover.team && OPEN.includes(v.ticket.status))
      .filter((v) => v.ticket.assignee_id !== null || v.ticket.escalation_level !== "l0" || notes.has(v.ticket.id))
      .map((v) => ({
        ticket_id: v.ticket.id,
        subject: v.ticket.subject,
        status: v.ticket.status,
        priority: v.ticket.priority,
        escalation_level: v.ticket.escalation_level,
        assignee_id: v.ticket.assignee_id,
        assignee_name: v.assignee?.name ?? null,
        note: notes.get(v.ticket.id) ?? null,
      }));
    const me = this.session_!.agent;
    const written: Handover = {
      id: this.handoverList.length + 1,
      team: handover.team,
      author_id: me.id,
      author_name: me.name,
      shift_started_at: handover.shift_started_at,
      created_at: new Date().toISOString(),
      summary: handover.summary.trim(),
      totals: overview.queues.find((q) => q.queue === handover.team) ?? overview.queues[0],
      agents: overview.agents,
      items,
      items_omitted: 0,
      acknowledged_by: null,
      acknowledged_by_name: null,
      acknowledged_at: null,
      version: 1,
    };
    this.handoverList = [written, ...this.handoverList];
    return written;
  }

  async acknowledgeHandover(handoverId: number, version: number, _idempotencyKey: string): Promise<Handover> {
    this.supervisorOnly();
    const current = this.handoverList.find((h) => h.id === handoverId);
    if (!current) throw fail("not_found", msg("error.client.rejected", { status: 404, detail: `handover ${handoverId} does not exist` }));
    if (current.acknowledged_at !== null || current.version !== version) {
      throw fail("rejected", msg("error.client.rejected", { status: 409, detail: `handover ${handoverId} was already acknowledged by ${current.acknowledged_by_name ?? "someone"}` }));
    }
    const me = this.session_!.agent;
    const taken = { ...current, acknowledged_by: me.id, acknowledged_by_name: me.name, acknowledged_at: new Date().toISOString(), version: version + 1 };
    this.handoverList = this.handoverList.map((h) => (h.id === handoverId ? taken : h));
    return taken;
  }

  async doNotDisturb() {
    return this.dnd;
  }

  async setDoNotDisturb(on: boolean) {
    this.dnd = on;
  }

  /** The in-memory desk is never handed arbiter:// links (the OS gives them to the real app). */
  async onLinkArrived(_listener: () => void) {
    return () => {};
  }

  async followPendingLink(): Promise<LinkTarget | null> {
    return null;
  }

  /** The updater as a test sets it (`announceUpdate`); off until then, as in a build without a key. */
  update: UpdateStatus = { current_version: "0.1.0", channel: null, state: { state: "off", reason: msg("updates.notConfigured") } };
  /** Restarts into an update the fake allowed, for assertions. */
  restarts = 0;
  private updateListeners = new Set<(s: UpdateStatus) => void>();

  announceUpdate(update: UpdateStatus) {
    this.update = update;
    for (const listener of this.updateListeners) listener(update);
  }

  async updateStatus(): Promise<UpdateStatus> {
    return this.update;
  }

  async checkForUpdate(): Promise<UpdateStatus> {
    return this.update;
  }

  /** The desk's rule (arbiter_desk::updates::restart_refusal): not while writing, not with actions waiting. */
  async restartToUpdate(composing: boolean): Promise<void> {
    if (composing) throw fail("rejected", msg("updates.replyOpen"));
    const waiting = this.queue.filter((q) => q.state === "pending").length;
    if (waiting > 0) throw fail("rejected", msg("updates.outboxPending", { count: waiting }));
    if (this.update.state.state !== "ready") throw fail("not_found", msg("updates.nothingReady"));
    this.restarts += 1;
  }

  /** A crash the fake reports until dismissed (tests set it). */
  crash: CrashReport | null = null;

  async diagnostics(): Promise<Diagnostics> {
    const lines = [`Arbiter ${this.update.current_version}`, `Sync: ${this.status.state}`, this.crash ? `Last crash (${this.crash.file}):\n${this.crash.note}` : "No crash recorded."];
    return { text: lines.join("\n"), crash: this.crash };
  }

  async dismissCrash(): Promise<void> {
    this.crash = null;
  }

  async onUpdateChanged(listener: (status: UpdateStatus) => void) {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  async onOpenTicket(listener: (ticketId: number) => void) {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  /** The agent clicked a desktop notification for this ticket. */
  notificationClicked(ticketId: number) {
    this.openListeners.forEach((l) => l(ticketId));
  }

  async requestAttention() {
    this.attentionRequests += 1;
  }

  async onSyncStatus(listener: (s: SyncStatus) => void) {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  async onCacheChanged(listener: (c: TicketsChanged) => void) {
    this.cacheListeners.add(listener);
    return () => this.cacheListeners.delete(listener);
  }

  private liveListeners = new Set<(e: LiveEvent) => void>();

  async onLive(listener: (e: LiveEvent) => void) {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** Delivers a live event as the stream would (a new message is also stored). */
  emitLive(event: LiveEvent) {
    if (event.payload.type === "message_created") {
      const message = event.payload.message;
      const view = this.tickets.find((t) => t.ticket.id === message.ticket_id);
      if (view) {
        view.messages = [...view.messages, message];
        view.ticket = { ...view.ticket, updated_at: message.created_at };
      }
    }
    this.liveListeners.forEach((l) => l(event));
  }

  /** Pushes a status as the desk would. */
  emitStatus(status: Partial<SyncStatus>) {
    this.status = { ...this.status, ...status };
    this.statusListeners.forEach((l) => l(this.status));
  }
}

/** An open escalation on a ticket, raised `minutesAgo` ago, for tests. */
export function sampleEscalation(id: number, ticketId: number, level: Escalation["level"], minutesAgo = 5): Escalation {
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  return {
    id,
    ticket_id: ticketId,
    case_id: null,
    customer_id: 7,
    level,
    reason: "sensitive_language",
    detail: "the customer wrote “lawyer”",
    target_team: "disputes",
    target_agent_id: null,
    status: "open",
    raised_by: null,
    acknowledged_by: null,
    acknowledged_at: null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
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
  const ticket = (id: number, subject: string, status: Ticket["status"], assignee: boolean, minutesAgo: number): FakeTicket => {
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
      side_conversations: [],
      escalations: [],
      recent_activity: [],
      outbox: [],
      case_kind: "chargeback",
      sla_clocks: [],
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
