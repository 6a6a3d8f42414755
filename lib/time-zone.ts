// A teacher's wall-clock times and UTC: what "09:00" typed in Almaty means (04:00Z),
// and how a stored UTC instant reads there. Times are stored in UTC; pages show and
// forms read them in the teacher's IANA zone (User.timeZone). Pure: Intl only.

/** The zone a teacher without a saved one gets. */
export const DEFAULT_TIME_ZONE = "UTC";

/** "Asia/Almaty", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT+5": a zone Intl knows. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zones a teacher can choose from (the runtime's IANA list, with UTC). */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(instant))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes the zone is ahead of UTC at `instant` (Almaty: +300; New York in winter: −300). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

type WallTime = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** The numbers of a "YYYY-MM-DDTHH:mm[:ss]" (seconds 0 when left out), or null for another shape. */
function wallTime(local: string): WallTime | null {
  const m = LOCAL.exec(local);
  return m ? (m.slice(1).map((v) => Number(v ?? 0)) as WallTime) : null;
}

/** Is this a real "YYYY-MM-DDTHH:mm[:ss]" (what a datetime-local input sends)? */
export function isLocalDateTime(local: string): boolean {
  const parts = wallTime(local);
  if (!parts) return false;
  const [y, mo, d, h, mi, s] = parts;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

/**
 * The UTC instant of a wall-clock time typed in `timeZone` ("2026-03-02T09:00" in Asia/Almaty → 04:00Z).
 * Like Temporal's "compatible" choice at the DST edges: a time the clocks skip (02:30 on a spring-forward
 * night) is read as that much later (03:30); a time that happens twice (01:30 on a fall-back night) as the
 * first of the two.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const parts = wallTime(local);
  if (!parts || !isLocalDateTime(local)) throw new RangeError(`Not a local date and time: "${local}"`);
  const [y, mo, d, h, mi, s] = parts;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The offsets in force a day either side of the wall time cover every transition near it.
  const before = zoneOffsetMinutes(new Date(asUtc - 86_400_000), timeZone);
  const after = zoneOffsetMinutes(new Date(asUtc + 86_400_000), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((t) => zoneOffsetMinutes(new Date(t), timeZone) === Math.round((asUtc - t) / 60_000))
    .sort((a, b) => a - b);
  // Both fit (fall back): the earlier instant. Neither (spring forward): shift by the gap, on the old offset.
  return new Date(candidates[0] ?? asUtc - before * 60_000);
}

const two = (n: number) => String(n).padStart(2, "0");

/** A stored instant as a datetime-local value in `timeZone` (04:00Z in Asia/Almaty → "2026-03-02T09:00"). */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2 Mar 2026, 09:00 (Asia/Almaty)"; "…, 09:00 UTC" in UTC. The zone is always named. */
export function formatDateTimeInZone(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const zone = timeZone === "UTC" || timeZone === "Etc/UTC" ? "UTC" : `(${timeZone})`;
  return `${w.day} ${SHORT_MONTHS[w.month - 1]} ${w.year}, ${two(w.hour)}:${two(w.minute)} ${zone}`;
}

/** "2 Mar 2026": the day it is in `timeZone` at that instant. */
export function formatDateInZone(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.day} ${SHORT_MONTHS[w.month - 1]} ${w.year}`;
}

/** How a zone is named beside a time: "UTC", or "Asia/Almaty". */
export function zoneName(timeZone: string): string {
  return timeZone === "Etc/UTC" ? "UTC" : timeZone;
}
