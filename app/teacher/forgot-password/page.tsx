import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/teacher/account-forms";
import { appContext } from "@/lib/server/context";
import { RESET_BY_ADMIN_MESSAGE } from "@/lib/server/teacher/password-reset";
import { forgotPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Forgot your password? — Fact Trail" };

export default function ForgotPasswordPage() {
  const mail = appContext().mailer.enabled;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Forgot your password?</h1>
      {mail ? (
        <>
          <p>Enter the email address you signed up with. We will mail it a link to choose a new password.</p>
          <ForgotPasswordForm action={forgotPasswordAction} />
        </>
      ) : (
        <p>{RESET_BY_ADMIN_MESSAGE}</p>
      )}
      <p className="text-sm">
        <Link href="/teacher/sign-in" className="inline-flex min-h-11 items-center font-semibold underline">
          Back to sign-in
        </Link>
      </p>
    </div>
  );
}
