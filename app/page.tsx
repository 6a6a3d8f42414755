// Home: the topic's own-words introduction (from content/), the ways to play, causes and course.
import { PlayPanel } from "@/components/play-panel";
import { TopicOverview } from "@/components/topic-overview";
import { DEFAULT_TOPIC, loadTopic } from "@/lib/content/load-topic";

export default function HomePage() {
  return <TopicOverview topic={loadTopic(DEFAULT_TOPIC)} actions={<PlayPanel />} />;
}
