// Test access to the real topic pack, its raw files (to break on purpose) and the source fingerprint.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadTopic } from "@/lib/content/load-topic";
import type { RawTopicFiles } from "@/lib/content/parse-topic";
import type { SourceFingerprint } from "@/lib/content/source-text";

export const TOPIC_ID = "kazakhstan-2022";
export const topic = loadTopic(TOPIC_ID);
const dir = path.join(process.cwd(), "content", TOPIC_ID);
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8"));

/** A fresh deep copy of the pack's raw JSON, safe to mutate. */
export function rawTopic(): RawTopicFiles {
  return {
    topic: read("topic"),
    events: read("events"),
    order: read("order"),
    facts: read("facts"),
    distractors: read("distractors"),
    causes: read("causes"),
    themes: read("themes"),
  };
}

export const fingerprint = read("source-fingerprint") as SourceFingerprint;
