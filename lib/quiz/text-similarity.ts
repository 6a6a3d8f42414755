// Near-duplicate detection for answer options: "The internet" and "Internet" are
// one option, and so are "Oil and metals" and "Metals and oil".
const STOP = new Set(["the", "a", "an", "of", "and", "its", "it", "to", "in"]);

export function normaliseOption(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/(\d)[,\s](?=\d{3}\b)/g, "$1")
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .join(" ");
}

export function areNearDuplicates(a: string, b: string): boolean {
  const na = normaliseOption(a);
  const nb = normaliseOption(b);
  if (!na || !nb) return na === nb;
  if (na === nb) return true;
  const wa = new Set(na.split(" "));
  const wb = new Set(nb.split(" "));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  // Same words in another order, or one option wholly inside the other.
  if (shared === Math.min(wa.size, wb.size)) return true;
  return shared / new Set([...wa, ...wb]).size >= 0.8;
}
