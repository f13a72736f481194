package io.navswap.station.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/** A partner shop that stores overflow batteries; its stock is recounted from the battery documents. */
@MongoEntity(collection = "partner_shops")
public class PartnerShop {
    @BsonId
    public String id;
    public String name;
    public String city;
    public double latitude;
    public double longitude;
    public int capacity;
    public String address;
    public StationInventory stock;
    public long stockVersion;
    public Instant createdAt;
    public Instant updatedAt;
}
