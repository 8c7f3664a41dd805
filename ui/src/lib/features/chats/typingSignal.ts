// The agent's side of "is typing…" in a live chat: a signal when they start, again every few
// seconds while they keep typing (the customer's widget drops a signal it does not hear
// renewed), and "stopped" when they pause, send, or leave the chat. Best effort: a lost signal
// only makes the indicator a little late.

/** How often a still-typing agent renews the signal. */
const RENEW_MS = 3_000;
/** A pause this long counts as stopped. */
const PAUSE_MS = 4_000;

export class TypingSignal {
  private ticketId: number | null = null;
  private sentAt = Number.NEGATIVE_INFINITY;
  private pause: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: (ticketId: number, typing: boolean) => Promise<void>) {}

  /** The agent typed in `ticketId`'s composer; `hasText` is false once they cleared it. */
  input(ticketId: number, hasText: boolean, now = Date.now()): void {
    if (this.ticketId !== null && this.ticketId !== ticketId) this.stop();
    if (!hasText) return this.stop();
    this.ticketId = ticketId;
    if (now - this.sentAt >= RENEW_MS) {
      this.sentAt = now;
      this.emit(ticketId, true);
    }
    if (this.pause) clearTimeout(this.pause);
    this.pause = setTimeout(() => this.stop(), PAUSE_MS);
  }

  /** They sent, cleared the box, paused or left: the customer sees them stop. */
  stop(): void {
    if (this.pause) clearTimeout(this.pause);
    this.pause = null;
    if (this.ticketId !== null) this.emit(this.ticketId, false);
    this.ticketId = null;
    this.sentAt = Number.NEGATIVE_INFINITY;
  }

  private emit(ticketId: number, typing: boolean): void {
    this.send(ticketId, typing).catch(() => {});
  }
}
