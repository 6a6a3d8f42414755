"use client";
// framer-motion, loaded lazily: the page ships the small `m` components and the
// animation features arrive after first paint. Reduced motion is honoured app-wide.
import { LazyMotion, MotionConfig } from "framer-motion";

const loadFeatures = () => import("./motion-features").then((mod) => mod.default);

export function MotionProvider({ children }: { children: React.ReactNode }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadFeatures} strict>
        {children}
      </LazyMotion>
    </MotionConfig>
  );
}

export { m, AnimatePresence, useReducedMotion } from "framer-motion";
