package io.navswap.station.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatteryStatusTest {

    @Test
    void swapsReturnsTransportAndRepairsAreAllowedMoves() {
        assertTrue(BatteryStatus.CHARGED.canMoveTo(BatteryStatus.IN_USE));
        assertTrue(BatteryStatus.IN_USE.canMoveTo(BatteryStatus.CHARGING));
        assertTrue(BatteryStatus.IN_USE.canMoveTo(BatteryStatus.QUARANTINED));
        assertTrue(BatteryStatus.CHARGING.canMoveTo(BatteryStatus.CHARGED));
        assertTrue(BatteryStatus.CHARGED.canMoveTo(BatteryStatus.IN_TRANSIT));
        assertTrue(BatteryStatus.IN_TRANSIT.canMoveTo(BatteryStatus.AT_PARTNER));
        assertTrue(BatteryStatus.AT_PARTNER.canMoveTo(BatteryStatus.IN_TRANSIT));
        assertTrue(BatteryStatus.QUARANTINED.canMoveTo(BatteryStatus.CHARGING));
    }

    @Test
    void shortcutsAreRefused() {
        assertFalse(BatteryStatus.CHARGING.canMoveTo(BatteryStatus.IN_USE), "only charged batteries go to riders");
        assertFalse(BatteryStatus.QUARANTINED.canMoveTo(BatteryStatus.CHARGED), "a repair goes through charging");
        assertFalse(BatteryStatus.IN_USE.canMoveTo(BatteryStatus.IN_TRANSIT));
        assertFalse(BatteryStatus.AT_PARTNER.canMoveTo(BatteryStatus.IN_USE));
        for (BatteryStatus status : BatteryStatus.values()) {
            assertFalse(status.canMoveTo(status), status + " to itself is not a move");
        }
    }

    @Test
    void statusesFitTheirLocations() {
        assertTrue(BatteryStatus.IN_USE.allowsLocation(LocationType.RIDER));
        assertFalse(BatteryStatus.IN_USE.allowsLocation(LocationType.STATION));
        assertTrue(BatteryStatus.QUARANTINED.allowsLocation(LocationType.PARTNER_SHOP));
        assertFalse(BatteryStatus.CHARGED.allowsLocation(LocationType.PARTNER_SHOP));
    }

    @Test
    void wireNamesRoundTrip() {
        for (BatteryStatus status : BatteryStatus.values()) {
            assertEquals(status, BatteryStatus.fromWire(status.wire()));
            assertTrue(status.wire().matches(BatteryStatus.WIRE_PATTERN));
        }
        assertEquals("in_transit", BatteryStatus.IN_TRANSIT.wire());
        assertThrows(IllegalArgumentException.class, () -> BatteryStatus.fromWire("melted"));
    }

    @Test
    void markersRoundTripAndStayUnique() {
        InventoryMarker marker = InventoryMarker.station("ST-DEL-001", "swap");
        InventoryMarker parsed = InventoryMarker.parse(marker.encoded()).orElseThrow();
        assertEquals(marker, parsed);
        assertEquals("station:ST-DEL-001", parsed.place());
        assertFalse(marker.encoded().equals(InventoryMarker.station("ST-DEL-001", "swap").encoded()));
        assertTrue(InventoryMarker.parse("garbage").isEmpty());
        assertTrue(InventoryMarker.forLocation(LocationType.RIDER, "usr-c-001", "x").isEmpty());
    }
}
