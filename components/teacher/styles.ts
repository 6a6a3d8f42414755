// Class names the teacher pages share. A plain module (not "use client"), so server
// components get the strings themselves: a constant imported from a client module
// reaches a server component as a client reference, and the class would be lost.
export const inputClass =
  "mt-1 block min-h-11 w-full rounded-lg border border-black/30 bg-white px-3 py-2 text-base aria-[invalid=true]:border-ember aria-[invalid=true]:border-2 disabled:bg-black/5 disabled:text-muted";
export const buttonClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg bg-steppe px-4 py-2 font-semibold text-white hover:bg-steppe-dark disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg border border-steppe px-3 py-1.5 text-sm font-semibold text-steppe-dark hover:bg-steppe/10";
