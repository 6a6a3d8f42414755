// The teacher's account: their time zone (saved from the browser at sign-up; changed here).
import type { Metadata } from "next";
import { TimeZoneForm } from "@/components/teacher/time-zone-form";
import { appContext } from "@/lib/server/context";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { getTeacherTimeZone } from "@/lib/server/teacher/time-zone";
import { formatDateTimeInZone, timeZoneOptions } from "@/lib/time-zone";
import { setTimeZoneAction } from "../actions";

export const metadata: Metadata = { title: "Your account — Fact Trail" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const teacher = await requireTeacher("/teacher/account");
  const ctx = appContext();
  const timeZone = await getTeacherTimeZone(ctx, teacher.id);
  const saved = (await searchParams).saved === "1";
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Your account</h1>
      <p className="break-words">
        {teacher.name} · {teacher.email}
      </p>
      <section aria-labelledby="time-zone" className="max-w-xl space-y-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="time-zone" className="text-xl font-bold">
          Time zone
        </h2>
        {saved && (
          <p role="status" className="rounded-lg border-2 border-steppe p-3 font-semibold text-steppe-dark">
            Saved: times are now shown in {timeZone}.
          </p>
        )}
        <p>It is now {formatDateTimeInZone(ctx.clock.now(), timeZone)} for you.</p>
        <TimeZoneForm action={setTimeZoneAction} current={timeZone} zones={timeZoneOptions()} />
      </section>
    </div>
  );
}
