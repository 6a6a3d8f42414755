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
  const next = safeReturnPath((await searchParams).next);
  if (await teacherFromRequest()) redirect(next);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Teacher sign-in</h1>
      <p>Set quizzes for your classes, share a join code, and see what each student got right.</p>
      <AuthForm mode="sign-in" action={signInAction} next={next} />
    </div>
  );
}
