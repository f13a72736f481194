package io.navswap.staff.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.AssignmentStatus;
import io.navswap.staff.domain.StaffAssignment;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** All access to {@code staff_assignments}. "Active at t" always means status active and t in [startsAt, endsAt). */
@ApplicationScoped
public class AssignmentRepository implements ReactivePanacheMongoRepositoryBase<StaffAssignment, String> {

    private static Bson activeAt(Instant at) {
        return Filters.and(
                Filters.eq("status", AssignmentStatus.ACTIVE.name()),
                Filters.lte("startsAt", Date.from(at)),
                Filters.gt("endsAt", Date.from(at)));
    }

    public Uni<List<StaffAssignment>> activeForStaff(String staffId, Instant at) {
        return mongoCollection().find(Filters.and(Filters.eq("staffId", staffId), activeAt(at))).collect().asList();
    }

    public Uni<List<StaffAssignment>> activeForStaff(Collection<String> staffIds, Instant at) {
        if (staffIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return mongoCollection().find(Filters.and(Filters.in("staffId", staffIds), activeAt(at))).collect().asList();
    }

    public Uni<List<StaffAssignment>> activeAtStation(String stationId, Instant at) {
        return mongoCollection().find(Filters.and(Filters.eq("stationId", stationId), activeAt(at))).collect().asList();
    }

    /** Every assignment in force now, network-wide: bounded by the number of staff (one regular + one diversion each). */
    public Uni<List<StaffAssignment>> activeEverywhere(Instant at) {
        return mongoCollection().find(activeAt(at)).collect().asList();
    }

    /** Active regular shifts of one person that intersect {@code [start, end)}. */
    public Uni<List<StaffAssignment>> overlappingRegular(String staffId, Instant start, Instant end) {
        return mongoCollection().find(Filters.and(
                Filters.eq("staffId", staffId),
                Filters.eq("kind", AssignmentKind.REGULAR.name()),
                Filters.eq("status", AssignmentStatus.ACTIVE.name()),
                Filters.lt("startsAt", Date.from(end)),
                Filters.gt("endsAt", Date.from(start)))).collect().asList();
    }

    public Uni<List<StaffAssignment>> forStaff(String staffId, AssignmentStatus status, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("staffId", staffId));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        return mongoCollection().find(Filters.and(filters), new FindOptions()
                .sort(Sorts.descending("startsAt")).skip(page * size).limit(size)).collect().asList();
    }

    public Uni<Long> countForStaff(String staffId, AssignmentStatus status) {
        Bson filter = status == null ? Filters.eq("staffId", staffId)
                : Filters.and(Filters.eq("staffId", staffId), Filters.eq("status", status.name()));
        return mongoCollection().countDocuments(filter);
    }

    /** Ends an active assignment now; answers whether this call ended it (false: not active any more). */
    public Uni<Boolean> end(String id, Instant now, String by) {
        return mongoCollection().updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", AssignmentStatus.ACTIVE.name())),
                Updates.combine(
                        Updates.set("status", AssignmentStatus.ENDED.name()),
                        Updates.set("endedAt", Date.from(now)),
                        Updates.set("endedBy", by),
                        Updates.min("endsAt", Date.from(now))))
                .map(result -> result.getModifiedCount() == 1);
    }

    /** Marks every active assignment whose window has passed as completed (history only). */
    public Uni<Long> completeFinished(Instant now) {
        return mongoCollection().updateMany(
                Filters.and(Filters.eq("status", AssignmentStatus.ACTIVE.name()), Filters.lte("endsAt", Date.from(now))),
                Updates.set("status", AssignmentStatus.COMPLETED.name()))
                .map(result -> result.getModifiedCount());
    }

    public Uni<Void> insertAll(List<StaffAssignment> assignments) {
        return mongoCollection().insertMany(assignments).replaceWithVoid();
    }

    public Uni<Long> deleteDiversion(String diversionId) {
        return mongoCollection().deleteMany(Filters.eq("diversionId", diversionId)).map(r -> r.getDeletedCount());
    }

    /** Inserts the assignment unless its id exists (seeding); answers whether it was inserted. */
    public Uni<Boolean> insertIfAbsent(StaffAssignment assignment) {
        return mongoCollection().find(Filters.eq("_id", assignment.id)).collect().first()
                .chain(existing -> existing != null ? Uni.createFrom().item(false)
                        : mongoCollection().insertOne(assignment).replaceWith(true)
                                .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false));
    }

    /**
     * Diversion history: the diversion assignments matching {@code memberFilter}, grouped per diversion,
     * newest first. A group lists only its matching members (one person may be ended early).
     */
    public Uni<List<Document>> diversions(Bson memberFilter, int page, int size) {
        List<Bson> pipeline = List.of(
                Aggregates.match(Filters.and(Filters.eq("kind", AssignmentKind.DIVERSION.name()), memberFilter)),
                Aggregates.group("$diversionId",
                        Accumulators.push("members", new Document("staffId", "$staffId")
                                .append("assignmentId", "$_id")
                                .append("status", "$status")
                                .append("endsAt", "$endsAt")),
                        Accumulators.first("fromStationId", "$divertedFrom"),
                        Accumulators.first("toStationId", "$stationId"),
                        Accumulators.first("reason", "$reason"),
                        Accumulators.first("priority", "$priority"),
                        Accumulators.first("createdBy", "$createdBy"),
                        Accumulators.min("startsAt", "$startsAt"),
                        Accumulators.max("endsAt", "$endsAt")),
                Aggregates.sort(Sorts.orderBy(Sorts.descending("startsAt"), Sorts.ascending("_id"))),
                Aggregates.skip(page * size),
                Aggregates.limit(size));
        return mongoCollection().aggregate(pipeline, Document.class).collect().asList();
    }

    public static Bson diversionMembers(String status, Instant now) {
        if (status == null) {
            return new Document();
        }
        return switch (status) {
            case "active" -> Filters.and(Filters.eq("status", AssignmentStatus.ACTIVE.name()),
                    Filters.gt("endsAt", Date.from(now)));
            case "completed" -> Filters.or(Filters.eq("status", AssignmentStatus.COMPLETED.name()),
                    Filters.and(Filters.eq("status", AssignmentStatus.ACTIVE.name()),
                            Filters.lte("endsAt", Date.from(now))));
            case "ended" -> Filters.eq("status", AssignmentStatus.ENDED.name());
            default -> throw new IllegalArgumentException("unknown diversion status " + status);
        };
    }
}
