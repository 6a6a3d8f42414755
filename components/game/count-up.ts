"use client";
// A number that counts from where it was to where it is now (ease-out), the way a score
// ticks up in a game; it simply jumps when the reader asks for reduced motion.
import { useEffect, useRef, useState } from "react";
import { usePrefersReducedMotion } from "./reduced-motion";

export function useCountUp(value: number, { from, duration = 700 }: { from?: number; duration?: number } = {}): number {
  const reduce = usePrefersReducedMotion();
  const start = useRef(from ?? value);
  const [shown, setShown] = useState(reduce ? value : start.current);
  useEffect(() => {
    const begin = start.current;
    if (reduce || begin === value) {
      start.current = value;
      const frame = requestAnimationFrame(() => setShown(value));
      return () => cancelAnimationFrame(frame);
    }
    const t0 = performance.now();
    let frame = requestAnimationFrame(function step(t) {
      const k = Math.min(1, (t - t0) / duration);
      setShown(Math.round(begin + (value - begin) * (1 - (1 - k) ** 3)));
      if (k < 1) frame = requestAnimationFrame(step);
    });
    return () => {
      cancelAnimationFrame(frame);
      start.current = value;
    };
  }, [value, reduce, duration]);
  return shown;
}
