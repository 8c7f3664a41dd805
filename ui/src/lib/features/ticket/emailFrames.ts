// A long thread's email frames come and go as the agent scrolls (only those on screen
// exist). The open conversation keeps each one's cleaned body and last height, so a frame
// comes back at once, without asking the desk again or jumping in size. Bounded, oldest
// dropped first; gone with the conversation.
import { getContext, setContext } from "svelte";
import type { SafeEmail } from "../../bindings";

const KEY = Symbol("email-frames");
const KEPT = 200;

export class EmailFrames {
  private bodies = new Map<string, SafeEmail>();
  private heights = new Map<number, number>();
  private imagesAllowed = new Set<number>();

  /** The agent let this message's remote images load (for as long as the ticket is open). */
  remoteImages(messageId: number): boolean {
    return this.imagesAllowed.has(messageId);
  }
  allowRemoteImages(messageId: number): void {
    this.imagesAllowed.add(messageId);
  }

  body(messageId: number, remoteImages: boolean): SafeEmail | undefined {
    return this.bodies.get(`${messageId}:${remoteImages}`);
  }
  keepBody(messageId: number, remoteImages: boolean, body: SafeEmail): void {
    keep(this.bodies, `${messageId}:${remoteImages}`, body);
  }
  height(messageId: number): number | undefined {
    return this.heights.get(messageId);
  }
  keepHeight(messageId: number, height: number): void {
    keep(this.heights, messageId, height);
  }
}

function keep<K, V>(map: Map<K, V>, key: K, value: V) {
  map.delete(key);
  map.set(key, value);
  if (map.size > KEPT) map.delete(map.keys().next().value as K);
}

/** For the conversation: its frames' memory, for the email bodies inside it. */
export function provideEmailFrames(): EmailFrames {
  return setContext(KEY, new EmailFrames());
}

/** The open conversation's frames' memory (a fresh one outside a conversation). */
export function emailFrames(): EmailFrames {
  return getContext<EmailFrames | undefined>(KEY) ?? new EmailFrames();
}
