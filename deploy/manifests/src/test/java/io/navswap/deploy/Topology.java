package io.navswap.deploy;

import java.util.Set;
import java.util.TreeSet;

/** The Kafka topics the suite needs: the shared four plus what each written service consumes or dead-letters. */
final class Topology {
    private Topology() {
    }

    static Set<String> topics() {
        Set<String> topics = new TreeSet<>(Repo.sharedTopics());
        for (Repo.Service s : Repo.services()) {
            ServiceConfig config = ServiceConfig.of(s);
            topics.addAll(config.consumedTopics);
            topics.addAll(config.deadLetterTopics);
        }
        return topics;
    }

    static Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        Repo.services().forEach(s -> topics.addAll(ServiceConfig.of(s).deadLetterTopics));
        return topics;
    }
}
