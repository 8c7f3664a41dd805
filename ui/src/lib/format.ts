// How values read on screen.
import type {
  ActivityDetail,
  EscalationLevel,
  KycLevel,
  VipTier,
  InboxView,
  Priority,
  SyncState,
  TicketChannel,
  TicketKind,
  TicketStatus,
  ViewKey,
} from "./bindings";

export const VIEW_LABELS: Record<InboxView, string> = {
  mine: "My open tickets",
  unassigned: "Unassigned",
  open: "All open",
  pending: "Pending",
  on_hold: "On hold",
  sla_at_risk: "SLA at risk",
  escalated: "Escalated",
  chargebacks: "Chargebacks",
  fraud_claims: "Fraud claims",
  disputes: "Disputes",
  solved: "Solved & closed",
  all: "All tickets",
};

/** The sidebar's groups of built-in views, in order. */
export const VIEW_GROUPS: { label: string; views: InboxView[] }[] = [
  { label: "Inbox", views: ["mine", "unassigned", "open", "pending", "on_hold"] },
  { label: "Needs attention", views: ["sla_at_risk", "escalated"] },
  { label: "Casework", views: ["chargebacks", "fraud_claims", "disputes"] },
  { label: "Everything", views: ["solved", "all"] },
];

/** A view's identity as a string, for maps and DOM ids: "mine", "saved:v1a2b". */
export function viewId(view: ViewKey): string {
  return view.builtin !== undefined ? view.builtin : `saved:${view.saved}`;
}

export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  l0: "L0",
  l1: "L1 · team lead",
  l2: "L2 · operations",
  l3: "L3 · head of support",
};

/** Time to an SLA deadline: "12 min left", "3 h left", "5 min over". */
export function slaLeft(dueIso: string, now: Date = new Date()): { text: string; breached: boolean; soon: boolean } {
  const seconds = (new Date(dueIso).getTime() - now.getTime()) / 1000;
  const span = Math.abs(seconds);
  const amount =
    span < 60 ? `${Math.max(1, Math.round(span))} s` : span < 3600 ? `${Math.round(span / 60)} min` : span < 172_800 ? `${Math.round(span / 3600)} h` : `${Math.round(span / 86_400)} d`;
  return seconds < 0
    ? { text: `${amount} over`, breached: true, soon: true }
    : { text: `${amount} left`, breached: false, soon: seconds <= 30 * 60 };
}

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: "New",
  open: "Open",
  pending: "Pending",
  on_hold: "On hold",
  solved: "Solved",
  closed: "Closed",
};

export const KIND_LABELS: Record<TicketKind, string> = {
  inquiry: "Inquiry",
  complaint: "Complaint",
  trade_dispute: "Trade dispute",
  card_chargeback: "Card chargeback",
  fraud_claim: "Fraud claim",
  p2p_dispute: "P2P dispute",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: "Low",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
};

export const CHANNEL_LABELS: Record<TicketChannel, string> = { email: "Email", chat: "Chat" };

export const SYNC_LABELS: Record<SyncState, string> = {
  signed_out: "Signed out",
  syncing: "Syncing",
  online: "Up to date",
  offline: "Offline",
  auth_failed: "Sign-in needed",
  error: "Sync error",
};

/** "just now", "5 min", "3 h", "2 d", then a date: compact, for lists. */
export function shortAge(iso: string, now: Date = new Date()): string {
  const seconds = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  if (seconds < 7 * 86_400) return `${Math.floor(seconds / 86_400)} d`;
  return new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

/** Full local date and time, for tooltips and message headers. */
export function fullTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A language tag as its English name ("pt" → "Portuguese"), or the tag itself. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A country code as its English name ("BR" → "Brazil"), or the code itself. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Share of the current sync run done, 0..1, or null when there is nothing to show. */
export function syncProgress(status: { cursor: number; head: number; from: number }): number | null {
  const total = status.head - status.from;
  if (total <= 0 || status.cursor >= status.head) return null;
  return Math.min(1, Math.max(0, (status.cursor - status.from) / total));
}

/** A fresh key for one reply: reused on retries so the server stores it once. */
export function newClientKey(): string {
  return crypto.randomUUID();
}

/** "8,200/s · about 40 s left" for a sync in progress, from the desk's rate estimate. */
export function syncRate(progress: { per_second: number | null; eta_seconds: number | null } | null): string | null {
  if (!progress || progress.per_second === null || progress.per_second <= 0) return null;
  const rate = `${Math.round(progress.per_second).toLocaleString()}/s`;
  if (progress.eta_seconds === null) return rate;
  return `${rate} · ${timeLeft(progress.eta_seconds)}`;
}

/** Rounded, human time left: "a few seconds", "about 40 s", "about 3 min", "about 2 h". */
export function timeLeft(seconds: number): string {
  if (seconds < 5) return "a few seconds left";
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s left`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${Math.round(seconds / 3600)} h left`;
}

/** Bytes as "812 KB", "1.4 GB". */
export function byteSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

const usd = (cents: number) =>
  (cents / 100).toLocaleString(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** One line for a customer activity event, as the customer panel lists it. */
export function activityLine(detail: ActivityDetail): string {
  switch (detail.type) {
    case "login":
      return `${detail.success ? "Login" : "Failed login"} · ${detail.device} · ${detail.ip_country}`;
    case "deposit":
      return `Deposit ${usd(detail.usd_cents)} by ${detail.method.replace("_", " ")}${detail.card_last4 ? ` ··${detail.card_last4}` : ""} · ${detail.status}`;
    case "withdrawal":
      return `Withdrawal ${detail.quantity} ${detail.asset} (${usd(detail.usd_cents)})${detail.new_address ? " to a new address" : ""} · ${detail.status}`;
    case "trade":
      return `${detail.side === "buy" ? "Bought" : "Sold"} ${detail.quantity} ${detail.pair} (${usd(detail.usd_cents)})`;
    case "security_change":
      return `Changed ${detail.change.replace(/_/g, " ")} · ${detail.ip_country}`;
    case "p2p_order":
      return `P2P ${detail.side} ${detail.quantity} ${detail.asset} (${usd(detail.usd_cents)}) · ${detail.status}`;
  }
}

export const KYC_LABELS: Record<KycLevel, string> = {
  none: "Not verified",
  basic: "Basic (document)",
  verified: "Verified",
  enhanced: "Enhanced due diligence",
};

export const VIP_LABELS: Record<VipTier, string> = { none: "Standard", silver: "Silver", gold: "Gold", platinum: "Platinum" };
