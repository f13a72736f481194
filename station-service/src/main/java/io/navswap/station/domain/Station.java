package io.navswap.station.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/** A swap station: where riders swap batteries. */
@MongoEntity(collection = "stations")
public class Station {
    @BsonId
    public String id;
    public String name;
    public String city;
    public double latitude;
    public double longitude;
    public int capacity;
    public boolean active;
}
