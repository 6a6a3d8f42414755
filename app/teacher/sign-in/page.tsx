import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/teacher/auth-form";
import { safeReturnPath, teacherFromRequest } from "@/lib/server/teacher/current-teacher";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Teacher sign-in — Fact Trail" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await teacherFromRequest()) redirect(next);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Teacher sign-in</h1>
      {params.reset === "done" ? (
        <p role="status" className="rounded-lg border-2 border-steppe bg-white p-3 font-semibold">
          Your password is changed, and every device that was signed in is signed out. Sign in with the new password.
        </p>
      ) : (
        <p>Set quizzes for your classes, share a join code, and see what each student got right.</p>
      )}
      <AuthForm mode="sign-in" action={signInAction} next={next} />
    </div>
  );
}
