import { beforeEach, describe, expect, it } from "vitest";
import { useBackend } from "../backend";
import { FakeBackend, sampleData } from "../backend/fake";
import { moveWorkOutOfWebStorage } from "./webStorageMigration";

describe("work left in web storage by earlier versions", () => {
  let fake: FakeBackend;
  beforeEach(() => {
    localStorage.clear();
    fake = new FakeBackend(sampleData());
    useBackend(fake);
  });

  it("moves into the desk and leaves only display preferences behind", async () => {
    localStorage.setItem("arbiter.theme", "dark");
    localStorage.setItem("arbiter.reportDraft", JSON.stringify({ 5001: "The 3DS log shows approval." }));
    localStorage.setItem(
      "arbiter.handoverDraft",
      JSON.stringify({ disputes: { summary: "Quiet night", notes: { 42: "VIP" }, shiftStartedAt: "2026-12-01T22:00" } }),
    );
    localStorage.setItem("arbiter.chatUnread", JSON.stringify({ 100002: 2, bogus: 3 }));

    await moveWorkOutOfWebStorage();

    expect(fake.otherDrafts.get("report:5001")).toBe("The 3DS log shows approval.");
    expect(JSON.parse(fake.otherDrafts.get("handover:disputes")!).summary).toBe("Quiet night");
    expect(await fake.chatUnread()).toEqual([{ ticket_id: 100002, unread: 2 }]);
    expect(Object.keys(localStorage)).toEqual(["arbiter.theme"]);
  });

  it("drops what does not parse rather than keep it in the clear", async () => {
    localStorage.setItem("arbiter.reportDraft", "{not json");
    await moveWorkOutOfWebStorage();
    expect(localStorage.getItem("arbiter.reportDraft")).toBeNull();
    expect(fake.otherDrafts.size).toBe(0);
  });
});
