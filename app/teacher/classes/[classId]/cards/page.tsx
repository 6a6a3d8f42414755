// A class's personal codes as cards to print and cut out: one per student, with
// how to join. Print styles drop the site's header, the navigation and this page's
// buttons; a card never breaks across pages.
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { PrintButton } from "@/components/teacher/print-button";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { siteOrigin } from "@/lib/server/site-origin";
import { getClass } from "@/lib/server/teacher/classes";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { listStudents } from "@/lib/server/teacher/students";

export const metadata: Metadata = { title: "Code cards — Fact Trail" };

export default async function CodeCardsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const teacher = await requireTeacher(`/teacher/classes/${encodeURIComponent(classId)}/cards`);
  const ctx = appContext();
  const klass = await orNotFoundPage(getClass(ctx, teacher.id, classId));
  const students = await listStudents(ctx, teacher.id, klass.id);
  const joinAt = `${await siteOrigin(ctx)}/join`;
  return (
    <div className="space-y-6">
      <div className="space-y-3 print:hidden">
        <Breadcrumbs
          trail={[
            { href: "/teacher", label: "Your classes" },
            { href: `/teacher/classes/${klass.id}`, label: klass.name },
          ]}
        />
        <h1 className="text-3xl font-extrabold text-steppe-dark">Code cards: {klass.name}</h1>
        <p className="max-w-prose">
          Hand each student their card. A personal code is typed once per device; keep the cards out of sight of the
          class (this page is not for the projector). “New code” on the class page replaces a lost one.
        </p>
        {students.length > 0 && <PrintButton label="Print the cards" />}
      </div>
      {students.length === 0 ? (
        <p>This class has no roster yet: add names on the class page.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 print:grid-cols-2 print:gap-2" aria-label="Code cards">
          {students.map((s) => (
            <li
              key={s.id}
              className="break-inside-avoid rounded-xl border-2 border-dashed border-black/40 bg-white p-4 print:rounded-none"
            >
              <p className="text-sm text-muted">{klass.name} · Fact Trail</p>
              <p className="text-xl font-bold">{s.name}</p>
              <p className="mt-2">
                Your code:{" "}
                <span className="font-mono text-3xl font-extrabold tracking-[0.3em] text-steppe-dark">
                  {s.code || "—"}
                </span>
              </p>
              <p className="mt-2 text-sm">
                Go to <span className="font-semibold break-all">{joinAt}</span>, type the quiz code from the board, pick
                your name and type your code.
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
