package io.navswap.logistics.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The jobs a transporter holds (accepted or picked up). Accepting adds a hold with one conditional update
 * that only matches while fewer than the maximum are held, so the limit holds under concurrent accepts
 * without a transaction. A hold left behind by a crash is removed by the sweeper once its job shows it is
 * no longer held by this transporter.
 */
@MongoEntity(collection = "transporter_slots")
public class TransporterSlots {
    @BsonId
    public String id;
    public List<Hold> holds = new ArrayList<>();

    public static class Hold {
        public String jobId;
        public Instant since;

        public Hold() {
        }

        public Hold(String jobId, Instant since) {
            this.jobId = jobId;
            this.since = since;
        }
    }
}
