// Files attached to each ticket's reply not sent yet, while the desk runs: switching tickets
// and back keeps them (their bytes are in the desk's encrypted cache, not here).
import { backend } from "../../backend";
import type { PreparedFile } from "../../bindings";
import { t } from "../../i18n/index.svelte";
import { base64Of } from "../cases/caseActions";

const byTicket = new Map<number, PreparedFile[]>();

export const draftFiles = {
  get(ticketId: number): PreparedFile[] {
    return byTicket.get(ticketId) ?? [];
  },
  set(ticketId: number, files: PreparedFile[]): void {
    if (files.length) byTicket.set(ticketId, files);
    else byTicket.delete(ticketId);
  },
};

/** Hands picked, dropped or pasted files to the desk, which keeps them encrypted until what
 * they go with is sent: `prepared` with each kept file, `done` after each, `refused` with the
 * desk's reason (empty, over the limit). */
export async function prepareFiles(
  list: FileList | null | undefined,
  on: { prepared: (file: PreparedFile) => void; done: () => void; refused: (name: string, error: unknown) => void },
): Promise<void> {
  for (const file of Array.from(list ?? [])) {
    try {
      on.prepared(await backend().prepareFile(file.name || t("reply.pastedImage"), await base64Of(file)));
    } catch (e) {
      on.refused(file.name, e);
    } finally {
      on.done();
    }
  }
}

/** `prepareFiles` for a ticket's reply: each kept file joins the ticket's draft. */
export async function attachFiles(
  ticketId: number,
  list: FileList | null | undefined,
  on: { done: () => void; refused: (name: string, error: unknown) => void },
): Promise<void> {
  await prepareFiles(list, {
    ...on,
    prepared: (prepared) => {
      const current = draftFiles.get(ticketId);
      if (!current.some((f) => f.sha256 === prepared.sha256)) draftFiles.set(ticketId, [...current, prepared]);
    },
  });
}
