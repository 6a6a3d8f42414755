// Teacher pages: their own navigation and sign-out once signed in.
import Link from "next/link";
import { ResendConfirmationForm } from "@/components/teacher/account-forms";
import { appContext } from "@/lib/server/context";
import { teacherFromRequest } from "@/lib/server/teacher/current-teacher";
import { resendConfirmationAction, signOutAction } from "./actions";

const TEACHER_LINKS = [
  ["/teacher", "Classes"],
  ["/teacher/questions", "Question bank"],
  ["/teacher/account", "Account"],
] as const;

export default async function TeacherLayout({ children }: { children: React.ReactNode }) {
  const teacher = await teacherFromRequest();
  return (
    <div className="space-y-6">
      {teacher && (
        <nav
          data-site-chrome
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
      {teacher && !teacher.emailVerified && appContext().mailer.enabled && (
        <aside
          aria-label="Confirm your email address"
          className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border-2 border-sun bg-white px-4 py-2 text-sm print:hidden"
        >
          <p>
            Please confirm your email address: open the link we sent to{" "}
            <span className="font-semibold">{teacher.email}</span>, so you know mail from Fact Trail (a password reset)
            reaches you.
          </p>
          <ResendConfirmationForm action={resendConfirmationAction} />
        </aside>
      )}
      {children}
    </div>
  );
}
