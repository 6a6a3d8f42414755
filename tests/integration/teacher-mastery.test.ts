// Teachers and the memory model, on each database: the class's mastery per cause of the map
// and the event pairs it has not got; one student's mastery; both only for the owner.
import { expect, it } from "vitest";
import { loadTopic } from "@/lib/content/load-topic";
import { at, type AppContext } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { findPlayer } from "@/lib/server/play/player";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { assignmentMastery, rosterStudentMastery, studentMasteryInAssignment } from "@/lib/server/teacher/mastery";
import { questionSchema, type Question } from "@/lib/quiz/question";
import { describeEachDatabase, rejection } from "../helpers/test-databases";

const t0 = new Date("2026-03-02T09:00:00Z");
const topic = loadTopic("kazakhstan-2022");

async function owner(ctx: AppContext, id: string) {
  return ctx.db.user.create({ data: { id, name: `Teacher ${id}`, email: `${id}-${Date.now()}@school.test` } });
}

async function play(ctx: AppContext, code: string, nickname: string, respond: (q: Question) => unknown) {
  const started = await joinAssignment(at(ctx, t0), { code, nickname, player: null });
  const player = (await findPlayer(ctx, started.newCookie))!;
  const rows = await ctx.db.attemptQuestion.findMany({
    where: { attemptId: started.attemptId },
    orderBy: { position: "asc" },
  });
  const questions = rows.map((r) => questionSchema.parse(JSON.parse(r.question)));
  for (const [position, q] of questions.entries()) {
    const served = new Date(t0.getTime() + position * 10_000);
    await serveCurrentQuestion(at(ctx, served), started.attemptId, player.id);
    await submitAnswer(at(ctx, new Date(served.getTime() + 2_000)), {
      attemptId: started.attemptId,
      playerId: player.id,
      position,
      response: respond(q),
    });
  }
  return { player, questions };
}

const wrong = (q: Question) =>
  q.type === "timeline"
    ? [q.answer[1], q.answer[0], ...q.answer.slice(2)]
    : q.options.find((o) => o.id !== q.answer)!.id;

describeEachDatabase("a class's mastery", (current) => {
  it("shows the teacher which causes and which event pairs the class has not got, and each student's", async () => {
    const ctx = current();
    const teacher = await owner(ctx, "teachermastery1");
    const other = await owner(ctx, "teachermastery2");
    const assignment = await insertAssignment(ctx, {
      code: "MQKTRV",
      settings: { count: 10, timeLimitSeconds: null, sameQuestions: true },
    });
    await ctx.db.assignment.update({ where: { id: assignment.id }, data: { ownerId: teacher.id } });
    const a = await play(ctx, "MQKTRV", "Missed Alot", wrong);
    await play(ctx, "MQKTRV", "Missed Too", wrong);
    const c = await play(ctx, "MQKTRV", "Got It All", (q) => q.answer);
    const now = at(ctx, new Date(t0.getTime() + 5 * 60_000));

    const mastery = await assignmentMastery(now, teacher.id, assignment.id);
    expect(mastery.students).toBe(3);
    // Every pair on a timeline of this quiz: the two who swapped each card's first two events have not got them.
    const timelines = a.questions.filter((q) => q.type === "timeline");
    expect(timelines.length).toBeGreaterThan(0);
    for (const t of timelines) {
      const pair = mastery.pairs.find((p) => p.earlier === t.about[0] && p.later === t.about[1]);
      expect(pair, `${t.about[0]}>${t.about[1]}`).toEqual({
        earlier: t.about[0],
        later: t.about[1],
        shaky: 2,
        known: 1,
      });
    }
    expect(mastery.pairs[0]!.shaky).toBe(2);
    // A cause one of whose facts the quiz asked (and two of three missed): the class has not got it.
    const askedFacts = new Set(a.questions.filter((q) => q.type === "multiple-choice").map((q) => q.about[0]!));
    const missedCauses = topic.causes.nodes.filter((n) => n.teaches.some((id) => askedFacts.has(id))).map((n) => n.id);
    expect(missedCauses.length).toBeGreaterThan(0);
    for (const cause of mastery.causes) {
      expect(cause.known + cause.shaky + cause.fresh).toBe(3);
      if (missedCauses.includes(cause.id))
        expect(cause, cause.id).toMatchObject({ shaky: 2, known: 1, status: "shaky" });
      if (cause.known + cause.shaky === 0) expect(cause.status).toBe("new");
    }

    const student = await studentMasteryInAssignment(now, teacher.id, assignment.id, c.player.id);
    for (const q of c.questions.filter((x) => x.type === "multiple-choice"))
      expect(student.facts[q.about[0]!], q.about[0]).toBe("known");
    expect(student.shakyPairs).toEqual([]);
    const missedStudent = await studentMasteryInAssignment(now, teacher.id, assignment.id, a.player.id);
    expect(missedStudent.shakyPairs.length).toBeGreaterThan(0);

    // A roster student (the per-student page) is the same player's memory, for the owner of the class only.
    const klass = await ctx.db.classroom.create({ data: { ownerId: teacher.id, name: "10B" } });
    const rostered = await ctx.db.student.create({
      data: { classId: klass.id, name: "Got It All", codeCipher: "x", playerId: c.player.id },
    });
    expect(await rosterStudentMastery(now, teacher.id, rostered.id)).toEqual(student);
    expect((await rejection(rosterStudentMastery(now, other.id, rostered.id))).status).toBe(404);

    // Another teacher sees neither; a removed player leaves the class's figures.
    expect((await rejection(assignmentMastery(now, other.id, assignment.id))).status).toBe(404);
    expect((await rejection(studentMasteryInAssignment(now, other.id, assignment.id, c.player.id))).status).toBe(404);
    await ctx.db.assignmentPlayer.create({
      data: { assignmentId: assignment.id, playerId: a.player.id, removed: true },
    });
    expect((await assignmentMastery(now, teacher.id, assignment.id)).students).toBe(2);
  });
});
