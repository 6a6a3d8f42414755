// One item of the study view (a fact, a cause): a link target with its title and citation badge.
export function StudyItem({
  id,
  title,
  badge,
  children,
  className = "",
}: {
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
        {badge}
      </p>
      {children}
    </li>
  );
}
