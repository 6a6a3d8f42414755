import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/teacher/account-forms";
import { appContext } from "@/lib/server/context";
import { RESET_COMMAND } from "@/lib/server/teacher/password-reset";
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
        <>
          <p>This server cannot send mail, so the reset link comes from whoever runs it. Ask them to run:</p>
          <p>
            <code className="block rounded-lg bg-white p-3 text-sm break-all">{RESET_COMMAND}</code>
          </p>
          <p>with your email address. The link they give you works once, for an hour.</p>
        </>
      )}
      <p className="text-sm">
        <Link href="/teacher/sign-in" className="inline-flex min-h-11 items-center font-semibold underline">
          Back to sign-in
        </Link>
      </p>
    </div>
  );
}
