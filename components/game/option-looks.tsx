// The four answer looks of a live game, the same on the phone and the projector: a colour,
// a shape and the shape's name, so colour is never the only cue (issue 14). Each colour
// holds AA contrast (4.5:1 or more) with its text colour.
export const OPTION_LOOKS = [
  { box: "bg-[#b3261e] text-white", shape: "triangle" },
  { box: "bg-[#1d4ed8] text-white", shape: "diamond" },
  { box: "bg-[#f2b134] text-[#14202b]", shape: "circle" },
  { box: "bg-[#15803d] text-white", shape: "square" },
] as const;

export type OptionLook = (typeof OPTION_LOOKS)[number];

/** The look of the option at `index` (the fifth takes the first's again). */
export const optionLook = (index: number): OptionLook => OPTION_LOOKS[index % OPTION_LOOKS.length]!;

const PATHS: Record<OptionLook["shape"], React.ReactNode> = {
  triangle: <path d="M12 3 22 20H2z" />,
  diamond: <path d="M12 2 22 12 12 22 2 12z" />,
  circle: <circle cx="12" cy="12" r="10" />,
  square: <rect x="3" y="3" width="18" height="18" rx="1" />,
};

/** The option's shape, drawn in the text's colour; decorative (the name goes to screen readers beside it). */
export function OptionShape({ look, className = "h-8 w-8" }: { look: OptionLook; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor" className={`shrink-0 ${className}`}>
      {PATHS[look.shape]}
    </svg>
  );
}
