// A teacher's wall-clock times and UTC, including the nights the clocks change.
import { describe, expect, it } from "vitest";
import {
  formatDateTimeInZone,
  isTimeZone,
  timeZoneOptions,
  utcToZonedLocal,
  zonedLocalToUtc,
  zoneOffsetMinutes,
} from "@/lib/time-zone";

describe("zonedLocalToUtc: what a typed time means", () => {
  it.each([
    ["09:00 in Almaty is 04:00 UTC", "2026-03-02T09:00", "Asia/Almaty", "2026-03-02T04:00:00.000Z"],
    ["UTC is itself", "2026-03-02T09:00", "UTC", "2026-03-02T09:00:00.000Z"],
    ["a half-hour zone (Kolkata, +05:30)", "2026-03-02T09:00", "Asia/Kolkata", "2026-03-02T03:30:00.000Z"],
    ["west of Greenwich the date can move on", "2026-03-02T21:00", "America/New_York", "2026-03-03T02:00:00.000Z"],
    ["New York in summer time (−4)", "2026-07-01T09:00", "America/New_York", "2026-07-01T13:00:00.000Z"],
    ["seconds are kept", "2026-03-02T09:00:30", "Asia/Almaty", "2026-03-02T04:00:30.000Z"],
    ["London in winter is UTC", "2026-01-10T09:00", "Europe/London", "2026-01-10T09:00:00.000Z"],
    ["London in summer is UTC+1", "2026-06-10T09:00", "Europe/London", "2026-06-10T08:00:00.000Z"],
  ])("%s", (_label, local, zone, utc) => expect(zonedLocalToUtc(local, zone).toISOString()).toBe(utc));

  it.each([
    // 8 March 2026: New York's clocks go 02:00 → 03:00. 02:30 never happens: it means 03:30 EDT.
    [
      "a skipped time is read as that much later (New York, spring)",
      "2026-03-08T02:30",
      "America/New_York",
      "2026-03-08T07:30:00.000Z",
    ],
    ["the minute before the gap", "2026-03-08T01:59", "America/New_York", "2026-03-08T06:59:00.000Z"],
    ["the first minute after the gap", "2026-03-08T03:00", "America/New_York", "2026-03-08T07:00:00.000Z"],
    // 1 November 2026: 01:00–02:00 happens twice in New York: the first (EDT) is meant.
    [
      "a time that happens twice is the first of the two (New York, autumn)",
      "2026-11-01T01:30",
      "America/New_York",
      "2026-11-01T05:30:00.000Z",
    ],
    ["after the repeated hour", "2026-11-01T02:00", "America/New_York", "2026-11-01T07:00:00.000Z"],
    // 29 March 2026: Europe/London 01:00 → 02:00.
    ["London's skipped hour", "2026-03-29T01:30", "Europe/London", "2026-03-29T01:30:00.000Z"],
    // 5 April 2026: Sydney falls back 03:00 → 02:00 (southern hemisphere).
    ["Sydney's repeated hour", "2026-04-05T02:30", "Australia/Sydney", "2026-04-04T15:30:00.000Z"],
  ])("%s", (_label, local, zone, utc) => expect(zonedLocalToUtc(local, zone).toISOString()).toBe(utc));

  it.each(["2026-02-30T09:00", "2026-03-02 09:00", "2026-03-02T24:00", "09:00", ""])("refuses %j", (bad) => {
    expect(() => zonedLocalToUtc(bad, "Asia/Almaty")).toThrow(RangeError);
  });
});

describe("utcToZonedLocal and formatDateTimeInZone: how a stored time reads", () => {
  it.each([
    ["2026-03-02T04:00:00Z", "Asia/Almaty", "2026-03-02T09:00", "2 Mar 2026, 09:00 (Asia/Almaty)"],
    ["2026-03-02T09:05:00Z", "UTC", "2026-03-02T09:05", "2 Mar 2026, 09:05 UTC"],
    ["2026-03-03T02:00:00Z", "America/New_York", "2026-03-02T21:00", "2 Mar 2026, 21:00 (America/New_York)"],
    ["2026-11-01T05:30:00Z", "America/New_York", "2026-11-01T01:30", "1 Nov 2026, 01:30 (America/New_York)"],
    ["2026-11-01T06:30:00Z", "America/New_York", "2026-11-01T01:30", "1 Nov 2026, 01:30 (America/New_York)"],
    ["2026-12-31T20:00:00Z", "Asia/Almaty", "2027-01-01T01:00", "1 Jan 2027, 01:00 (Asia/Almaty)"],
  ])("%s in %s", (utc, zone, local, text) => {
    expect(utcToZonedLocal(new Date(utc), zone)).toBe(local);
    expect(formatDateTimeInZone(new Date(utc), zone)).toBe(text);
  });

  it("goes there and back for every quarter hour of a DST year in New York (except the skipped hour)", () => {
    const zone = "America/New_York";
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000 * 7) {
      const instant = new Date(t);
      const local = utcToZonedLocal(instant, zone);
      const back = zonedLocalToUtc(local, zone);
      // In the repeated hour the second instant reads back as the first: an hour earlier, never anything else.
      expect([0, 3_600_000]).toContain(t - back.getTime());
      expect(utcToZonedLocal(back, zone)).toBe(local);
    }
  });

  it("knows each zone's offset", () => {
    expect(zoneOffsetMinutes(new Date("2026-03-02T04:00:00Z"), "Asia/Almaty")).toBe(300);
    expect(zoneOffsetMinutes(new Date("2026-01-02T04:00:00Z"), "America/New_York")).toBe(-300);
  });
});

describe("isTimeZone", () => {
  it.each(["Asia/Almaty", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])("accepts %s", (zone) =>
    expect(isTimeZone(zone)).toBe(true),
  );
  it.each(["Mars/Olympus", "", "asia/almaty ", "../etc", 5, null, "A".repeat(80)])("refuses %j", (zone) =>
    expect(isTimeZone(zone)).toBe(false),
  );
  it("offers UTC and Almaty in the list", () => {
    expect(timeZoneOptions()).toEqual(expect.arrayContaining(["UTC", "Asia/Almaty", "Europe/London"]));
  });
});
