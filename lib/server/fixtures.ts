// Row factories shared by the seed script and the tests.
import "server-only";
import { assignmentSettingsSchema, PRACTICE_RULES, type AssignmentSettings } from "@/lib/play/settings";
import type { Db } from "./db";

export const DEFAULT_ASSIGNMENT_SETTINGS: AssignmentSettings = {
  ...PRACTICE_RULES,
  count: 5,
  attemptsAllowed: null,
  sameQuestions: true,
  leaderboard: "full",
};

export async function createAssignment(
  db: Db,
  input: {
    code: string;
    title?: string;
    topic?: string;
    settings?: Partial<AssignmentSettings>;
    opensAt?: Date | null;
    dueAt?: Date | null;
    closedAt?: Date | null;
  },
) {
  const settings = assignmentSettingsSchema.parse({ ...DEFAULT_ASSIGNMENT_SETTINGS, ...input.settings });
  return db.assignment.create({
    data: {
      code: input.code,
      title: input.title ?? "Kazakhstan, January 2022",
      topic: input.topic ?? "kazakhstan-2022",
      settings: JSON.stringify(settings),
      opensAt: input.opensAt ?? null,
      dueAt: input.dueAt ?? null,
      closedAt: input.closedAt ?? null,
    },
  });
}
