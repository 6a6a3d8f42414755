// Teacher pages: their own navigation and sign-out once signed in.
import Link from "next/link";
import { teacherFromRequest } from "@/lib/server/teacher/current-teacher";
import { signOutAction } from "./actions";

const TEACHER_LINKS = [
  ["/teacher", "Classes"],
  ["/teacher/questions", "Question bank"],
] as const;

export default async function TeacherLayout({ children }: { children: React.ReactNode }) {
  const teacher = await teacherFromRequest();
  return (
    <div className="space-y-6">
      {teacher && (
        <nav
          aria-label="Teacher"
          className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-white px-4 py-2 text-sm shadow-sm print:hidden"
        >
          <span className="text-muted">
            Signed in as <span className="font-semibold text-ink">{teacher.name}</span>
          </span>
          {TEACHER_LINKS.map(([href, label]) => (
            <Link key={href} href={href} className="font-semibold text-steppe-dark underline">
              {label}
            </Link>
          ))}
          <form action={signOutAction} className="ml-auto">
            <button type="submit" className="font-semibold text-steppe-dark underline">
              Sign out
            </button>
          </form>
        </nav>
      )}
      {children}
    </div>
  );
}
