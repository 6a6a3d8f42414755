import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/teacher/auth-form";
import { teacherFromRequest } from "@/lib/server/teacher/current-teacher";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create a teacher account — Fact Trail" };

export default async function SignUpPage() {
  if (await teacherFromRequest()) redirect("/teacher");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Create a teacher account</h1>
      <p>Students never need an account: they join your quizzes with a code and a nickname.</p>
      <AuthForm mode="sign-up" action={signUpAction} />
    </div>
  );
}
