// One item of the study view (a fact, a cause): a link target with its title and citation badge,
// and what the player knows of it when the study view knows the player.
import type { Mastery } from "@/lib/play/mastery";
import { MasteryBadge } from "./mastery-badge";

export function StudyItem({
  id,
  title,
  badge,
  children,
  className = "",
  mastery,
}: {
  mastery?: Mastery;
  /** The anchor quiz explanations and "facts to revisit" link to. */
  id: string;
  title: string;
  badge: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <li
      id={id}
      className={`scroll-mt-24 rounded-xl bg-white ring-1 ring-black/5 target:ring-4 target:ring-sun data-target:ring-4 data-target:ring-sun ${className}`}
    >
      <p className="flex items-start justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <span className="flex shrink-0 items-center gap-1.5">
          {mastery && <MasteryBadge mastery={mastery} />}
          {badge}
        </span>
      </p>
      {children}
    </li>
  );
}
