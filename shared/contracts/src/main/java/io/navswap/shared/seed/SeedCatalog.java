package io.navswap.shared.seed;

import io.navswap.shared.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The identities every service's demo seed refers to: users (owned by the gateway), stations (owned by
 * station-service), each rider's battery, the batteries of staff-service's fault history and those travelling
 * with logistics-service's picked-up jobs. Each service seeds only its own collections; this catalog keeps their
 * ids consistent, so every battery another service's seed names exists in station-service's seed, where that
 * service's history says it is. Deterministic: the same ids, names and coordinates on every run.
 */
public final class SeedCatalog {
    public static final int CONSUMERS = 50;
    public static final int STAFF = 30;
    public static final int TRANSPORTERS = 15;
    public static final int ADMINS = 3;
    /** DEV-ONLY demo passwords, documented in the README; one per role. */
    public static final String ADMIN_PASSWORD = "Admin#2026";
    public static final String STAFF_PASSWORD = "Staff#2026";
    public static final String TRANSPORTER_PASSWORD = "Transporter#2026";
    public static final String CONSUMER_PASSWORD = "Rider#2026";

    public record DemoUser(String id, String email, String name, String role, String password) {
    }

    public record DemoStation(String id, String name, String city, double latitude, double longitude, int capacity) {
    }

    /**
     * The battery of one of staff-service's demo fault cases and the fault's id: station-service seeds it
     * {@code quarantined} at {@code stationId} (one of that station's {@link #BATTERIES_PER_STATION}), staff-service
     * seeds the fault (and for level 3 its ticket) about it.
     */
    public record FaultBattery(String faultId, String batteryId, String stationId) {
    }

    /**
     * A rebalancing job under way when the demo starts: logistics-service seeds it {@code picked_up} from
     * {@code sourceStationId} to {@code destinationStationId} carrying {@code batteryIds}; station-service seeds those
     * batteries {@code in_transit} with the job (they left the source charged) and keeps their places free at the
     * destination, so its delivery brings that station back to {@link #BATTERIES_PER_STATION}.
     */
    public record InTransitJob(String jobId, String sourceStationId, String destinationStationId,
            List<String> batteryIds) {
    }

    /** Batteries station-service seeds at each station, fault batteries included, incoming ones excluded. */
    public static final int BATTERIES_PER_STATION = 20;
    /** staff-service's demo fault cases, one battery each. */
    public static final int FAULT_CASES = 30;

    private static final String[] FIRST = { "Aarav", "Vivaan", "Aditya", "Vihaan", "Arjun", "Sai", "Reyansh",
            "Krishna", "Ishaan", "Shaurya", "Ananya", "Diya", "Aadhya", "Saanvi", "Pari", "Myra", "Ira", "Riya",
            "Kavya", "Meera", "Rohan", "Kabir", "Neha", "Priya", "Tara" };
    private static final String[] LAST = { "Sharma", "Verma", "Iyer", "Reddy", "Nair", "Patel", "Gupta", "Rao",
            "Mehta", "Das", "Khan", "Singh", "Joshi", "Kulkarni", "Banerjee" };

    private static final List<DemoStation> STATIONS = List.of(
            new DemoStation("ST-DEL-001", "Connaught Place Hub", "Delhi", 28.6315, 77.2167, 30),
            new DemoStation("ST-DEL-002", "Karol Bagh", "Delhi", 28.6519, 77.1909, 24),
            new DemoStation("ST-DEL-003", "Saket", "Delhi", 28.5245, 77.2066, 24),
            new DemoStation("ST-DEL-004", "Dwarka Sector 10", "Delhi", 28.5813, 77.0590, 20),
            new DemoStation("ST-MUM-001", "Bandra West", "Mumbai", 19.0596, 72.8295, 30),
            new DemoStation("ST-MUM-002", "Andheri East", "Mumbai", 19.1136, 72.8697, 24),
            new DemoStation("ST-MUM-003", "Lower Parel", "Mumbai", 18.9986, 72.8305, 24),
            new DemoStation("ST-MUM-004", "Powai", "Mumbai", 19.1176, 72.9060, 20),
            new DemoStation("ST-BLR-001", "Koramangala", "Bangalore", 12.9352, 77.6245, 30),
            new DemoStation("ST-BLR-002", "Indiranagar", "Bangalore", 12.9784, 77.6408, 24),
            new DemoStation("ST-BLR-003", "Whitefield", "Bangalore", 12.9698, 77.7500, 24),
            new DemoStation("ST-BLR-004", "Electronic City", "Bangalore", 12.8399, 77.6770, 20),
            new DemoStation("ST-HYD-001", "HITEC City", "Hyderabad", 17.4435, 78.3772, 30),
            new DemoStation("ST-HYD-002", "Banjara Hills", "Hyderabad", 17.4126, 78.4482, 24),
            new DemoStation("ST-HYD-003", "Secunderabad", "Hyderabad", 17.4399, 78.4983, 20),
            new DemoStation("ST-CHE-001", "T. Nagar", "Chennai", 13.0418, 80.2341, 30),
            new DemoStation("ST-CHE-002", "Adyar", "Chennai", 13.0012, 80.2565, 24),
            new DemoStation("ST-CHE-003", "Velachery", "Chennai", 12.9815, 80.2180, 20),
            new DemoStation("ST-PUN-001", "Hinjewadi", "Pune", 18.5913, 73.7389, 30),
            new DemoStation("ST-PUN-002", "Koregaon Park", "Pune", 18.5362, 73.8940, 24),
            new DemoStation("ST-PUN-003", "Kothrud", "Pune", 18.5074, 73.8077, 20),
            new DemoStation("ST-KOL-001", "Salt Lake Sector V", "Kolkata", 22.5726, 88.4339, 24),
            new DemoStation("ST-KOL-002", "Park Street", "Kolkata", 22.5535, 88.3520, 20),
            new DemoStation("ST-AMD-001", "SG Highway", "Ahmedabad", 23.0300, 72.5070, 24),
            new DemoStation("ST-AMD-002", "Navrangpura", "Ahmedabad", 23.0365, 72.5611, 20));

    private static final List<FaultBattery> FAULT_BATTERIES = faultBatteryList();

    // logistics-service gives its live demo jobs distinct stations in catalogue order (its jobs 1-18 are live), so
    // the picked-up jobs 15-18 go to the 15th-18th stations, each from a sibling in the same city.
    private static final List<InTransitJob> IN_TRANSIT_JOBS = List.of(
            inTransit(15, "ST-HYD-001", "ST-HYD-003", 3),
            inTransit(16, "ST-CHE-002", "ST-CHE-001", 4),
            inTransit(17, "ST-CHE-001", "ST-CHE-002", 2),
            inTransit(18, "ST-CHE-001", "ST-CHE-003", 5));

    private SeedCatalog() {
    }

    public static List<DemoStation> stations() {
        return STATIONS;
    }

    public static List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>();
        addUsers(users, "a", "admin", ADMINS, Roles.ADMIN, ADMIN_PASSWORD, 0);
        addUsers(users, "s", "staff", STAFF, Roles.STAFF, STAFF_PASSWORD, 3);
        addUsers(users, "t", "transporter", TRANSPORTERS, Roles.TRANSPORTER, TRANSPORTER_PASSWORD, 7);
        addUsers(users, "c", "rider", CONSUMERS, Roles.CONSUMER, CONSUMER_PASSWORD, 11);
        return users;
    }

    public static List<DemoUser> users(String role) {
        return users().stream().filter(u -> u.role().equals(role)).toList();
    }

    /** Staff member {@code n} (1-based) works at station {@code (n - 1) mod 25}: the first five stations have two. */
    public static DemoStation homeStationOfStaff(int n) {
        return STATIONS.get((n - 1) % STATIONS.size());
    }

    /**
     * The {@link #FAULT_CASES} fault batteries, in staff-service's case order: case {@code i} is about
     * {@code BAT-<station>-9<ii>} at the station {@code 7·i mod 25} of the catalogue (every station has one, the
     * five stations {@code 0, 3, 7, 14, 21} two), fault {@code FLT-SEED-<i+1>}.
     */
    public static List<FaultBattery> faultBatteries() {
        return FAULT_BATTERIES;
    }

    /** logistics-service's demo jobs that are picked up when the demo starts, with the batteries they carry. */
    public static List<InTransitJob> inTransitJobs() {
        return IN_TRANSIT_JOBS;
    }

    /** The batteries travelling with demo job {@code jobId}; empty for a job that is not in transit. */
    public static List<String> inTransitBatteryIds(String jobId) {
        return IN_TRANSIT_JOBS.stream().filter(job -> job.jobId().equals(jobId)).findFirst()
                .map(InTransitJob::batteryIds).orElse(List.of());
    }

    /** The battery rider {@code usr-c-NNN} is riding with when the demo starts (status {@code in_use}). */
    public static String riderBatteryId(String consumerId) {
        return "BAT-RIDER-" + consumerId.substring(consumerId.lastIndexOf('-') + 1);
    }

    private static List<FaultBattery> faultBatteryList() {
        List<FaultBattery> list = new ArrayList<>();
        for (int i = 0; i < FAULT_CASES; i++) {
            DemoStation station = STATIONS.get((i * 7) % STATIONS.size());
            list.add(new FaultBattery(String.format(Locale.ROOT, "FLT-SEED-%03d", i + 1),
                    String.format(Locale.ROOT, "BAT-%s-%03d", station.id().substring("ST-".length()), 900 + i),
                    station.id()));
        }
        return List.copyOf(list);
    }

    private static InTransitJob inTransit(int jobNumber, String source, String destination, int batteries) {
        String number = String.format(Locale.ROOT, "%03d", jobNumber);
        List<String> ids = new ArrayList<>();
        for (int k = 1; k <= batteries; k++) {
            ids.add("BAT-SEED-J" + number + "-" + k);
        }
        return new InTransitJob("JOB-SEED-" + number, source, destination, List.copyOf(ids));
    }

    private static void addUsers(List<DemoUser> users, String code, String label, int count, String role,
            String password, int nameOffset) {
        for (int n = 1; n <= count; n++) {
            String number = count >= 10 ? String.format(Locale.ROOT, "%02d", n) : String.valueOf(n);
            String id = String.format(Locale.ROOT, "usr-%s-%03d", code, n);
            String name = FIRST[(n + nameOffset) % FIRST.length] + " " + LAST[(n * 7 + nameOffset) % LAST.length];
            users.add(new DemoUser(id, label + number + "@navswap.dev", name, role, password));
        }
    }
}
