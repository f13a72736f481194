package io.navswap.logistics.service;

import java.util.Map;

/** Logistics at a glance for the admin dashboards. */
public record JobSummary(Map<String, Long> jobsByStatus, long activeTransporters, double creditsIssuedToday) {
}
