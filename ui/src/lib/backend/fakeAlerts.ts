// Pre-dispute alerts for the in-memory desk: the alerts its local copy holds, the queue and
// one alert as the desk computes them, answers checked here first and applied when the
// outbox delivers them, as the server would. The rules are arbiter_policy::alerts' (the
// answers each kind takes, the clock, where the crypto went, the hold a confirmed fraud
// offers, what alerts saved); rules.generated.ts does not carry them, so they are written
// out here and must follow that module.
import type {
  ActivityEvent,
  AlertAnswer,
  AlertKind,
  AlertOutcome,
  AlertPolicy,
  AlertSavings,
  AlertUrgency,
  CryptoWhereabouts,
  DisputeAlert,
  LossQuery,
  Msg,
} from "../bindings";
import { msg } from "./fakeMessages";

/** The answers a programme takes for each kind of alert (arbiter_policy::alerts::outcomes_for). */
export const ALERT_OUTCOMES: Record<AlertKind, AlertOutcome[]> = {
  customer_dispute: ["refunded", "stopped", "previously_refunded", "already_charged_back", "not_resolved", "not_found"],
  confirmed_fraud: ["refunded", "stopped", "previously_refunded", "already_charged_back", "not_resolved", "not_found"],
  order_insight: ["details_shared", "not_found"],
  rapid_dispute_resolution: ["refunded", "previously_refunded", "not_resolved"],
};

/** Answers that keep the dispute from becoming a chargeback. */
const PREVENTS: AlertOutcome[] = ["refunded", "stopped", "previously_refunded"];

/**
 * The fake company's policy: the default one, except that its disputes team answers
 * confirmed fraud too (the sample agent's only team, so every kind shows at the desk).
 */
export const FAKE_ALERT_POLICY: AlertPolicy = {
  deadlines: [
    { kind: "customer_dispute", hours: 72 },
    { kind: "confirmed_fraud", hours: 24 },
    { kind: "order_insight", hours: 2 },
    { kind: "rapid_dispute_resolution", hours: 24 },
  ],
  auto_refund_under_usd_cents: 50_00,
  auto_refund_kinds: ["customer_dispute", "rapid_dispute_resolution"],
  chargeback_fee_usd_cents: 25_00,
  fraud_queue: "disputes",
  disputes_queue: "disputes",
};

/** The reason code a hold offered on a confirmed fraud is asked under. */
export const HOLD_REASON = "card_fraud";

const HOUR = 3_600_000;
const hoursFor = (kind: AlertKind) => FAKE_ALERT_POLICY.deadlines.find((d) => d.kind === kind)?.hours ?? 24;

/** How pressing the alert's clock is at `now`. */
export function alertUrgency(alert: DisputeAlert, now = Date.now()): AlertUrgency {
  if (alert.answer) return "done";
  const due = new Date(alert.respond_by).getTime();
  if (alert.status === "expired" || now >= due) return "missed";
  const total = Math.max(1, due - new Date(alert.received_at).getTime());
  const left = due - now;
  return left * 4 <= total || left <= HOUR ? "closing" : "running";
}

/** Where the crypto bought with a payment made at `paidAt` went, from the customer's activity. */
export function whereabouts(paidAt: string, activity: ActivityEvent[]): CryptoWhereabouts {
  let left = 0;
  const waiting: number[] = [];
  let waitingCents = 0;
  for (const event of activity) {
    if (event.at < paidAt || event.detail.type !== "withdrawal") continue;
    if (event.detail.status === "completed") left += event.detail.usd_cents;
    if (event.detail.status === "pending" || event.detail.status === "held") {
      waiting.push(event.id);
      waitingCents += event.detail.usd_cents;
    }
  }
  if (left > 0) return { state: "left", usd_cents: left };
  if (waiting.length > 0) return { state: "leaving", withdrawal_ids: waiting, usd_cents: waitingCents };
  return { state: "in_account" };
}

/** Why the alert cannot take `outcome` now (the desk's message), or null when it can. */
export function refusal(alert: DisputeAlert, outcome: AlertOutcome, now = Date.now()): Msg | null {
  if (alert.answer) return msg("error.alertAnswered");
  if (alert.status === "expired" || now >= new Date(alert.respond_by).getTime()) return msg("error.alertExpired");
  if (!ALERT_OUTCOMES[alert.kind].includes(outcome)) return msg("error.alertOutcomeUnfit");
  return null;
}

export function noSavings(): AlertSavings {
  return { alerts: 0, answered: 0, prevented: 0, refunded_usd_cents: 0, fees_avoided_usd_cents: 0, chargebacks_avoided_usd_cents: 0, auto_refunded: 0, missed: 0, open: 0 };
}

/** Adds what one alert did to `savings` (AlertSavings::add). */
export function addSavings(savings: AlertSavings, alert: DisputeAlert): AlertSavings {
  savings.alerts += 1;
  if (alert.answer) {
    savings.answered += 1;
    if (PREVENTS.includes(alert.answer.outcome)) {
      savings.prevented += 1;
      savings.fees_avoided_usd_cents += FAKE_ALERT_POLICY.chargeback_fee_usd_cents;
      savings.chargebacks_avoided_usd_cents += alert.usd_cents;
    }
    savings.refunded_usd_cents += alert.answer.refund_usd_cents;
    if (alert.answer.answered_by === null) savings.auto_refunded += 1;
  } else if (alert.status === "expired") {
    savings.missed += 1;
  } else {
    savings.open += 1;
  }
  return savings;
}

/** The card deposit an alert is about, as the customer's activity holds it. */
function cardDeposit(id: number, customerId: number, at: string, amountMinor: number, currency: string, usdCents: number, last4: string, arn: string): ActivityEvent {
  return {
    id,
    customer_id: customerId,
    at,
    session_id: null,
    detail: {
      type: "deposit",
      method: "card",
      amount_minor: amountMinor,
      currency,
      asset: null,
      quantity: null,
      usd_cents: usdCents,
      card_fingerprint: `card-${last4}`,
      card_last4: last4,
      tx_hash: null,
      card_payment: {
        network: "mastercard",
        arn,
        authorization_code: "A1B2C3",
        processed_on: at.slice(0, 10),
        three_ds: "authenticated",
        device_id: null,
        ip: null,
        billing_address: null,
      },
      status: "completed",
    },
  };
}

export class FakeAlerts {
  /** The alerts the local copy holds, as the feed brought them. */
  alerts: DisputeAlert[];
  /** Customers the local copy holds without a ticket of theirs (names by id). */
  customers = new Map<number, string>([[99, "Maria Lopez"]]);
  /** The customers' activity the alerts are read against (card deposits, withdrawals). */
  activity = new Map<number, ActivityEvent[]>();

  constructor(now = Date.now()) {
    const at = (hoursFromNow: number) => new Date(now + hoursFromNow * HOUR).toISOString();
    const alert = (id: number, kind: AlertKind, hoursAgo: number, rest: Partial<DisputeAlert>): DisputeAlert => ({
      id,
      kind,
      programme: kind === "customer_dispute" || kind === "confirmed_fraud" ? "ethoca" : "verifi",
      external_id: `E-${id}`,
      queue: kind === "confirmed_fraud" ? FAKE_ALERT_POLICY.fraud_queue : FAKE_ALERT_POLICY.disputes_queue,
      customer_id: null,
      payment_event_id: null,
      network: kind === "customer_dispute" || kind === "confirmed_fraud" ? "mastercard" : "visa",
      card_last4: "4242",
      arn: null,
      amount_minor: 100_00,
      currency: "USD",
      usd_cents: 100_00,
      transaction_at: at(-hoursAgo - 72),
      issuer_reason: "Cardholder does not recognise the transaction",
      received_at: at(-hoursAgo),
      respond_by: at(-hoursAgo + hoursFor(kind)),
      status: "open",
      answer: null,
      version: 1,
      ...rest,
    });
    const answered = (outcome: AlertOutcome, by: number | null, hoursAgo: number, usdCents: number, note = ""): AlertAnswer => ({
      outcome,
      note,
      answered_by: by,
      rule: by === null ? "auto_refund" : null,
      answered_at: at(-hoursAgo),
      refund_usd_cents: outcome === "refunded" ? usdCents : 0,
    });
    this.activity.set(7, [cardDeposit(9021, 7, at(-30), 500_00, "EUR", 540_00, "4242", "74537606238000190543210")]);
    this.alerts = [
      // Closing: 71.5 of its 72 hours gone.
      alert(301, "customer_dispute", 71.5, {
        external_id: "ETH-7731902",
        customer_id: 99,
        card_last4: "5100",
        amount_minor: 189_00,
        currency: "EUR",
        usd_cents: 205_00,
        issuer_reason: "Cardholder says the purchase was not authorised",
      }),
      alert(302, "customer_dispute", 10, {
        external_id: "ETH-7731955",
        amount_minor: 1_200_00,
        usd_cents: 1_200_00,
        issuer_reason: "Cardholder says the crypto never arrived",
      }),
      alert(303, "confirmed_fraud", 4, {
        external_id: "ETH-7732010",
        customer_id: 7,
        payment_event_id: 9021,
        arn: "74537606238000190543210",
        amount_minor: 500_00,
        currency: "EUR",
        usd_cents: 540_00,
        transaction_at: at(-30),
        issuer_reason: "Fraud reported by the issuer: card used without the cardholder",
      }),
      alert(304, "order_insight", 0.5, {
        external_id: "VOI-5512044",
        customer_id: 99,
        card_last4: "4111",
        amount_minor: 75_00,
        usd_cents: 75_00,
        issuer_reason: "Cardholder asks what the payment bought",
      }),
      alert(305, "rapid_dispute_resolution", 30, {
        external_id: "RDR-8821390",
        customer_id: 99,
        card_last4: "4111",
        amount_minor: 320_00,
        usd_cents: 320_00,
        issuer_reason: "Cardholder disputes the amount",
        status: "answered",
        answer: answered("refunded", 2, 26, 320_00, "Refunded in full after the customer's call."),
        version: 2,
      }),
      alert(306, "customer_dispute", 50, {
        external_id: "ETH-7730001",
        customer_id: 7,
        amount_minor: 35_00,
        usd_cents: 35_00,
        issuer_reason: "Cardholder does not recognise the transaction",
        status: "answered",
        answer: answered("refunded", null, 50, 35_00),
        version: 2,
      }),
      alert(307, "customer_dispute", 80, {
        external_id: "ETH-7729500",
        card_last4: "0005",
        amount_minor: 640_00,
        usd_cents: 640_00,
        issuer_reason: "Cardholder says the service was cancelled",
        status: "expired",
        version: 2,
      }),
    ];
  }

  find(id: number): DisputeAlert | undefined {
    return this.alerts.find((a) => a.id === id);
  }

  /** What the alerts received within `query`'s days, of its teams, saved. */
  savings(query: LossQuery | null = null): AlertSavings {
    const savings = noSavings();
    for (const alert of this.alerts) {
      const day = alert.received_at.slice(0, 10);
      const within =
        !query ||
        ((query.from === null || day >= query.from) && (query.to === null || day <= query.to) && (!query.teams?.length || query.teams.includes(alert.queue)));
      if (within) addSavings(savings, alert);
    }
    return savings;
  }

  /** Where the crypto bought with the alert's payment went, for a customer the desk holds. */
  crypto(alert: DisputeAlert): { payment: ActivityEvent | null; crypto: CryptoWhereabouts } {
    const activity = alert.customer_id === null ? [] : (this.activity.get(alert.customer_id) ?? []);
    const payment = activity.find((e) => e.id === alert.payment_event_id) ?? null;
    return { payment, crypto: whereabouts(payment?.at ?? alert.transaction_at, activity) };
  }

  /**
   * The server takes an answer delivered by the outbox: the alert answered (a refund of its
   * amount when refunded), or the refusal's words when it was answered or ran out first.
   */
  deliver(alertId: number, outcome: AlertOutcome, note: string, agentId: number, now = Date.now()): string | null {
    const alert = this.find(alertId);
    if (!alert) return `alert ${alertId} does not exist`;
    if (alert.answer) return `the alert was answered already (${alert.answer.outcome}); an answer sent is final`;
    if (alert.status === "expired" || now >= new Date(alert.respond_by).getTime()) return "the programme's deadline passed; the alert can no longer be answered";
    if (!ALERT_OUTCOMES[alert.kind].includes(outcome)) return `${outcome} is not an answer to a ${alert.kind} alert`;
    alert.status = "answered";
    alert.answer = {
      outcome,
      note,
      answered_by: agentId,
      rule: null,
      answered_at: new Date(now).toISOString(),
      refund_usd_cents: outcome === "refunded" ? alert.usd_cents : 0,
    };
    alert.version += 1;
    return null;
  }
}
