package io.navswap.staff.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.StaffAssignment;
import io.navswap.staff.domain.Ticket;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Creates the indexes at start-up. The unique ones carry invariants (one ticket per source fault, one
 * active ticket per battery, one fault per event), so the service does not start without them.
 */
@ApplicationScoped
public class MongoIndexes {
    private static final Logger LOG = Logger.getLogger(MongoIndexes.class);

    private final AssignmentRepository assignments;
    private final FaultRepository faults;
    private final TicketRepository tickets;

    MongoIndexes(AssignmentRepository assignments, FaultRepository faults, TicketRepository tickets) {
        this.assignments = assignments;
        this.faults = faults;
        this.tickets = tickets;
    }

    void create(@Observes @Priority(10) StartupEvent start) {
        ensure().await().atMost(Duration.ofSeconds(60));
        LOG.debug("staff-service indexes are in place");
    }

    public Uni<Void> ensure() {
        ReactiveMongoCollection<StaffAssignment> a = assignments.mongoCollection();
        ReactiveMongoCollection<Fault> f = faults.mongoCollection();
        ReactiveMongoCollection<Ticket> t = tickets.mongoCollection();
        return Uni.join().all(
                a.createIndex(Indexes.ascending("staffId", "status", "endsAt")),
                a.createIndex(Indexes.ascending("stationId", "status", "endsAt")),
                a.createIndex(Indexes.ascending("status", "endsAt")),
                a.createIndex(Indexes.ascending("diversionId"), new IndexOptions().sparse(true)),
                f.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).sparse(true)),
                f.createIndex(Indexes.ascending("batteryId", "recordedAt")),
                f.createIndex(Indexes.ascending("stationId", "recordedAt")),
                f.createIndex(Indexes.ascending("status", "receivedAt")),
                t.createIndex(Indexes.ascending("sourceFaultId"), new IndexOptions().unique(true)),
                t.createIndex(Indexes.ascending("activeBatteryKey"), new IndexOptions().unique(true).sparse(true)),
                t.createIndex(Indexes.ascending("status", "stationId", "openedAt")),
                t.createIndex(Indexes.ascending("assigneeId", "status")),
                t.createIndex(Indexes.ascending("batteryId", "openedAt")))
                .andFailFast().replaceWithVoid();
    }
}
