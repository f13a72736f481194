package io.navswap.queue.seed;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.navswap.queue.domain.GpsLog;
import io.navswap.queue.repository.GpsLogRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GpsLogSeederTest {

    @Inject
    GpsLogSeeder seeder;

    @Inject
    GpsLogRepository logs;

    @Test
    void seedsTwoHundredLogsForTwentyRidersIdempotently() {
        // The test profile seeds at startup; seeding again must change nothing.
        assertThat(seeded().size(), equalTo(200));
        assertThat(seeder.seed(), equalTo(200));
        List<GpsLog> after = seeded();
        assertThat(after.size(), equalTo(200));
        Set<String> riders = after.stream().map(l -> l.userId).collect(Collectors.toSet());
        assertThat(riders.size(), equalTo(20));
        // Each rider's last fix is on the station forecourt.
        GpsLog last = after.stream().filter(l -> l.id.equals("gps-seed-usr-c-001-10")).findFirst().orElseThrow();
        assertThat(last.distanceMeters, lessThan(60.0));
    }

    @Test
    void planIsDeterministic() {
        List<GpsLog> first = GpsLogSeeder.plan();
        List<GpsLog> second = GpsLogSeeder.plan();
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).id, equalTo(second.get(i).id));
            assertThat(first.get(i).latitude, equalTo(second.get(i).latitude));
            assertThat(first.get(i).longitude, equalTo(second.get(i).longitude));
            assertThat(first.get(i).recordedAt, equalTo(second.get(i).recordedAt));
        }
    }

    private List<GpsLog> seeded() {
        return logs.find("{'_id': {'$regex': '^gps-seed-'}}").list().await().indefinitely();
    }
}
