import { describe, expect, it } from "vitest";
import { matchScore, rankCommands, type Command } from "./commands";

const command = (label: string, keywords?: string): Command => ({ id: label, label, keywords, run: () => {} });

describe("palette matching", () => {
  const commands = [
    command("Next ticket", "down"),
    command("Go to Unassigned", "view inbox"),
    command("Go to On hold", "view inbox"),
    command("Switch between light and dark theme", "dark mode appearance"),
    command("Sync now", "refresh"),
  ];
  const labels = (query: string) => rankCommands(commands, query).map((c) => c.label);

  it("lists everything, in order, for no text", () => {
    expect(labels("")).toEqual(commands.map((c) => c.label));
  });

  it("needs every typed word to match, at the start of a word first", () => {
    expect(labels("go un")).toEqual(["Go to Unassigned"]);
    expect(labels("hold")).toEqual(["Go to On hold"]);
    expect(labels("go")).toEqual(["Go to Unassigned", "Go to On hold"]);
  });

  it("matches keywords, initials and accents loosely", () => {
    expect(labels("refresh")).toEqual(["Sync now"]);
    expect(labels("gtu")).toEqual(["Go to Unassigned"]);
    expect(labels("SYNC")).toEqual(["Sync now"]);
    expect(matchScore("Café mode", "", "cafe")).not.toBeNull();
  });

  it("puts a label match above a keyword match", () => {
    const ranked = rankCommands([command("Dark corners", ""), command("Other", "dark")], "dark");
    expect(ranked.map((c) => c.label)).toEqual(["Dark corners", "Other"]);
    expect(labels("dark")[0]).toBe("Switch between light and dark theme");
  });

  it("drops what does not match", () => {
    expect(labels("zzqx")).toEqual([]);
  });
});
