import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/teacher/account-forms";
import { MailedLinkPage } from "@/components/teacher/mailed-link-page";
import { resetPasswordAction } from "../actions";

// The link's token is in this page's address: no Referer carries it anywhere.
export const metadata: Metadata = { title: "Choose a new password — Fact Trail", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return (
    <MailedLinkPage
      title="Choose a new password"
      token={(await searchParams).token}
      intro="After this you sign in with the new password, on every device."
      form={(token) => <ResetPasswordForm action={resetPasswordAction} token={token} />}
      instead={
        <Link href="/teacher/forgot-password" className="font-semibold underline">
          ask for a new one
        </Link>
      }
    />
  );
}
