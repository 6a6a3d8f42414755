// Zod schemas for a topic pack (content/<topic>/*.json). One schema per file;
// the loader parses every file through them, so a broken pack fails loudly.
import { z } from "zod";

/** A citation: a body paragraph number (1-based) or the photo caption. */
export const paragraphRef = z.union([z.number().int().positive(), z.literal("caption")]);
export type ParagraphRef = z.infer<typeof paragraphRef>;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case");
const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD");
const certainty = z.enum(["reported", "attributed", "hedged", "unverified"]).default("reported");
/** A short quotation from the cited paragraph: a few words, never a sentence. */
const evidence = z
  .string()
  .trim()
  .min(3)
  .refine((s) => s.split(/\s+/).length <= 16, "evidence quotes are a few words (16 at most)");
/**
 * The source's words behind an item that cites several paragraphs, one quote per paragraph it
 * cites (a citation badge opens them, each under its paragraph).
 */
const paragraphEvidence = z.array(z.object({ paragraph: paragraphRef, quote: evidence })).min(1);
export type ParagraphEvidence = z.infer<typeof paragraphEvidence>;

export const topicSchema = z.object({
  id,
  title: text,
  tagline: text,
  intro: z.array(text).min(1),
  source: z.object({
    title: text,
    outlet: text,
    published: isoDate,
    publishedWeekday: text,
    file: text,
    paragraphCount: z.number().int().positive(),
    numbering: text,
    relativeDays: z.array(z.object({ word: text, date: isoDate, note: text })),
    caveats: z.array(
      z.object({ id, paragraphs: z.array(paragraphRef).min(1), note: text, evidence: paragraphEvidence }),
    ),
  }),
});

const era = z.enum(["background", "crisis"]);
export const whenSchema = z.discriminatedUnion("precision", [
  z.object({ precision: z.literal("span"), era, label: text }),
  z.object({ precision: z.literal("unknown"), era, label: text }),
  z.object({ precision: z.literal("day"), era, date: isoDate, label: text }),
  z.object({
    precision: z.literal("part-of-day"),
    era,
    date: isoDate,
    part: z.enum(["early", "earlier", "morning", "afternoon", "later", "evening", "overnight"]),
    label: text,
  }),
]);
export type When = z.infer<typeof whenSchema>;

/**
 * What a question teaches: why it happened (causes), what happened in what order (course),
 * how the report knows what it says (sources), and the setting it needs (context).
 */
export const strand = z.enum(["causes", "course", "sources", "context"]);
export type Strand = z.infer<typeof strand>;
/** Events belong to the causes (background) or to the course of the crisis. */
const eventStrand = z.enum(["causes", "course"]);

export const eventSchema = z.object({
  id,
  label: text,
  description: text,
  paragraphs: z.array(paragraphRef).min(1),
  evidence,
  strand: eventStrand,
  certainty,
  when: whenSchema,
  /** Where the report places the event, when it does (a theme may ask for one place). */
  place: text.optional(),
  /**
   * Words that name this event in running text ("state of emergency"). A timeline's
   * explanation may use them only when the event is on the card.
   */
  cues: z.array(text).min(1),
});
export type TopicEvent = z.infer<typeof eventSchema>;

export const orderEdgeSchema = z.object({
  before: id,
  after: id,
  basis: z.enum(["text", "day-anchor"]),
  paragraphs: z.array(paragraphRef).min(1),
  why: text,
});
export type OrderEdge = z.infer<typeof orderEdgeSchema>;

/**
 * A named group of events with the prompts that fit it. A timeline takes a prompt from a
 * theme only when every event on it meets all of the theme's conditions.
 */
export const themeSchema = z.object({
  id,
  match: z
    .object({
      era: z.enum(["crisis"]).optional(),
      /** How many background events a chain holds (at most one, by the generator's rule). */
      background: z.enum(["none", "one"]).optional(),
      place: text.optional(),
      /** Every event dated (a day or a part of a day) within these days. */
      dates: z.object({ from: isoDate, to: isoDate }).optional(),
      /** Every event one of these. */
      events: z.array(id).min(1).optional(),
    })
    .strict(),
  prompts: z.array(text.refine((s) => /[.?]$/.test(s), "a prompt ends with '.' or '?'")).min(1),
});
export type Theme = z.infer<typeof themeSchema>;
export const themesSchema = z.array(themeSchema).min(1);

const stemSchema = z.object({
  form: z.enum(["who", "what", "which", "why", "when", "where", "how", "how-many", "how-much", "how-long"]),
  prompt: text.refine((s) => s.endsWith("?"), "a stem is a question ending in '?'"),
  /** A stem may ask from another angle, with its own answer and distractors. */
  answer: text.optional(),
  distractors: z.array(text).optional(),
});

export const factSchema = z.object({
  id,
  strand,
  kind: id,
  /**
   * The fact itself in a few words of our own ("A rise in the price of LPG set off the protests"):
   * its title in the study view and in a player's "facts to revisit".
   */
  label: text.refine((s) => s.length <= 70, "a fact's label is short (70 characters at most)"),
  answer: text,
  precision: z.enum(["exact", "approximate", "range", "vague"]).optional(),
  unit: text.optional(),
  certainty,
  paragraphs: z.array(paragraphRef).min(1),
  /** One quote per paragraph it cites (a multiple-choice question's citation shows each under its paragraph). */
  evidence: paragraphEvidence,
  events: z.array(id).default([]),
  explanation: text,
  distractors: z.array(text).default([]),
  /** Same-kind values that must never be offered for this fact (possibly true outside the report). */
  exclude: z.array(text).default([]),
  stems: z.array(stemSchema).min(1),
});
export type Fact = z.infer<typeof factSchema>;

export const distractorKindsSchema = z.record(
  id,
  z.object({
    shareAnswers: z.boolean(),
    pool: z.array(z.object({ text, note: text })),
    note: text.optional(),
  }),
);
export type DistractorKinds = z.infer<typeof distractorKindsSchema>;

export const causesSchema = z.object({
  nodes: z.array(
    z.object({
      id,
      group: z.enum(["long-standing", "trigger", "crisis", "response"]),
      label: text,
      description: text,
      paragraphs: z.array(paragraphRef).min(1),
      evidence: paragraphEvidence,
      certainty,
      /** The facts and events whose mastery stands for this cause's (teachers' class mastery on the map). */
      teaches: z.array(id).default([]),
    }),
  ),
  links: z.array(z.object({ from: id, to: id, label: text, paragraphs: z.array(paragraphRef).min(1) })),
});
export type Causes = z.infer<typeof causesSchema>;
