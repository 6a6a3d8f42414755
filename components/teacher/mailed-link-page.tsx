// A page a mailed link opens (choose a new password, confirm an address): the
// link's token from the page's address goes into the form that spends it, or the
// page says what to do when the link arrived cut short. A server component.
import type { ReactNode } from "react";

export function MailedLinkPage(props: {
  title: string;
  /** The `token` search parameter as it came. */
  token: string | string[] | undefined;
  intro: string;
  form: (token: string) => ReactNode;
  /** What to do instead, after "This link is incomplete: open the whole link from the mail, or". */
  instead: ReactNode;
}) {
  const { token } = props;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">{props.title}</h1>
      {typeof token === "string" && token ? (
        <>
          <p>{props.intro}</p>
          {props.form(token)}
        </>
      ) : (
        <p>This link is incomplete: open the whole link from the mail, or {props.instead}.</p>
      )}
    </div>
  );
}
