// This site's origin for links students open (join links, QR codes): the configured
// public address, else the address the request came to.
import "server-only";
import { headers } from "next/headers";
import type { AppContext } from "./context";

export async function siteOrigin(ctx: AppContext): Promise<string> {
  if (ctx.config.publicUrl) return ctx.config.publicUrl;
  const h = await headers();
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
