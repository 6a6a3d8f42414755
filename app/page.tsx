// Home: the topic's own-words introduction, causes and course, read from content/.
import { TopicOverview } from "@/components/topic-overview";
import { DEFAULT_TOPIC, loadTopic } from "@/lib/content/load-topic";

export default function HomePage() {
  return <TopicOverview topic={loadTopic(DEFAULT_TOPIC)} />;
}
