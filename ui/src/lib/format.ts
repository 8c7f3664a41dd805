// How values read on screen.
import type {
  ActivityDetail,
  DepositMethod,
  SecurityChangeKind,
  TradeSide,
  TransferStatus,
  CaseDecision,
  CaseKind,
  CaseOutcome,
  CaseStatus,
  ChargebackStage,
  EvidenceKind,
  Urgency,
  EscalationLevel,
  EscalationReason,
  Presence,
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
import { formatDate, formatNumber, hasMessage, i18n, t, tParts, type Key, type SaidPart } from "./i18n/index.svelte";

/**
 * A read-only table whose entries are looked up in the current language each time they are
 * read, so `STATUS_LABELS[status]` in a template follows a language switch.
 */
function labelTable<K extends string>(keys: readonly K[], key: (k: K) => Key): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(table, k, { get: () => t(key(k)), enumerable: true });
  return Object.freeze(table);
}

export const VIEW_LABELS = labelTable<InboxView>(
  ["mine", "unassigned", "open", "pending", "on_hold", "sla_at_risk", "escalated", "chargebacks", "fraud_claims", "disputes", "solved", "all"],
  (v) => `view.${v}`,
);

/** The sidebar's groups of built-in views, in order; `id` is stable, `label` follows the language. */
export const VIEW_GROUPS: readonly { id: string; readonly label: string; views: InboxView[] }[] = [
  { id: "inbox", get label() { return t("viewGroup.inbox"); }, views: ["mine", "unassigned", "open", "pending", "on_hold"] },
  { id: "attention", get label() { return t("viewGroup.attention"); }, views: ["sla_at_risk", "escalated"] },
  { id: "casework", get label() { return t("viewGroup.casework"); }, views: ["chargebacks", "fraud_claims", "disputes"] },
  { id: "everything", get label() { return t("viewGroup.everything"); }, views: ["solved", "all"] },
];

/** A view's identity as a string, for maps and DOM ids: "mine", "saved:v1a2b". */
export function viewId(view: ViewKey): string {
  if (view.builtin !== undefined) return view.builtin;
  if (view.filter !== undefined) return `filter:${JSON.stringify(view.filter)}`;
  return `saved:${view.saved}`;
}

export const PRESENCE_LABELS = labelTable<Presence>(["online", "away", "busy", "offline"], (p) => `presence.${p}`);

export const REASON_LABELS = labelTable<EscalationReason>(
  [
    "sla_breach",
    "sla_breach_prolonged",
    "high_value_dispute",
    "vip_customer",
    "sensitive_language",
    "repeat_contact",
    "fraud_score",
    "chargeback_deadline",
    "manual",
  ],
  (reason) => `reason.${reason}`,
);

/** A team's name in the current language; a team without a translation is shown as sent. */
export function teamName(team: string): string {
  return hasMessage(`team.${team}`) ? t(`team.${team}` as Key) : team;
}

export const ESCALATION_LABELS = labelTable<EscalationLevel>(["l0", "l1", "l2", "l3"], (v) => `escalation.${v}`);

/** Time to an SLA deadline: "12 min left", "3 h left", "5 min over". */
export function slaLeft(dueIso: string, now: Date = new Date()): { text: string; breached: boolean; soon: boolean } {
  const seconds = (new Date(dueIso).getTime() - now.getTime()) / 1000;
  const span = Math.abs(seconds);
  const amount =
    span < 60
      ? t("time.seconds", { n: Math.max(1, Math.round(span)) })
      : span < 3600
        ? t("time.minutes", { n: Math.round(span / 60) })
        : span < 172_800
          ? t("time.hours", { n: Math.round(span / 3600) })
          : t("time.days", { n: Math.round(span / 86_400) });
  return seconds < 0
    ? { text: t("time.over", { amount }), breached: true, soon: true }
    : { text: t("time.left", { amount }), breached: false, soon: seconds <= 30 * 60 };
}

export const STATUS_LABELS = labelTable<TicketStatus>(["new", "open", "pending", "on_hold", "solved", "closed"], (v) => `status.${v}`);

export const KIND_LABELS = labelTable<TicketKind>(["inquiry", "complaint", "trade_dispute", "card_chargeback", "fraud_claim", "p2p_dispute"], (v) => `kind.${v}`);

export const PRIORITY_LABELS = labelTable<Priority>(["low", "normal", "high", "urgent"], (v) => `priority.${v}`);

export const CHANNEL_LABELS = labelTable<TicketChannel>(["email", "chat"], (v) => `channel.${v}`);

export const SYNC_LABELS = labelTable<SyncState>(["signed_out", "syncing", "online", "offline", "auth_failed", "error"], (v) => `sync.${v}`);

/** "just now", "5 min", "3 h", "2 d", then a date: compact, for lists. */
export function shortAge(iso: string, now: Date = new Date()): string {
  const seconds = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return t("time.justNow");
  if (seconds < 3600) return t("time.minutes", { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t("time.hours", { n: Math.floor(seconds / 3600) });
  if (seconds < 7 * 86_400) return t("time.days", { n: Math.floor(seconds / 86_400) });
  return formatDate(iso, { day: "numeric", month: "short" });
}

/** Full local date and time, for tooltips and message headers. */
export function fullTime(iso: string): string {
  return formatDate(iso, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A language tag as its name in the desk's language ("pt" → "Portuguese" / "葡萄牙语"), or the tag itself. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18n.tag], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A country code as its name in the desk's language ("BR" → "Brazil" / "巴西"), or the code itself. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([i18n.tag], { type: "region" }).of(code) ?? code;
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
  const rate = t("rate.perSecond", { n: formatNumber(Math.round(progress.per_second)) });
  if (progress.eta_seconds === null) return rate;
  return `${rate} · ${timeLeft(progress.eta_seconds)}`;
}

/** Rounded, human time left: "a few seconds", "about 40 s", "about 3 min", "about 2 h". */
export function timeLeft(seconds: number): string {
  if (seconds < 5) return t("time.fewSecondsLeft");
  if (seconds < 90) return t("time.aboutSecondsLeft", { n: Math.round(seconds / 5) * 5 });
  if (seconds < 90 * 60) return t("time.aboutMinutesLeft", { n: Math.round(seconds / 60) });
  return t("time.aboutHoursLeft", { n: Math.round(seconds / 3600) });
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
  formatNumber(cents / 100, { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** One line for a customer activity event, as the customer panel lists it. */
const TRANSFER_LABELS = labelTable<TransferStatus>(["pending", "completed", "failed", "held"], (v) => `transfer.${v}`);
const METHOD_LABELS = labelTable<DepositMethod>(["card", "bank_transfer", "crypto", "p2p"], (v) => `depositMethod.${v}`);
const CHANGE_LABELS = labelTable<SecurityChangeKind>(
  ["password", "two_factor", "email", "phone", "api_key", "withdrawal_address"],
  (v) => `securityChange.${v}`,
);
const SIDE_LABELS = labelTable<TradeSide>(["buy", "sell"], (v) => `tradeSide.${v}`);

/** An activity event as a sentence: its words, and which of its values are data (devices,
 * countries, amounts, assets: shown as they are). */
export function activityMessage(detail: ActivityDetail): { key: Key; values: Record<string, string>; data: string[] } {
  switch (detail.type) {
    case "login":
      return { key: detail.success ? "activity.login" : "activity.loginFailed", values: { device: detail.device, country: detail.ip_country }, data: ["device", "country"] };
    case "deposit":
      return {
        key: "activity.deposit",
        values: { amount: usd(detail.usd_cents), method: METHOD_LABELS[detail.method], card: detail.card_last4 ? ` ··${detail.card_last4}` : "", status: TRANSFER_LABELS[detail.status] },
        data: ["amount", "card"],
      };
    case "withdrawal":
      return {
        key: detail.new_address ? "activity.withdrawalNew" : "activity.withdrawal",
        values: { quantity: detail.quantity, asset: detail.asset, amount: usd(detail.usd_cents), status: TRANSFER_LABELS[detail.status] },
        data: ["quantity", "asset", "amount"],
      };
    case "trade":
      return {
        key: detail.side === "buy" ? "activity.bought" : "activity.sold",
        values: { quantity: detail.quantity, pair: detail.pair, amount: usd(detail.usd_cents) },
        data: ["quantity", "pair", "amount"],
      };
    case "security_change":
      return { key: "activity.security", values: { change: CHANGE_LABELS[detail.change], country: detail.ip_country }, data: ["country"] };
    case "p2p_order":
      return {
        key: "activity.p2p",
        values: { side: SIDE_LABELS[detail.side], quantity: detail.quantity, asset: detail.asset, amount: usd(detail.usd_cents), status: TRANSFER_LABELS[detail.status] },
        data: ["quantity", "asset", "amount"],
      };
  }
}

/** An activity event as one line of text. */
export function activityLine(detail: ActivityDetail): string {
  const { key, values } = activityMessage(detail);
  return t(key, values);
}

/** An activity event in parts, its data marked (for screens). */
export function activityParts(detail: ActivityDetail): SaidPart[] {
  const { key, values, data } = activityMessage(detail);
  return tParts(key, values, data);
}

export const STAGE_LABELS = labelTable<ChargebackStage>(
  ["inquiry", "first_chargeback", "representment", "pre_arbitration", "arbitration", "won", "lost"],
  (v) => `stage.${v}`,
);
export const URGENCY_LABELS = labelTable<Urgency>(["decided", "on_track", "at_risk", "overdue", "missed", "with_network"], (v) => `urgency.${v}`);
export const CASE_STATUS_LABELS = labelTable<CaseStatus>(
  ["open", "investigating", "awaiting_customer", "awaiting_network", "closed"],
  (v) => `caseStatus.${v}`,
);
export const CASE_KIND_LABELS = labelTable<CaseKind>(["dispute", "chargeback", "fraud_claim"], (v) => `caseKind.${v}`);
export const DECISION_LABELS = labelTable<CaseDecision>(["accept", "represent"], (v) => `decision.${v}`);
export const OUTCOME_LABELS = labelTable<CaseOutcome>(
  [
    "confirmed_fraud",
    "false_positive",
    "refunded",
    "represented_won",
    "represented_lost",
    "resolved_in_favour_of_customer",
    "resolved_in_favour_of_exchange",
  ],
  (v) => `outcome.${v}`,
);
export const EVIDENCE_LABELS = labelTable<EvidenceKind>(["file", "message", "activity_event", "note"], (v) => `evidenceKind.${v}`);

/** An amount in minor units of its currency, as money. */
export function money(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return formatNumber(minor / 10 ** digits, { style: "currency", currency });
}

export const usdCents = (cents: number) => formatNumber(cents / 100, { style: "currency", currency: "USD" });

export const KYC_LABELS = labelTable<KycLevel>(["none", "basic", "verified", "enhanced"], (v) => `kyc.${v}`);

export const VIP_LABELS = labelTable<VipTier>(["none", "silver", "gold", "platinum"], (v) => `vip.${v}`);

/** A reason-code checklist item in the current language (the catalog's English if untranslated). */
export function checklistLabel(line: { key: string; label: string }): string {
  const key = `checklist.${line.key}`;
  return hasMessage(key) ? t(key as Key) : line.label;
}

/** A network reason code's title in the current language (the catalog's English if untranslated). */
export function reasonTitle(code: { network: string; code: string; title: string }): string {
  const key = `reasonCode.${code.network}.${code.code}`;
  return hasMessage(key) ? t(key as Key) : code.title;
}

/** What a change on a case's trail changed, in the current language: the fields the trail
 * records (status, stage, decision, outcome, amounts, summary), their values as labels, the
 * agent's own words and amounts as data. */
export function caseChange(value: unknown): SaidPart[] {
  if (!value || typeof value !== "object") return [];
  const fields = value as Record<string, unknown>;
  const parts: SaidPart[] = [];
  const add = (label: string, text: string, data: boolean) => {
    if (parts.length) parts.push({ text: ", ", data: false });
    parts.push({ text: `${label}: `, data: false }, { text, data });
  };
  const label = <K extends string>(table: Readonly<Record<K, string>>, v: unknown) => (typeof v === "string" && v in table ? table[v as K] : String(v ?? "—"));
  if ("status" in fields) add(t("case.field.status"), label(CASE_STATUS_LABELS, fields.status), false);
  if ("stage" in fields) add(t("case.field.stage"), label(STAGE_LABELS, fields.stage), false);
  if ("decision" in fields) add(t("case.field.decision"), fields.decision ? label(DECISION_LABELS, fields.decision) : "—", false);
  if ("outcome" in fields) add(t("case.field.outcome"), fields.outcome ? label(OUTCOME_LABELS, fields.outcome) : "—", false);
  if ("recovered_usd_cents" in fields) add(t("case.field.recovered"), usdCents(Number(fields.recovered_usd_cents)), true);
  if ("lost_usd_cents" in fields) add(t("case.field.lost"), usdCents(Number(fields.lost_usd_cents)), true);
  if (typeof fields.summary === "string") add(t("case.field.summary"), fields.summary, true);
  if (typeof fields.title === "string") add(t("case.field.evidence"), fields.title, true);
  return parts;
}
