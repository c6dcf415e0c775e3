package dev.newsflow.monitor;

import dev.newsflow.core.Articles;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.EntityTag;
import dev.newsflow.core.Evidence;
import dev.newsflow.core.TopicTag;
import dev.newsflow.core.config.ConfigReader;
import dev.newsflow.core.config.ConfigSource;
import dev.newsflow.core.config.KafkaSettings;
import dev.newsflow.kafkalocal.KafkaCluster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A monitor on a fresh topic prefix of a real broker, and a way to publish enriched articles to it. */
final class MonitorFixture {

    final KafkaSettings kafka;
    final MonitorConfig config;

    MonitorFixture(KafkaCluster cluster) {
        ConfigReader reader = new ConfigReader(ConfigSource.of(null, Map.of(
                "NEWSFLOW_BOOTSTRAP_SERVERS", cluster.bootstrapServers(),
                "NEWSFLOW_TOPIC_PREFIX", "m" + System.nanoTime(),
                "NEWSFLOW_TOPIC_PARTITIONS", "1",
                "NEWSFLOW_HTTP_PORT", "0")));
        this.config = MonitorConfig.read(reader);
        reader.done();
        this.kafka = config.kafka();
        kafka.ensureTopics();
    }

    static EnrichedArticle article(String url, String title, List<String> topicIds, List<String> entities) {
        var raw = Articles.raw(url, title, "Summary of " + title);
        List<TopicTag> topics = topicIds.stream()
                .map(id -> new TopicTag(id, id.equals("apec") ? "APEC" : id.equals("ai-governance")
                        ? "AI governance" : id, 3.0, List.of(new Evidence("title", 0, 4, title.substring(0, 4)))))
                .toList();
        List<EntityTag> tags = entities.stream().map(e -> new EntityTag(e, "LOCATION", 1, List.of())).toList();
        return EnrichedArticle.of(raw, "fr", topics, tags, "test", Instant.now());
    }

    void publish(EnrichedArticle article) throws Exception {
        var topic = kafka.topics().enriched;
        try (var producer = new KafkaProducer<>(kafka.clientProperties(), topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), article.id(), article)).get(30, TimeUnit.SECONDS);
        }
    }
}
