import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/teacher/account-forms";
import { MailedLinkPage } from "@/components/teacher/mailed-link-page";
import { verifyEmailAction } from "../actions";

// The link's token is in this page's address: no Referer carries it anywhere.
export const metadata: Metadata = { title: "Confirm your email address — Fact Trail", referrer: "no-referrer" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return (
    <MailedLinkPage
      title="Confirm your email address"
      token={(await searchParams).token}
      intro="One click confirms that this address is yours and signs you in."
      form={(token) => <ConfirmEmailForm action={verifyEmailAction} token={token} />}
      instead={
        <>
          <Link href="/teacher/sign-in" className="font-semibold underline">
            sign in
          </Link>{" "}
          and send yourself a new one
        </>
      }
    />
  );
}
