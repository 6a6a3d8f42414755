// A teacher's time zone (User.timeZone): what their pages show times in and their
// forms read typed times in. Saved from the browser (Intl) at sign-up, and at sign-in
// while still the default; changed on the account page.
import "server-only";
import { invalidForm } from "@/lib/app-error";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/time-zone";
import type { AppContext } from "../context";

/** The teacher's zone, or UTC when none is saved (or the saved one is unknown to this runtime). */
export async function getTeacherTimeZone(ctx: AppContext, teacherId: string): Promise<string> {
  const row = await ctx.db.user.findUnique({ where: { id: teacherId }, select: { timeZone: true } });
  return row && isTimeZone(row.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE;
}

/** The account page's choice: a zone from the list, or a 400 and nothing changed. */
export async function setTeacherTimeZone(ctx: AppContext, teacherId: string, raw: unknown): Promise<string> {
  if (!isTimeZone(raw)) throw invalidForm({ timeZone: "Choose a time zone from the list." });
  await ctx.db.user.update({ where: { id: teacherId }, data: { timeZone: raw } });
  return raw;
}

/**
 * The zone the browser reported at sign-up or sign-in. At sign-in it only replaces the default, so a zone the
 * teacher chose on the account page is not undone by a laptop set to another zone. Anything odd is ignored.
 */
export async function rememberBrowserTimeZone(
  ctx: AppContext,
  teacherId: string,
  raw: unknown,
  { replace }: { replace: "always" | "only-default" },
): Promise<void> {
  if (!isTimeZone(raw)) return;
  await ctx.db.user.updateMany({
    where: { id: teacherId, ...(replace === "only-default" ? { timeZone: DEFAULT_TIME_ZONE } : {}) },
    data: { timeZone: raw },
  });
}
