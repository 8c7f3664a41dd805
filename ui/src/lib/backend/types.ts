// The one door from the UI to the desk. The real implementation calls the Tauri commands;
// tests (and, later, Playwright) swap in another one.
import type {
  Action,
  AlertOutcome,
  AlertDetail,
  AlertQueue,
  RepresentmentDraft,
  RepresentmentOutcome,
  ReviewLine,
  ControlsReportQuery,
  AccountAction,
  AccountPanel,
  ApprovalItem,
  ApprovalEvidence,
  Approver,
  RequestAction,
  ServiceQuery,
  ServiceReport,
  AddEvidence,
  Agent,
  ArticleHit,
  BulkOutcome,
  CaseUpdate,
  CaseView,
  ChatUnread,
  ConversationCursor,
  ConversationPage,
  CreateCase,
  CustomerRisk,
  DraftKind,
  ErrorCode,
  EvidenceFile,
  Handover,
  LinkTarget,
  ListCursor,
  LiveEvent,
  LossQuery,
  LossReport,
  MacroChoice,
  ManagedSettings,
  QuarantinedMail,
  NewEmail,
  Msg,
  NewHandover,
  Offer,
  OpenedAttachment,
  Presence,
  RoutingPolicy,
  OutgoingFile,
  PreparedFile,
  OutboxItem,
  ReasonCodeInfo,
  ReportOutcome,
  SafeEmail,
  Sar,
  SarDraft,
  SavedView,
  SearchQuery,
  SearchResults,
  SessionInfo,
  StorageReport,
  SupervisorOverview,
  SyncStatus,
  TicketFilter,
  TicketListItem,
  TicketUpdate,
  TicketView,
  TicketsChanged,
  UpdateStatus,
  Diagnostics,
  ViewCount,
  ViewKey,
} from "../bindings";
import { say } from "../i18n/index.svelte";

export type Unlisten = () => void;

export interface Backend {
  session(): Promise<SessionInfo | null>;
  signIn(serverUrl: string, token: string): Promise<SessionInfo>;
  /** What the company preset for this machine: the server it fixes, and a problem with its file. */
  managedSettings(): Promise<ManagedSettings>;
  /** Single sign-on: opens the browser at the company's sign-in page; answers its address. */
  beginCompanySignIn(): Promise<string>;
  /** Waits for the browser to come back and signs in with the company account. */
  completeCompanySignIn(): Promise<SessionInfo>;
  cancelCompanySignIn(): Promise<void>;
  signOut(): Promise<void>;
  syncStatus(): Promise<SyncStatus>;
  syncNow(): Promise<void>;
  listTickets(view: ViewKey, after: ListCursor | null, limit: number): Promise<TicketListItem[]>;
  viewCounts(): Promise<ViewCount[]>;
  ticket(id: number): Promise<TicketView>;
  /** The part of a ticket's conversation before `before`, oldest first. */
  olderConversation(ticketId: number, before: ConversationCursor, limit: number): Promise<ConversationPage>;
  /** Queues a reply (shown at once, sent by the desk in order, kept across restarts). */
  /** Queues a reply with the files attached to it (each kept by `prepareFile` first). */
  sendReply(ticketId: number, body: string, files: OutgoingFile[], clientKey: string): Promise<OutboxItem>;
  addNote(ticketId: number, body: string, files: OutgoingFile[], clientKey: string): Promise<OutboxItem>;
  /** Keeps a file the agent attached (encrypted, on this computer) until its reply is sent. */
  prepareFile(name: string, contentBase64: string): Promise<PreparedFile>;
  updateTicket(ticketId: number, update: TicketUpdate, clientKey: string): Promise<OutboxItem>;
  /** Queues a new email conversation with a customer (its files kept by `prepareFile` first). */
  startEmail(email: NewEmail, clientKey: string): Promise<OutboxItem>;
  /** The support queues the agent may start an email conversation in, their home team first. */
  emailQueues(): Promise<string[]>;
  /** Asks an internal team (one of `internalTeams()`) about a ticket. */
  startSideConversation(ticketId: number, team: string, subject: string, body: string, clientKey: string): Promise<OutboxItem>;
  /** The internal teams a side conversation can go to. */
  internalTeams(): Promise<string[]>;
  /** Forwards one of the ticket's messages, with its files, by email to an outside address. */
  forwardMessage(ticketId: number, messageId: number, to: string, note: string, clientKey: string): Promise<OutboxItem>;
  /** Writes in a side conversation, closing it when `close`. */
  postSideMessage(sideConversationId: number, body: string, close: boolean, clientKey: string): Promise<OutboxItem>;
  /** Actions not confirmed by the server yet, or refused. */
  outbox(): Promise<OutboxItem[]>;
  resolveConflict(id: string, keepMine: boolean, newKey: string): Promise<void>;
  dismissAction(id: string): Promise<void>;
  /** Full-text search over the local copy; any text is accepted. */
  search(query: SearchQuery): Promise<SearchResults>;
  storage(): Promise<StorageReport>;
  setRetentionDays(days: number): Promise<StorageReport>;
  /** Empties the local copy (keeping unsent actions) and syncs everything again. */
  resync(): Promise<void>;
  compactCache(): Promise<StorageReport>;
  savedViews(): Promise<SavedView[]>;
  /** Creates a view (id null) or updates one. */
  saveView(id: string | null, name: string, filter: TicketFilter): Promise<SavedView>;
  deleteView(id: string): Promise<void>;
  /** The draft of `kind` kept for `key` (a ticket, a case, a team); "" when none. It survives restarts. */
  draft(kind: DraftKind, key: string): Promise<string>;
  /** Keeps a draft; "" removes it. */
  saveDraft(kind: DraftKind, key: string, body: string): Promise<void>;
  /** Hands the desk the current language's words for what Rust says outside the window. */
  useLanguage(messages: Record<string, string>): Promise<void>;
  /** The live chats with messages the agent has not read. */
  chatUnread(): Promise<ChatUnread[]>;
  /** Sets a chat's unread count (0: read). */
  setChatUnread(ticketId: number, unread: number): Promise<void>;
  /** The routing in force (supervisors). */
  routingPolicy(): Promise<RoutingPolicy>;
  /** Puts new routing in force (supervisors); the rest of the policies stays as the server has it. */
  saveRouting(routing: RoutingPolicy, idempotencyKey: string): Promise<RoutingPolicy>;
  /** Sets the agent's presence: online receives chats; away, busy and offline do not. */
  setPresence(presence: Presence): Promise<Agent>;
  /** The chats the router offers the agent, still waiting for an answer (online only). */
  chatOffers(): Promise<Offer[]>;
  /** Accepts (true) or declines an offered chat; one answered or run out is refused. */
  answerOffer(offerId: number, accept: boolean, idempotencyKey: string): Promise<Offer>;
  /** Tells the customer the agent is (or stopped) typing; best effort. */
  agentTyping(ticketId: number, typing: boolean): Promise<void>;
  /** The agent has seen the conversation up to this message; best effort. */
  conversationSeen(ticketId: number, upTo: number): Promise<void>;
  agents(): Promise<Agent[]>;
  /** The macros for a ticket, in the customer's language with placeholders filled. */
  macros(ticketId: number): Promise<MacroChoice[]>;
  /** A message's email HTML, cleaned for the sandboxed frame; remote images only when asked. */
  emailBody(ticketId: number, messageId: number, remoteImages: boolean): Promise<SafeEmail>;
  /** Opens an https or mailto link outside the app (the desk refuses anything else). */
  openLink(url: string): Promise<void>;
  /** Opens one of a message's attachments: fetched and kept (encrypted) when not on this computer yet. */
  openAttachment(ticketId: number, messageId: number, sha256: string): Promise<OpenedAttachment>;
  /** Where the window loads the desk's own drawing of an image attachment, or of a PDF's page (from 0). */
  pictureUrl(ticketId: number, messageId: number, sha256: string, page: number): string;
  /** Saves an attachment as sent at `path` (after the agent confirmed); the desk never opens it. */
  saveAttachment(ticketId: number, messageId: number, sha256: string, path: string): Promise<void>;
  /** Which of these attachments are on this computer (they open at once, and offline). */
  keptAttachments(hashes: string[]): Promise<string[]>;
  /** Adds an attachment to a case as evidence in one action (queued). */
  attachmentAsEvidence(caseId: number, ticketId: number, messageId: number, sha256: string, evidence: AddEvidence, clientKey: string): Promise<OutboxItem[]>;
  /** Asks where to save an attachment (the OS's save dialog); null when cancelled. */
  chooseAttachmentPath(name: string): Promise<string | null>;
  /** Supervisors: the mail quarantine of their teams' mailboxes, newest first, below `before`. */
  quarantinedMail(before: number | null): Promise<QuarantinedMail[]>;
  /** Supervisors: saves a quarantined email exactly as it arrived (never opened). */
  saveQuarantinedMail(id: number, path: string): Promise<void>;
  /** Help-centre articles matching the words, in the ticket customer's language. */
  searchArticles(ticketId: number, query: string): Promise<ArticleHit[]>;
  /** Takes an escalation (it stops ringing for everyone else). */
  acknowledgeEscalation(escalationId: number, clientKey: string): Promise<OutboxItem>;
  /** The teams a supervisor leads, right now (read live from the server). */
  supervisorOverview(): Promise<SupervisorOverview>;
  /** Supervisors: one change to many tickets, applied by the server (online only). */
  bulkUpdateTickets(ticketIds: number[], update: TicketUpdate, idempotencyKey: string): Promise<BulkOutcome>;
  /** A case from the local copy: lifecycle, checklist, evidence, audit trail. */
  caseView(caseId: number): Promise<CaseView>;
  /** The card networks' reason codes with their evidence checklists. */
  reasonCodes(): Promise<ReasonCodeInfo[]>;
  openCase(newCase: CreateCase, clientKey: string): Promise<OutboxItem>;
  updateCase(caseId: number, ticketId: number | null, update: CaseUpdate, clientKey: string): Promise<OutboxItem>;
  addCaseEvidence(caseId: number, ticketId: number | null, evidence: AddEvidence, clientKey: string): Promise<OutboxItem>;
  /** Attaches a file as evidence: stored on the case in the document store (queued). */
  attachEvidenceFile(caseId: number, ticketId: number | null, file: EvidenceFile, evidence: AddEvidence, clientKey: string): Promise<OutboxItem[]>;
  /** Writes the case's report (PDF and Markdown), queues it for the document store, saves a copy when asked. */
  writeReport(caseId: number, analysis: string, saveCopyTo: string | null, clientKey: string): Promise<ReportOutcome>;
  representmentDraft(caseId: number, language: string | null): Promise<RepresentmentDraft>;
  reviewRepresentment(caseId: number, language: string, letter: string): Promise<ReviewLine[]>;
  submitRepresentment(caseId: number, language: string, letter: string, clientKey: string): Promise<RepresentmentOutcome>;
  lossAnalytics(query: LossQuery): Promise<LossReport>;
  /** A customer's fraud risk from the local copy: score, findings, linked accounts, timeline. */
  customerRisk(customerId: number): Promise<CustomerRisk>;
  /** Asks the company API for accounts linked from outside the agent's queues and keeps them; true when that changed anything. */
  refreshCustomerLinks(customerId: number): Promise<boolean>;
  /** The suspicious-activity reports about a customer the desk holds, newest first. */
  customerSars(customerId: number): Promise<Sar[]>;
  /** Files a report: a new draft (`sarId` null) or changes to one, sent to compliance when `submit`. */
  fileSar(sarId: number | null, ticketId: number | null, draft: SarDraft, submit: boolean, clientKey: string): Promise<OutboxItem>;
  exportLossCsv(query: LossQuery, path: string): Promise<void>;
  /** An account's controls, pending withdrawals, requests and this agent's unanswered actions, from the local copy. */
  accountPanel(customerId: number): Promise<AccountPanel>;
  /** Who would have to approve an action on the account (empty: it applies at once). */
  approversFor(customerId: number, action: AccountAction): Promise<Approver[]>;
  /** Asks for an action on the account (queued; the server applies it or waits for an approver). */
  requestAccountAction(customerId: number, ticketId: number | null, request: RequestAction, clientKey: string): Promise<OutboxItem>;
  /** Approves or declines a request waiting for this agent (queued). */
  answerActionRequest(requestId: number, approve: boolean, reason: string, clientKey: string): Promise<OutboxItem>;
  /** The requests waiting for this agent's approval, oldest first. */
  approvals(): Promise<ApprovalItem[]>;
  approvalEvidence(customerId: number): Promise<ApprovalEvidence>;
  /** The alerts of the agent's teams: open ones soonest deadline first, then answered and missed, and what they saved. */
  disputeAlerts(): Promise<AlertQueue>;
  /** One alert with its card payment, where the crypto went and the hold it offers. */
  disputeAlert(alertId: number): Promise<AlertDetail>;
  /** Answers an alert (queued; sent once, final when the server has it). */
  answerDisputeAlert(alertId: number, outcome: AlertOutcome, note: string, clientKey: string): Promise<OutboxItem>;
  /** Holds the withdrawals of the account a confirmed-fraud alert is about (an account action, queued). */
  holdForAlert(alertId: number, clientKey: string): Promise<OutboxItem>;
  /** Saves the account actions applied in a period (the server's CSV) where the agent chose. */
  exportControlsCsv(query: ControlsReportQuery, path: string): Promise<void>;
  /** Supervisors: the service report of their teams for a period (from the server). */
  serviceReport(query: ServiceQuery): Promise<ServiceReport>;
  exportServiceCsv(query: ServiceQuery, path: string): Promise<void>;
  exportPng(path: string, png: Uint8Array): Promise<void>;
  /** Asks where to save an export (the OS's save dialog); null when cancelled. */
  chooseExportPath(defaultName: string, extension: "csv" | "png"): Promise<string | null>;
  /** Asks where to save a copy of a report (the OS's save dialog); null when cancelled. */
  chooseReportCopy(defaultName: string): Promise<string | null>;
  /** Supervisors: their teams' shift handovers, newest first (read live). */
  handovers(): Promise<Handover[]>;
  writeHandover(handover: NewHandover, idempotencyKey: string): Promise<Handover>;
  acknowledgeHandover(handoverId: number, version: number, idempotencyKey: string): Promise<Handover>;
  /** Whether desktop alerts below L2 are held (L2 and above always come through). */
  doNotDisturb(): Promise<boolean>;
  setDoNotDisturb(on: boolean): Promise<void>;
  /** The agent acted on a desktop notification: show that ticket. */
  onOpenTicket(listener: (ticketId: number) => void): Promise<Unlisten>;
  /** An arbiter:// link arrived (launch, the OS, a second launch): follow it with followPendingLink. */
  onLinkArrived(listener: () => void): Promise<Unlisten>;
  /** The next link that arrived, followed: where to go, null when none waits; throws why it cannot be followed. */
  followPendingLink(): Promise<LinkTarget | null>;
  /** Where the updater is: off (and why), checking, downloading, ready for a restart, failed. */
  updateStatus(): Promise<UpdateStatus>;
  /** Looks for an update now, in the background (onUpdateChanged follows it). */
  checkForUpdate(): Promise<UpdateStatus>;
  /** Installs the downloaded update and restarts; throws why not (a reply being written, the outbox). */
  restartToUpdate(composing: boolean): Promise<void>;
  onUpdateChanged(listener: (status: UpdateStatus) => void): Promise<Unlisten>;
  /** What the company's IT asks for (versions, sync, last errors, last crash), and a crash not yet offered. */
  diagnostics(): Promise<Diagnostics>;
  /** The agent has seen the offer after a crash. */
  dismissCrash(): Promise<void>;
  /** Asks the OS to draw the agent's eye to the window (taskbar flash, dock bounce). */
  requestAttention(): Promise<void>;
  onSyncStatus(listener: (status: SyncStatus) => void): Promise<Unlisten>;
  onCacheChanged(listener: (changed: TicketsChanged) => void): Promise<Unlisten>;
  /** Live events as they arrive: new messages, typing, presence, assignments, escalations. */
  onLive(listener: (event: LiveEvent) => void): Promise<Unlisten>;
}

/** The ticket an outbox action is about, if any (an alert's answer is about none). */
export function ticketOfAction(action: Action): number | null {
  return "ticket_id" in action ? action.ticket_id : null;
}

/** A failure the desk reported, with the code the UI branches on. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    /** In English (logs, tests). */
    message: string,
    /** What to say, in the agent's language: the desk's message key and its arguments. */
    readonly text: Msg | null = null,
  ) {
    super(message);
    this.name = "DeskFailure";
  }
}

/** What a failure says, in the agent's language (its English when the desk sent no key). */
export function sayFailure(error: unknown): string {
  const failure = asFailure(error);
  return failure.text ? say(failure.text) : failure.message;
}

/** Any thrown value as a DeskFailure, so screens handle one shape. */
export function asFailure(error: unknown): DeskFailure {
  if (error instanceof DeskFailure) return error;
  if (error instanceof Error) return new DeskFailure("internal", error.message);
  return new DeskFailure("internal", String(error));
}
