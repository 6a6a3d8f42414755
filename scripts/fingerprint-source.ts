// Regenerates content/<topic>/source-fingerprint.json from the article text:
//   npx tsx scripts/fingerprint-source.ts ../shared/seed/article-france24-2022-01-06.txt kazakhstan-2022
import { readFileSync, writeFileSync } from "node:fs";
import { fingerprintArticle, splitArticle } from "../lib/content/source-text";

const [articlePath, topic = "kazakhstan-2022"] = process.argv.slice(2);
if (!articlePath) {
  console.error("usage: tsx scripts/fingerprint-source.ts ARTICLE.txt [TOPIC]");
  process.exit(2);
}
const text = readFileSync(articlePath, "utf8");
const { paragraphs } = splitArticle(text);
console.log(
  `${paragraphs.length} paragraphs; P1 begins "${paragraphs[0]?.slice(0, 30)}…", last begins "${paragraphs.at(-1)?.slice(0, 30)}…"`,
);
writeFileSync(`content/${topic}/source-fingerprint.json`, `${JSON.stringify(fingerprintArticle(text))}\n`);
