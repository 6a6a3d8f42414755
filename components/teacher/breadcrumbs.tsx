// Where a teacher page sits: "Your classes / 10B History /", each step a link back.
import Link from "next/link";
import { Fragment } from "react";

export function Breadcrumbs({ trail }: { trail: { href: string; label: string }[] }) {
  return (
    <p className="text-sm">
      {trail.map(({ href, label }) => (
        <Fragment key={href}>
          <Link href={href} className="underline">
            {label}
          </Link>{" "}
          /{" "}
        </Fragment>
      ))}
    </p>
  );
}
