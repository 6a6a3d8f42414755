const TEXT = { open: "Open", scheduled: "Not open yet", past_due: "Past due", closed: "Closed" } as const;
const STYLE = {
  open: "border-steppe text-steppe-dark",
  scheduled: "border-black/40 text-ink",
  past_due: "border-ember text-ember",
  closed: "border-ember text-ember",
} as const;

/** The state in words (never colour alone). */
export function AssignmentStateBadge({ state }: { state: keyof typeof TEXT }) {
  return <span className={`rounded-full border-2 px-2 py-0.5 text-xs font-bold ${STYLE[state]}`}>{TEXT[state]}</span>;
}
