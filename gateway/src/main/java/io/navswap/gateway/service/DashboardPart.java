package io.navswap.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;

/** What one service gave an admin dashboard: its JSON answer, or why there is none. */
public sealed interface DashboardPart {

    /** The service that was asked ({@code swap-service}, ...). */
    String source();

    record Answered(String source, JsonNode body) implements DashboardPart {
    }

    record Missing(String source, String reason) implements DashboardPart {
    }
}
