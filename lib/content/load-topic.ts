// Reads a topic pack from content/<topic>/ and validates it (once per process).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseTopic, type RawTopicFiles, type Topic } from "./parse-topic";

export const TOPIC_IDS = ["kazakhstan-2022"] as const;
export type TopicId = (typeof TOPIC_IDS)[number];
export const DEFAULT_TOPIC: TopicId = "kazakhstan-2022";

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}

const FILES = ["topic", "events", "order", "facts", "distractors", "causes", "themes"] as const;
// Process-wide (on globalThis): the server's start-up warm-up (instrumentation) and the routes are separate bundles.
const cache = ((globalThis as Record<symbol, unknown>)[Symbol.for("fact-trail.topics")] ??= new Map()) as Map<
  string,
  Topic
>;

export function contentDir(root: string = process.cwd()): string {
  return path.join(/*turbopackIgnore: true*/ root, "content");
}

export function loadTopic(topicId: TopicId, root?: string): Topic {
  const cached = cache.get(topicId);
  if (cached && !root) return cached;
  const dir = path.join(contentDir(root), topicId);
  const raw = Object.fromEntries(
    FILES.map((name) => [name, JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as unknown]),
  ) as unknown as RawTopicFiles;
  const topic = parseTopic(topicId, raw);
  if (!root) cache.set(topicId, topic);
  return topic;
}
