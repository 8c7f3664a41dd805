// What Rust sends, for the in-memory desk: a message of a key Rust declares (the type check
// fails on any other), with its arguments, and its English from the generated catalogue.
import type { Arg, Msg } from "../bindings";
import { rustEn, type RustMessageKey } from "../i18n/rust.en";

export function msg(key: RustMessageKey | PluralBase<RustMessageKey>, args: Record<string, Arg> = {}): Msg {
  return { key, args };
}

type PluralBase<K> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : never;

/** The English of `message`, as Rust renders it (for the English `message` of a failure). */
export function english(message: Msg): string {
  const args = message.args ?? {};
  const count = typeof args.count === "number" ? args.count : null;
  const table = rustEn as Record<string, string>;
  const template =
    (count !== null ? table[`${message.key}_${count === 1 ? "one" : "other"}`] : undefined) ?? table[message.key] ?? message.key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const arg = args[name];
    if (arg === undefined) return `{{${name}}}`;
    if (typeof arg === "number" || typeof arg === "string") return String(arg);
    if (Array.isArray(arg)) return arg.map(english).join("; ");
    return english(arg);
  });
}
