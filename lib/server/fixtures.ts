// Row factories shared by the seed script and the tests: rows as the app would
// store them, with the values a test names (a fixed join code, say).
import "server-only";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { assignmentSettingsSchema, DEFAULT_ASSIGNMENT_SETTINGS, type AssignmentSettings } from "@/lib/play/settings";
import type { AppContext } from "./context";

/** An assignment with no owner (as the demo quiz is), inserted directly: no form, no code drawn. */
export async function insertAssignment(
  ctx: AppContext,
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
  return ctx.db.assignment.create({
    data: {
      code: input.code,
      title: input.title ?? "Kazakhstan, January 2022",
      topic: input.topic ?? DEFAULT_TOPIC,
      settings: JSON.stringify(settings),
      opensAt: input.opensAt ?? null,
      dueAt: input.dueAt ?? null,
      closedAt: input.closedAt ?? null,
    },
  });
}
