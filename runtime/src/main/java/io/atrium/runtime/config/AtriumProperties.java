package io.atrium.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The platform's configuration, under the {@code atrium} prefix.
 *
 * @param dataDir  where the embedded stand-ins keep their files
 * @param mongodb  the MongoDB to use; an empty URI means the embedded stand-in
 * @param zeebe    the Zeebe gateway to use; an empty address means the embedded engine
 * @param embedded where the embedded stand-ins listen
 * @param query    limits on the queries people's requests drive
 */
@ConfigurationProperties("atrium")
public record AtriumProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Mongodb mongodb,
        @DefaultValue Zeebe zeebe,
        @DefaultValue Embedded embedded,
        @DefaultValue Query query) {

    /**
     * @param uri      connection string of an external MongoDB (replica set); empty for embedded
     * @param database database name when the URI does not name one
     */
    public record Mongodb(String uri, @DefaultValue("atrium") String database) {
        public boolean external() {
            return uri != null && !uri.isBlank();
        }
    }

    /**
     * @param maxTime how long MongoDB may work on one query of a request ({@code maxTimeMS}); a
     *                longer one is stopped and answered 504 rather than holding the database
     */
    public record Query(@DefaultValue("5s") Duration maxTime) {
    }

    /** @param gatewayAddress gRPC address of an external Zeebe gateway, e.g. {@code http://zeebe:26500} */
    public record Zeebe(String gatewayAddress) {
        public boolean external() {
            return gatewayAddress != null && !gatewayAddress.isBlank();
        }
    }

    /**
     * Where the embedded stand-ins listen. They bind to loopback by default because they have no
     * authentication of their own.
     */
    public record Embedded(@DefaultValue EmbeddedMongodb mongodb, @DefaultValue EmbeddedZeebe zeebe) {
    }

    /**
     * @param port    TCP port, 0 for any free port
     * @param durable force each acknowledged write to disk before replying (off only for
     *                benchmarks: up to a second of acknowledged writes can be lost in a crash)
     * @param cache   memory for the store's page cache; queries over collections larger than it
     *                read and decode pages from disk again and again
     */
    public record EmbeddedMongodb(
            @DefaultValue("127.0.0.1") String bindAddress,
            @DefaultValue("27017") int port,
            @DefaultValue("true") boolean durable,
            @DefaultValue("256MB") DataSize cache) {
    }

    /**
     * @param port             TCP port of the gRPC gateway, 0 for any free port
     * @param durable          keep the engine's log and state under the data directory (off only
     *                         for tests and benchmarks: everything is lost on stop)
     * @param snapshotInterval how often the state is snapshotted and the log truncated
     * @param segmentSize      size of one log segment file
     * @param stateMemory      memory budget of the engine's RocksDB state
     */
    public record EmbeddedZeebe(
            @DefaultValue("127.0.0.1") String bindAddress,
            @DefaultValue("26500") int port,
            @DefaultValue("true") boolean durable,
            @DefaultValue("30s") Duration snapshotInterval,
            @DefaultValue("64MB") DataSize segmentSize,
            @DefaultValue("128MB") DataSize stateMemory) {
    }
}
