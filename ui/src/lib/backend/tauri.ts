import { convertFileSrc } from "@tauri-apps/api/core";
import { getCurrentWindow, UserAttentionType } from "@tauri-apps/api/window";
import { save } from "@tauri-apps/plugin-dialog";
import { commands, events } from "../bindings";
import type { DeskError } from "../bindings";
import { DeskFailure, type Backend } from "./types";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: DeskError };

async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    // Tauri itself refused the call (unknown command, denied by the capability, bad args).
    throw new DeskFailure("internal", error instanceof Error ? error.message : String(error));
  }
  if (result.status === "error") throw new DeskFailure(result.error.code, result.error.message, result.error.text);
  return result.data;
}

/** The desk inside the Tauri window. */
export const tauriBackend: Backend = {
  session: () => unwrap(commands.session()),
  signIn: (serverUrl, token) => unwrap(commands.signIn(serverUrl, token)),
  managedSettings: () => commands.managedSettings(),
  beginCompanySignIn: () => unwrap(commands.beginCompanySignIn()),
  completeCompanySignIn: () => unwrap(commands.completeCompanySignIn()),
  cancelCompanySignIn: async () => {
    await unwrap(commands.cancelCompanySignIn());
  },
  signOut: async () => {
    await unwrap(commands.signOut());
  },
  syncStatus: () => unwrap(commands.syncStatus()),
  syncNow: async () => {
    await unwrap(commands.syncNow());
  },
  listTickets: (view, after, limit) => unwrap(commands.listTickets(view, after, limit)),
  viewCounts: () => unwrap(commands.viewCounts()),
  ticket: (id) => unwrap(commands.ticket(id)),
  olderConversation: (ticketId, before, limit) => unwrap(commands.olderConversation(ticketId, before, limit)),
  sendReply: (ticketId, body, files, clientKey) => unwrap(commands.sendReply(ticketId, body, files, clientKey)),
  addNote: (ticketId, body, files, clientKey) => unwrap(commands.addNote(ticketId, body, files, clientKey)),
  prepareFile: (name, contentBase64) => unwrap(commands.prepareFile(name, contentBase64)),
  startEmail: (email, clientKey) => unwrap(commands.startEmail(email, clientKey)),
  emailQueues: () => unwrap(commands.emailQueues()),
  requestAttention: () => getCurrentWindow().requestUserAttention(UserAttentionType.Informational),
  updateTicket: (ticketId, update, clientKey) => unwrap(commands.updateTicket(ticketId, update, clientKey)),
  startSideConversation: (ticketId, team, subject, body, clientKey) =>
    unwrap(commands.startSideConversation(ticketId, team, subject, body, clientKey)),
  internalTeams: () => unwrap(commands.internalTeams()),
  forwardMessage: (ticketId, messageId, to, note, clientKey) => unwrap(commands.forwardMessage(ticketId, messageId, to, note, clientKey)),
  postSideMessage: (sideConversationId, body, close, clientKey) =>
    unwrap(commands.postSideMessage(sideConversationId, body, close, clientKey)),
  outbox: () => unwrap(commands.outbox()),
  resolveConflict: async (id, keepMine, newKey) => {
    await unwrap(commands.resolveConflict(id, keepMine, newKey));
  },
  dismissAction: async (id) => {
    await unwrap(commands.dismissAction(id));
  },
  search: (query) => unwrap(commands.search(query)),
  storage: () => unwrap(commands.storage()),
  setRetentionDays: (days) => unwrap(commands.setRetentionDays(days)),
  resync: async () => {
    await unwrap(commands.resync());
  },
  compactCache: () => unwrap(commands.compactCache()),
  savedViews: () => unwrap(commands.savedViews()),
  saveView: (id, name, filter) => unwrap(commands.saveView(id, name, filter)),
  deleteView: async (id) => {
    await unwrap(commands.deleteView(id));
  },
  draft: (kind, key) => unwrap(commands.draft(kind, key)),
  chatUnread: () => unwrap(commands.chatUnread()),
  useLanguage: async (messages) => {
    await unwrap(commands.useLanguage(messages));
  },
  setChatUnread: async (ticketId, unread) => {
    await unwrap(commands.setChatUnread(ticketId, unread));
  },
  chatOffers: () => unwrap(commands.chatOffers()),
  setPresence: (presence) => unwrap(commands.setPresence(presence)),
  routingPolicy: () => unwrap(commands.routingPolicy()),
  saveRouting: (routing, key) => unwrap(commands.saveRouting(routing, key)),
  answerOffer: (offerId, accept, key) => unwrap(commands.answerOffer(offerId, accept, key)),
  agentTyping: async (ticketId, typing) => {
    await unwrap(commands.agentTyping(ticketId, typing));
  },
  conversationSeen: async (ticketId, upTo) => {
    await unwrap(commands.conversationSeen(ticketId, upTo));
  },
  saveDraft: async (kind, key, body) => {
    await unwrap(commands.saveDraft(kind, key, body));
  },
  agents: () => unwrap(commands.agents()),
  macros: (ticketId) => unwrap(commands.macros(ticketId)),
  emailBody: (ticketId, messageId, remoteImages) => unwrap(commands.emailBody(ticketId, messageId, remoteImages)),
  openAttachment: (ticketId, messageId, sha256) => unwrap(commands.openAttachment(ticketId, messageId, sha256)),
  // Served by the shell's arbiter-picture: protocol from the encrypted cache (no base64 over IPC).
  pictureUrl: (ticketId, messageId, sha256, page) => convertFileSrc(`${ticketId}/${messageId}/${sha256}/${page}`, "arbiter-picture"),
  saveAttachment: async (ticketId, messageId, sha256, path) => {
    await unwrap(commands.saveAttachment(ticketId, messageId, sha256, path));
  },
  keptAttachments: (hashes) => unwrap(commands.keptAttachments(hashes)),
  attachmentAsEvidence: (caseId, ticketId, messageId, sha256, evidence, clientKey) =>
    unwrap(commands.attachmentAsEvidence(caseId, ticketId, messageId, sha256, evidence, clientKey)),
  chooseAttachmentPath: (name) => save({ defaultPath: name }),
  quarantinedMail: (before) => unwrap(commands.quarantinedMail(before)),
  saveQuarantinedMail: async (id, path) => {
    await unwrap(commands.saveQuarantinedMail(id, path));
  },
  searchArticles: (ticketId, query) => unwrap(commands.searchArticles(ticketId, query)),
  openLink: async (url) => {
    await unwrap(commands.openLink(url));
  },
  onSyncStatus: (listener) => events.syncStatusChanged.listen((event) => listener(event.payload)),
  onCacheChanged: (listener) => events.cacheChanged.listen((event) => listener(event.payload)),
  onLive: (listener) => events.liveEvent.listen((event) => listener(event.payload)),
  onOpenTicket: (listener) => events.openTicket.listen((event) => listener(event.payload.ticket_id)),
  onLinkArrived: (listener) => events.linkArrived.listen(() => listener()),
  followPendingLink: () => unwrap(commands.followPendingLink()),
  updateStatus: () => unwrap(commands.updateStatus()),
  checkForUpdate: () => unwrap(commands.checkForUpdate()),
  restartToUpdate: async (composing) => {
    await unwrap(commands.restartToUpdate(composing));
  },
  onUpdateChanged: (listener) => events.updateChanged.listen((event) => listener(event.payload)),
  diagnostics: () => unwrap(commands.diagnostics()),
  dismissCrash: async () => {
    await unwrap(commands.dismissCrash());
  },
  acknowledgeEscalation: (escalationId, clientKey) => unwrap(commands.acknowledgeEscalation(escalationId, clientKey)),
  supervisorOverview: () => unwrap(commands.supervisorOverview()),
  bulkUpdateTickets: (ticketIds, update, idempotencyKey) => unwrap(commands.bulkUpdateTickets(ticketIds, update, idempotencyKey)),
  handovers: () => unwrap(commands.handovers()),
  caseView: (caseId) => unwrap(commands.caseView(caseId)),
  reasonCodes: () => commands.reasonCodes(),
  openCase: (newCase, clientKey) => unwrap(commands.openCase(newCase, clientKey)),
  updateCase: (caseId, ticketId, update, clientKey) => unwrap(commands.updateCase(caseId, ticketId, update, clientKey)),
  addCaseEvidence: (caseId, ticketId, evidence, clientKey) => unwrap(commands.addCaseEvidence(caseId, ticketId, evidence, clientKey)),
  attachEvidenceFile: (caseId, ticketId, file, evidence, clientKey) => unwrap(commands.attachEvidenceFile(caseId, ticketId, file, evidence, clientKey)),
  writeReport: (caseId, analysis, saveCopyTo, clientKey) => unwrap(commands.writeReport(caseId, analysis, saveCopyTo, clientKey)),
  representmentDraft: (caseId, language) => unwrap(commands.representmentDraft(caseId, language)),
  reviewRepresentment: (caseId, language, letter) => unwrap(commands.reviewRepresentment(caseId, language, letter)),
  submitRepresentment: (caseId, language, letter, clientKey) => unwrap(commands.submitRepresentment(caseId, language, letter, clientKey)),
  lossAnalytics: (query) => unwrap(commands.lossAnalytics(query)),
  customerRisk: (customerId) => unwrap(commands.customerRisk(customerId)),
  refreshCustomerLinks: (customerId) => unwrap(commands.refreshCustomerLinks(customerId)),
  customerSars: (customerId) => unwrap(commands.customerSars(customerId)),
  fileSar: (sarId, ticketId, draft, submit, clientKey) => unwrap(commands.fileSar(sarId, ticketId, draft, submit, clientKey)),
  exportLossCsv: (query, path) => unwrap(commands.exportLossCsv(query, path)).then(() => undefined),
  serviceReport: (query) => unwrap(commands.serviceReport(query)),
  accountPanel: (customerId) => unwrap(commands.accountPanel(customerId)),
  approversFor: (customerId, action) => unwrap(commands.approversFor(customerId, action)),
  requestAccountAction: (customerId, ticketId, request, clientKey) => unwrap(commands.requestAccountAction(customerId, ticketId, request, clientKey)),
  answerActionRequest: (requestId, approve, reason, clientKey) => unwrap(commands.answerActionRequest(requestId, approve, reason, clientKey)),
  approvals: () => unwrap(commands.approvals()),
  approvalEvidence: (customerId) => unwrap(commands.approvalEvidence(customerId)),
  disputeAlerts: () => unwrap(commands.disputeAlerts()),
  disputeAlert: (alertId) => unwrap(commands.disputeAlert(alertId)),
  answerDisputeAlert: (alertId, outcome, note, clientKey) => unwrap(commands.answerDisputeAlert(alertId, outcome, note, clientKey)),
  holdForAlert: (alertId, clientKey) => unwrap(commands.holdForAlert(alertId, clientKey)),
  exportControlsCsv: (query, path) => unwrap(commands.exportControlsCsv(query, path)).then(() => undefined),
  exportServiceCsv: (query, path) => unwrap(commands.exportServiceCsv(query, path)).then(() => undefined),
  exportPng: (path, png) => unwrap(commands.exportPng(path, Array.from(png))).then(() => undefined),
  chooseExportPath: (defaultName, extension) => save({ defaultPath: defaultName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] }),
  chooseReportCopy: (defaultName) => save({ defaultPath: defaultName, filters: [{ name: "PDF", extensions: ["pdf"] }] }),
  writeHandover: (handover, idempotencyKey) => unwrap(commands.writeHandover(handover, idempotencyKey)),
  acknowledgeHandover: (handoverId, version, idempotencyKey) => unwrap(commands.acknowledgeHandover(handoverId, version, idempotencyKey)),
  doNotDisturb: () => commands.doNotDisturb(),
  setDoNotDisturb: async (on) => {
    await unwrap(commands.setDoNotDisturb(on));
  },
};
