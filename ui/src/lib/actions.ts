// Idempotency keys for the agent's actions, made in one place. An action keeps its key until
// the desk has taken it, so a retry after an error (or a second click) sends the same key and
// the server applies it once; a different action, or the same one with other content, gets a
// new key.
import { newClientKey } from "./format";

export class ActionKeys {
  private held = new Map<string, { key: string; content: string }>();

  /** The key for `action` with this `content` (anything JSON can say). */
  key(action: string, content: unknown = null): string {
    const said = JSON.stringify(content) ?? "";
    const held = this.held.get(action);
    if (held && held.content === said) return held.key;
    const key = newClientKey();
    this.held.set(action, { key, content: said });
    return key;
  }

  /** The desk took `action`: the next one is new. */
  done(action: string): void {
    this.held.delete(action);
  }

  /** Sends `action` with its key; the key is kept when it fails (for the retry). */
  async send<T>(action: string, content: unknown, run: (key: string) => Promise<T>): Promise<T> {
    const result = await run(this.key(action, content));
    this.done(action);
    return result;
  }
}
