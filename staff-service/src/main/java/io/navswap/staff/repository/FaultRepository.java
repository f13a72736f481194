package io.navswap.staff.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.navswap.messaging.OutboxEntry;
import io.navswap.staff.domain.Diagnosis;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.FaultScreening;
import io.navswap.staff.domain.FaultStatus;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

/** All access to {@code faults}: every level change is one conditional single-document update. */
@ApplicationScoped
public class FaultRepository implements ReactivePanacheMongoRepositoryBase<Fault, String> {

    /** Records a level-1 fault once; a redelivery answers the stored document instead. */
    public Uni<Fault> insertIfAbsent(Fault fault) {
        return mongoCollection().insertOne(fault).replaceWith(fault)
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithUni(() -> mongoCollection()
                        .find(Filters.or(Filters.eq("_id", fault.id), Filters.eq("eventId", fault.eventId)))
                        .collect().first());
    }

    public Uni<Long> countForBattery(String batteryId, Instant from, Instant to) {
        return mongoCollection().countDocuments(Filters.and(Filters.eq("batteryId", batteryId),
                Filters.gte("recordedAt", Date.from(from)), Filters.lte("recordedAt", Date.from(to))));
    }

    public Uni<Long> countAtStation(String stationId, Instant from, Instant to) {
        return mongoCollection().countDocuments(Filters.and(Filters.eq("stationId", stationId),
                Filters.gte("recordedAt", Date.from(from)), Filters.lte("recordedAt", Date.from(to))));
    }

    /** Stores the fault model's answer on a fault that stays at level 1. */
    public Uni<Void> recordScreening(String faultId, FaultScreening screening) {
        return mongoCollection().updateOne(
                Filters.and(Filters.eq("_id", faultId), Filters.eq("status", FaultStatus.RECORDED.name())),
                Updates.set("screening", screening)).replaceWithVoid();
    }

    /** Level 1 → 2 with its {@code fault.diagnosed} event, in one write; false if it was not at level 1. */
    public Uni<Boolean> recordDiagnosis(String faultId, FaultScreening screening, Diagnosis diagnosis,
            OutboxEntry event) {
        return mongoCollection().updateOne(
                Filters.and(Filters.eq("_id", faultId), Filters.eq("status", FaultStatus.RECORDED.name())),
                Updates.combine(
                        Updates.set("status", FaultStatus.DIAGNOSED.name()),
                        Updates.set("level", FaultStatus.DIAGNOSED.level()),
                        Updates.set("screening", screening),
                        Updates.set("diagnosis", diagnosis),
                        Updates.push("outbox", event.toDocument())))
                .map(r -> r.getModifiedCount() == 1);
    }

    /**
     * Level 3: links {@code faultId} and every other not yet ticketed fault of the battery to the ticket.
     * Idempotent: already linked faults are left alone.
     */
    public Uni<Long> linkToTicket(String batteryId, String faultId, String ticketId, Instant now) {
        Bson unticketed = Filters.and(Filters.eq("batteryId", batteryId),
                Filters.in("status", FaultStatus.RECORDED.name(), FaultStatus.DIAGNOSED.name()));
        return mongoCollection().updateMany(Filters.or(Filters.and(Filters.eq("_id", faultId),
                Filters.ne("status", FaultStatus.TICKETED.name())), unticketed),
                Updates.combine(
                        Updates.set("status", FaultStatus.TICKETED.name()),
                        Updates.set("level", FaultStatus.TICKETED.level()),
                        Updates.set("ticketId", ticketId),
                        Updates.set("ticketedAt", Date.from(now))))
                .map(r -> r.getModifiedCount());
    }

    /** Ids of the battery's faults not yet handled by a ticket (they join the next ticket). */
    public Uni<List<String>> unticketedIds(String batteryId) {
        return mongoCollection().find(Filters.and(Filters.eq("batteryId", batteryId),
                Filters.in("status", FaultStatus.RECORDED.name(), FaultStatus.DIAGNOSED.name())),
                new FindOptions().sort(Sorts.ascending("recordedAt"))).map(f -> f.id).collect().asList();
    }

    /**
     * Faults that should have a ticket by now and have none: critical diagnoses whose ticket did not get
     * opened (a failure after the diagnosis was stored) since {@code stalledBefore}, and any level-1 or 2
     * fault received before {@code unresolvedBefore}.
     */
    public Uni<List<Fault>> unresolved(Instant stalledBefore, Instant unresolvedBefore, int limit) {
        Bson stalledCritical = Filters.and(Filters.eq("status", FaultStatus.DIAGNOSED.name()),
                Filters.eq("diagnosis.escalate", true), Filters.lte("receivedAt", Date.from(stalledBefore)));
        Bson unresolved = Filters.and(
                Filters.in("status", FaultStatus.RECORDED.name(), FaultStatus.DIAGNOSED.name()),
                Filters.lte("receivedAt", Date.from(unresolvedBefore)));
        return mongoCollection().find(Filters.or(stalledCritical, unresolved),
                new FindOptions().sort(Sorts.ascending("receivedAt")).limit(limit)).collect().asList();
    }

    public Uni<List<Fault>> forBattery(String batteryId) {
        return mongoCollection().find(Filters.eq("batteryId", batteryId),
                new FindOptions().sort(Sorts.descending("recordedAt"))).collect().asList();
    }
}
