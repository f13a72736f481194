package io.navswap.station.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Redis pub/sub between the replicas of station-service: a replica that renewed a cached station list says so,
 * and every replica hears the others. Pub/sub delivers nothing to a replica while its subscription is down, so
 * the listener is told when it starts and stops hearing; the subscription is retried every second.
 */
@ApplicationScoped
public class StationListAnnouncements {
    private static final Logger LOG = Logger.getLogger(StationListAnnouncements.class);
    public static final String CHANNEL = "navswap:station:list:renewed";
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** A renewal: by which replica, which list (its cache scope), and its new generation. */
    public record Announcement(String replica, long generation, String scope) {
        /** {@code <replica> <generation> <scope>}: the scope last, as a city name may hold spaces. */
        String wire() {
            return replica + " " + generation + " " + scope;
        }

        static Announcement parse(String wire) {
            String[] parts = wire == null ? new String[0] : wire.split(" ", 3);
            if (parts.length < 3) {
                return null;
            }
            try {
                return new Announcement(parts[0], Long.parseLong(parts[1]), parts[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** What a listening replica is told. */
    public interface Listener {
        void heard(Announcement announcement);

        /** {@code true} once subscribed, {@code false} when the subscription ends or fails. */
        void listening(boolean heard);
    }

    private final ReactivePubSubCommands<String> pubsub;
    private final Vertx vertx;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicBoolean subscribed = new AtomicBoolean();

    StationListAnnouncements(ReactiveRedisDataSource redis, Vertx vertx) {
        this.pubsub = redis.pubsub(String.class);
        this.vertx = vertx;
    }

    /** Tells the others that this replica stored generation {@code generation} of a list. */
    public Uni<Void> announce(String scope, long generation) {
        return pubsub.publish(CHANNEL, new Announcement(replica, generation, scope).wire());
    }

    /** Subscribes; the listener hears the other replicas' announcements, never this replica's own. */
    public void listen(Listener listener) {
        pubsub.subscribe(CHANNEL, message -> {
                    Announcement heard = Announcement.parse(message);
                    if (heard == null) {
                        LOG.warnf("Ignoring unreadable station list announcement: %s", message);
                    } else if (!replica.equals(heard.replica())) {
                        listener.heard(heard);
                    }
                }, () -> lost(listener, "ended"), failure -> lost(listener, failure.toString()))
                .subscribe().with(subscriber -> {
                    subscribed.set(true);
                    listener.listening(true);
                }, failure -> {
                    LOG.warnf("Cannot subscribe to station list announcements (%s); retrying", failure.toString());
                    vertx.setTimer(RETRY.toMillis(), ignored -> listen(listener));
                });
    }

    private void lost(Listener listener, String why) {
        listener.listening(false);
        if (subscribed.compareAndSet(true, false)) {
            LOG.warnf("Station list announcements lost (%s); lists are read from Redis until resubscribed", why);
            vertx.setTimer(RETRY.toMillis(), ignored -> listen(listener));
        }
    }
}
