// A gentle entrance for page sections, in CSS: the server and the browser render the same
// markup (a wrapper either way), and the global reduced-motion rule in globals.css turns it off.
import type { CSSProperties, ReactNode } from "react";

export function FadeIn({ children, delay = 0 }: { children: ReactNode; delay?: number }) {
  return (
    <div
      className="animate-[fade-up_0.35s_ease-out_backwards] motion-reduce:animate-none"
      style={delay ? ({ animationDelay: `${delay}s` } as CSSProperties) : undefined}
    >
      {children}
    </div>
  );
}
