// What the host's pages (controls and projector) need: the game if this teacher hosts
// it, the join address and its QR code (an SVG drawn here: no script, no network), the
// source a reveal cites, and where the report is.
import "server-only";
import QRCode from "qrcode";
import { DEFAULT_TOPIC, loadTopic } from "@/lib/content/load-topic";
import type { AppContext } from "../context";
import { siteOrigin } from "../site-origin";
import { hostedGame } from "./games";

export async function hostPageData(ctx: AppContext, ownerId: string, code: string) {
  const game = await hostedGame(ctx, ownerId, code);
  const joinUrl = `${await siteOrigin(ctx)}/live/${game.code}`;
  const qrSvg = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const { title, outlet, published } = loadTopic(DEFAULT_TOPIC).meta.source;
  return {
    code: game.code,
    title: game.title,
    joinUrl,
    qrSvg,
    source: { title, outlet, published },
    reportHref: `/teacher/assignments/${game.assignmentId}`,
  };
}
