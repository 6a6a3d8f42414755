// Confetti for a perfect game or a best score: canvas-confetti, loaded only when there
// is something to celebrate, and never when the reader asks for reduced motion.

export type Celebration = "perfect" | "best";

export async function celebrate(kind: Celebration = "best"): Promise<void> {
  // No matchMedia (a test DOM, an old browser): no way to honour reduced motion, so no confetti.
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return;
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  const { default: confetti } = await import("canvas-confetti");
  // Our own canvas, hidden from assistive technology and removed afterwards.
  const canvas = document.createElement("canvas");
  canvas.setAttribute("aria-hidden", "true");
  Object.assign(canvas.style, {
    position: "fixed",
    inset: "0",
    width: "100%",
    height: "100%",
    pointerEvents: "none",
    zIndex: "60",
  });
  document.body.appendChild(canvas);
  const fire = confetti.create(canvas, { resize: true });
  const colors = ["#f2b134", "#0d5c63", "#15803d", "#f97316", "#ffffff"];
  const burst = (angle: number, x: number) =>
    fire({ particleCount: kind === "perfect" ? 90 : 55, angle, spread: 70, origin: { x, y: 0.7 }, colors });
  await Promise.all([
    burst(60, 0),
    burst(120, 1),
    kind === "perfect" ? fire({ particleCount: 120, spread: 110, origin: { y: 0.35 }, colors }) : null,
  ]);
  fire.reset();
  canvas.remove();
}
