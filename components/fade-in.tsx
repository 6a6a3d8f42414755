"use client";
// A gentle entrance for page sections; none at all when the user asks for reduced motion.
import { m, useReducedMotion } from "./motion";

export function FadeIn({ children, delay = 0 }: { children: React.ReactNode; delay?: number }) {
  const reduce = useReducedMotion();
  if (reduce) return <>{children}</>;
  return (
    <m.div initial={{ opacity: 0, y: 12 }} animate={{ opacity: 1, y: 0 }} transition={{ duration: 0.35, delay }}>
      {children}
    </m.div>
  );
}
