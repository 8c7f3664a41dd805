// Why the router gave a conversation to an agent, in a few words the agent's language has.
import type { ChatTopic, RoutingReason } from "../../bindings";
import { t } from "../../i18n/index.svelte";

export function routingReasons(why: RoutingReason, language: string, topic: ChatTopic | null): string[] {
  const out: string[] = [];
  if (why.language_matched) out.push(t("offers.whyLanguage", { language }));
  if (why.topic_matched && topic) out.push(t("offers.whyTopic", { topic: t(`topic.${topic}`) }));
  if (why.skills_relaxed) out.push(t("offers.whyRelaxed"));
  out.push(t("offers.whyLoad", { load: why.load_before, capacity: why.capacity }));
  out.push(why.strategy === "longest_idle" ? t("offers.whyIdle") : t("offers.whySpare"));
  return out;
}
