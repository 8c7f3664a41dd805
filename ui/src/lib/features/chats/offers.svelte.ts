// Chats the router offers the agent: asked for once the desk is signed in (and again when it
// reconnects), then kept current by the stream's `offer` events. An offer lasts seconds, so
// the card counts down; accepting opens the chat at once.
import type { LiveEvent, Offer } from "../../bindings";
import { backend, type Unlisten } from "../../backend";
import type { DeskState } from "../../stores/desk.svelte";
import { ActionKeys } from "../../actions";

export class OfferState {
  offers = $state<Offer[]>([]);
  /** Offers being answered (their buttons wait). */
  answering = $state<Record<number, boolean>>({});
  error = $state<string | null>(null);
  private unlisten: Unlisten[] = [];
  private desk: DeskState | null = null;
  private keys = new ActionKeys();

  async init(desk: DeskState): Promise<void> {
    this.desk = desk;
    const api = backend();
    this.unlisten.push(await api.onLive((event) => this.onLive(event)));
    // Back online: what was offered meanwhile (and what ran out) comes from the server.
    this.unlisten.push(
      await api.onSyncStatus((status) => {
        if (status.state === "online") void this.refresh();
      }),
    );
    await this.refresh();
  }

  dispose(): void {
    this.unlisten.forEach((stop) => stop());
    this.unlisten = [];
  }

  async refresh(): Promise<void> {
    if (!this.desk?.session) return;
    try {
      this.offers = await backend().chatOffers();
    } catch {
      // Offline: offers are live or nothing; the list waits for the connection.
    }
  }

  /** Offers still open at `now` (ms). */
  open(now = Date.now()): Offer[] {
    return this.offers.filter((o) => o.status === "offered" && new Date(o.expires_at).getTime() > now);
  }

  async answer(offer: Offer, accept: boolean): Promise<void> {
    this.answering = { ...this.answering, [offer.id]: true };
    this.error = null;
    try {
      await this.keys.send(`offer-${offer.id}`, accept, (key) => backend().answerOffer(offer.id, accept, key));
      this.offers = this.offers.filter((o) => o.id !== offer.id);
      if (accept) await this.desk?.open(offer.ticket_id);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      await this.refresh();
    } finally {
      const { [offer.id]: _done, ...rest } = this.answering;
      this.answering = rest;
    }
  }

  private onLive(event: LiveEvent): void {
    const payload = event.payload;
    if (payload.type !== "offer") return;
    const me = this.desk?.session?.agent.id;
    if (payload.offer.agent_id !== me) return;
    const others = this.offers.filter((o) => o.id !== payload.offer.id);
    this.offers = payload.offer.status === "offered" ? [...others, payload.offer] : others;
  }
}
