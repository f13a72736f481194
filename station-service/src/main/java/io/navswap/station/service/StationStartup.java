package io.navswap.station.service;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.navswap.messaging.PeriodicTasks;
import io.navswap.station.config.StationConfig;
import io.navswap.station.repository.StationQueueRepository;
import io.navswap.station.seed.StationSeeder;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Startup order: indexes, demo seed (when enabled), the spatial index and queue snapshot from Mongo, one recount
 * pass for markers a previous process left behind, then the periodic passes.
 */
@ApplicationScoped
public class StationStartup {
    private static final Logger LOG = Logger.getLogger(StationStartup.class);
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    private final ReactiveMongoClient mongo;
    private final String database;
    private final boolean seedEnabled;
    private final StationSeeder seeder;
    private final StationIndex index;
    private final QueueLengths queues;
    private final InventoryRecounter recounter;
    private final ChargingClock chargingClock;
    private final PeriodicTasks tasks;
    private final StationConfig config;
    private final Vertx vertx;

    StationStartup(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @ConfigProperty(name = "navswap.seed.enabled", defaultValue = "false") boolean seedEnabled,
            StationSeeder seeder, StationIndex index, QueueLengths queues, InventoryRecounter recounter,
            ChargingClock chargingClock, PeriodicTasks tasks, StationConfig config, Vertx vertx) {
        this.mongo = mongo;
        this.database = database;
        this.seedEnabled = seedEnabled;
        this.seeder = seeder;
        this.index = index;
        this.queues = queues;
        this.recounter = recounter;
        this.chargingClock = chargingClock;
        this.tasks = tasks;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        // Reactive Panache needs a duplicated Vert.x context; the startup thread has none, and driver callbacks
        // would otherwise continue on a root context.
        CompletableFuture<Void> done = new CompletableFuture<>();
        VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext()).runOnContext(ignored -> ensureIndexes()
                .chain(() -> seedEnabled ? seeder.seed().replaceWithVoid() : Uni.createFrom().voidItem())
                .chain(index::reload)
                .chain(queues::refresh)
                .chain(recounter::recountPending)
                .subscribe().with(count -> done.complete(null), done::completeExceptionally));
        try {
            done.get(STARTUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("station-service could not load its state at startup", e.getCause());
        }
        tasks.every("station-index-refresh", config.index().refreshInterval(), index::refreshChanged);
        tasks.every("queue-lengths-refresh", config.queue().refreshInterval(), queues::refresh);
        recounter.recountEvery(config.inventory().recountInterval());
        if (chargingClock.enabled()) {
            tasks.every("charging-clock", config.charging().checkInterval(), chargingClock::tick);
        }
    }

    /**
     * Indexes for the queries this service runs (the embedded server keeps them too). Ids are the primary keys,
     * so uniqueness of stations and batteries needs no extra index. The recount probe ({@code inventoryPending.0}
     * exists, every pass) reads a sparse index that holds only the batteries with pending markers, as the outbox
     * relay's probe reads its own; without it every pass would read the whole fleet.
     */
    private Uni<Void> ensureIndexes() {
        ReactiveMongoDatabase db = mongo.getDatabase(database);
        record Spec(String collection, Bson keys, IndexOptions options) {
        }
        List<Spec> specs = List.of(
                new Spec("stations", Indexes.ascending("active", "cityKey"), new IndexOptions().name("active_city")),
                new Spec("stations", Indexes.ascending("updatedAt"), new IndexOptions().name("updated_at")),
                new Spec("batteries", Indexes.ascending("locationType", "locationId", "status"),
                        new IndexOptions().name("location_status")),
                new Spec("batteries", Indexes.ascending("status", "statusChangedAt"), new IndexOptions().name("status_since")),
                new Spec("batteries", Indexes.ascending("inventoryPending.0"),
                        new IndexOptions().sparse(true).name("inventory_pending")),
                new Spec(StationQueueRepository.COLLECTION, Indexes.ascending("updatedAt"), new IndexOptions().name("updated_at")));
        return io.smallrye.mutiny.Multi.createFrom().iterable(specs)
                .onItem().transformToUniAndConcatenate(spec -> db.getCollection(spec.collection())
                        .createIndex(spec.keys(), spec.options())
                        .onFailure().invoke(e -> LOG.warnf("Index %s on %s not created: %s", spec.options().getName(),
                                spec.collection(), e.getMessage()))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
