// How an action not confirmed by the server yet reads beside what it will make (a side
// conversation, a forward, a new email): not sent, sending, or waiting to send.
import type { OutboxItem } from "../../bindings";
import { t } from "../../i18n/index.svelte";

export function unsentLabel(item: OutboxItem): string {
  if (item.state === "rejected" || item.state === "conflict") return t("side.notSent");
  return item.state === "sending" || item.attempts === 0 ? t("side.sending") : t("side.waiting");
}
