// The model set works the same on both databases: write and read through Prisma.
import { expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { describeEachDatabase } from "../helpers/test-databases";

/** A player and their attempt with one question, written through Prisma. */
async function attemptWithOneQuestion(db: Db, nickname: string, question: { questionId: string; servedAt?: Date }) {
  const player = await db.player.create({ data: { nickname } });
  return db.attempt.create({
    data: {
      playerId: player.id,
      topic: "kazakhstan-2022",
      seed: 42,
      settings: JSON.stringify({ count: 1 }),
      questionCount: 1,
      questions: { create: { position: 0, question: "{}", ...question } },
    },
    include: { questions: true },
  });
}

describeEachDatabase("database", (current) => {
  it("stores a player's attempt with its served question and graded answer, and reads them back", async () => {
    const { db } = current();
    const attempt = await attemptWithOneQuestion(db, "Steppe Fox", {
      questionId: "mc:fuel-lpg:0",
      servedAt: new Date(),
    });
    const served = attempt.questions[0]!;
    await db.answer.create({
      data: {
        attemptId: attempt.id,
        attemptQuestionId: served.id,
        response: JSON.stringify("B"),
        correct: true,
        credit: 1,
        points: 875,
        elapsedMs: 5000,
      },
    });

    const loaded = await db.attempt.findUniqueOrThrow({
      where: { id: attempt.id },
      include: { player: true, questions: { include: { answer: true } } },
    });
    expect(loaded.player.nickname).toBe("Steppe Fox");
    expect(loaded.questions).toHaveLength(1);
    expect(loaded.questions[0]!.answer).toMatchObject({ correct: true, credit: 1, points: 875, elapsedMs: 5000 });
  });

  it("refuses a second answer to the same served question", async () => {
    const { db } = current();
    const attempt = await attemptWithOneQuestion(db, "Twice", { questionId: "q" });
    const data = {
      attemptId: attempt.id,
      attemptQuestionId: attempt.questions[0]!.id,
      response: '"A"',
      correct: false,
      credit: 0,
      points: 0,
      elapsedMs: 1,
    };
    await db.answer.create({ data });
    await expect(db.answer.create({ data })).rejects.toThrow(/Unique constraint/i);
    expect(await db.answer.count({ where: { attemptId: attempt.id } })).toBe(1);
  });

  it("runs SQLite in WAL mode with a busy timeout, or reaches PostgreSQL", async () => {
    const { db, config } = current();
    if (config.database.provider === "sqlite") {
      const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const [busy] = await db.$queryRawUnsafe<{ timeout: number }[]>("PRAGMA busy_timeout");
      expect(mode?.journal_mode).toBe("wal");
      expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(5000);
    } else {
      const [row] = await db.$queryRawUnsafe<{ version: string }[]>("SELECT version()");
      expect(row?.version).toMatch(/PostgreSQL/);
    }
  });
});
