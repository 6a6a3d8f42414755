// Issue 13, findings 6 and 9 (play side), on each database: an assignment whose questions the
// teacher hid cannot start (409, said to the student, nothing made), and a removed student who
// reloads their quiz is told so, not "Something went wrong".
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it, vi } from "vitest";
import { AppError } from "@/lib/app-error";
import { draftBank } from "@/lib/quiz/bank";
import { loadTopic } from "@/lib/content/load-topic";
import { setAppContext } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { formatPlayerCookie } from "@/lib/server/play/player";
import { shortAssignments } from "@/lib/server/teacher/question-bank";
import { describeEachDatabase } from "../helpers/test-databases";

// The page reads the player cookie (ft_player) through next/headers: hand it the one the test sets.
const jar = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (name === "ft_player" && jar.cookie ? { name, value: jar.cookie } : undefined),
  }),
}));

describeEachDatabase("hidden questions and removed players", (current) => {
  it("refuses to start an assignment its teacher hid too many questions of, with a 409 the student can act on", async () => {
    const { db } = current();
    const owner = await db.user.create({ data: { id: "hp-teacher", name: "T", email: "hp-teacher@example.org" } });
    const assignment = await insertAssignment(current(), {
      code: "HPHDN4",
      settings: { count: 10, kinds: ["multiple-choice"] },
    });
    await db.assignment.update({ where: { id: assignment.id }, data: { ownerId: owner.id } });
    const bank = draftBank(loadTopic("kazakhstan-2022")).multipleChoice.map((q) => q.id);
    expect(await shortAssignments(current(), owner.id, "kazakhstan-2022")).toEqual([]);
    await db.hiddenQuestion.createMany({
      data: bank.slice(5).map((questionId) => ({ ownerId: owner.id, topic: "kazakhstan-2022", questionId })),
    });
    // The teacher is warned on the question bank page (which lists these).
    expect(await shortAssignments(current(), owner.id, "kazakhstan-2022")).toEqual([
      { id: assignment.id, title: assignment.title, code: "HPHDN4", count: 10 },
    ]);
    const attempts = await db.attempt.count();
    const error = await joinAssignment(current(), { code: "HPHDN4", nickname: "Hana", player: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: "too_few_questions" });
    expect((error as AppError).message).toMatch(/hidden too many of its questions\. Tell your teacher/);
    expect(await db.attempt.count()).toBe(attempts);
  });

  it("tells a removed student who reloads their quiz that the teacher removed them", async () => {
    const { db } = current();
    await insertAssignment(current(), { code: "HPRMV4" });
    const joined = await joinAssignment(current(), { code: "HPRMV4", nickname: "Rami", player: null });
    await db.attempt.update({ where: { id: joined.attemptId }, data: { status: "removed" } });
    jar.cookie = formatPlayerCookie(joined.newCookie!);
    setAppContext(current());
    try {
      const { default: PlayPage } = await import("@/app/play/[attemptId]/page");
      // The page refuses with forbidden(): Next.js answers 403 and shows ./forbidden.tsx (the status
      // on a real server: tests/e2e/security.spec.ts). The build sets this from experimental.authInterrupts.
      vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
      const refusal = await PlayPage({ params: Promise.resolve({ attemptId: joined.attemptId }) }).catch(
        (error: unknown) => error,
      );
      expect(refusal).toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
      const { default: Removed } = await import("@/app/play/[attemptId]/forbidden");
      const html = renderToStaticMarkup(createElement(Removed));
      expect(html).toContain("Your teacher removed you from this quiz");
      expect(html).toContain('href="/"');
    } finally {
      vi.unstubAllEnvs();
      setAppContext(undefined);
      jar.cookie = "";
    }
  });
});
