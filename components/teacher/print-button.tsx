"use client";
// Opens the browser's print dialog (the page's print styles leave only the cards).
import { buttonClass } from "./form-bits";

export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" className={buttonClass} onClick={() => window.print()}>
      {label}
    </button>
  );
}
