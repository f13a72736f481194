package io.navswap.queue.rest;

import io.navswap.queue.support.QueueApi;
import io.navswap.queue.support.Tokens;
import io.restassured.path.json.JsonPath;

/** Confirms as a rider whose JWT carries a display name. */
final class QueueApiWithName {
    private QueueApiWithName() {
    }

    static JsonPath confirm(String userId, String stationId, String name) {
        return QueueApi.confirm(Tokens.withName(userId, "consumer", name), stationId, null)
                .then().statusCode(201).extract().jsonPath();
    }
}
