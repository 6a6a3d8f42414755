// A teacher's classes.
import type { Metadata } from "next";
import Link from "next/link";
import { ClassForm } from "@/components/teacher/class-form";
import { appContext } from "@/lib/server/context";
import { listClasses } from "@/lib/server/teacher/classes";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { getTeacherTimeZone } from "@/lib/server/teacher/time-zone";
import { formatDateInZone } from "@/lib/time-zone";
import { createClassAction } from "./actions";

export const metadata: Metadata = { title: "Your classes — Fact Trail" };

export default async function TeacherHome() {
  const teacher = await requireTeacher("/teacher");
  const ctx = appContext();
  const [all, timeZone] = await Promise.all([listClasses(ctx, teacher.id), getTeacherTimeZone(ctx, teacher.id)]);
  const classes = all.filter((c) => !c.archivedAt);
  const archived = all.filter((c) => c.archivedAt);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Your classes</h1>
      {classes.length === 0 ? (
        <p>Start with a class; then set it an assignment and share the join code.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {classes.map((c) => (
            <li key={c.id} className="rounded-xl bg-white p-4 shadow-sm">
              <Link href={`/teacher/classes/${c.id}`} className="text-lg font-bold text-steppe-dark underline">
                {c.name}
              </Link>
              <p className="text-sm text-muted">
                {c.assignmentCount} assignment{c.assignmentCount === 1 ? "" : "s"} · created{" "}
                {formatDateInZone(c.createdAt, timeZone)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="rounded-xl bg-white p-4 shadow-sm">
          <summary className="min-h-11 cursor-pointer content-center font-semibold">
            Archived classes ({archived.length}): reports kept
          </summary>
          <ul className="mt-2 space-y-1">
            {archived.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/teacher/classes/${c.id}`}
                  className="inline-flex min-h-11 items-center font-semibold text-steppe-dark underline"
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      )}
      <section aria-labelledby="new-class" className="max-w-md space-y-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="new-class" className="text-xl font-bold">
          New class
        </h2>
        <ClassForm action={createClassAction} />
      </section>
    </div>
  );
}
