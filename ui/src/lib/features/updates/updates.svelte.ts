// The updater as the window sees it: the desk's status, pushed on every change, and the
// two things the agent can do (look again, restart into a downloaded version).
import { backend, sayFailure } from "../../backend";
import type { Unlisten } from "../../backend/types";
import type { UpdateStatus } from "../../bindings";
import { composing } from "./composing.svelte";

export class UpdateState {
  status = $state<UpdateStatus | null>(null);
  /** Why the last restart was refused, until the next try. */
  refusal = $state<string | null>(null);
  restarting = $state(false);
  private unlisten: Unlisten | null = null;

  async init(): Promise<void> {
    this.unlisten = await backend().onUpdateChanged((status) => {
      this.status = status;
      if (status.state.state !== "ready") this.refusal = null;
    });
    this.status = await backend().updateStatus();
  }

  dispose(): void {
    this.unlisten?.();
    this.unlisten = null;
  }

  async check(): Promise<void> {
    this.refusal = null;
    this.status = await backend().checkForUpdate();
  }

  /** Installs and restarts; when the desk refuses (a reply, the outbox) the reason stays shown. */
  async restart(): Promise<void> {
    this.restarting = true;
    this.refusal = null;
    try {
      await backend().restartToUpdate(composing.now);
    } catch (error) {
      this.refusal = sayFailure(error);
    } finally {
      this.restarting = false;
    }
  }
}
