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
 * @param outbound what calls the platform makes on user configuration may reach
 */
@ConfigurationProperties("atrium")
public record AtriumProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Mongodb mongodb,
        @DefaultValue Zeebe zeebe,
        @DefaultValue Embedded embedded,
        @DefaultValue Query query,
        @DefaultValue Outbound outbound) {

    /**
     * @param allowedHosts host names, addresses and CIDR ranges that calls from user configuration
     *                     (the HTTP block, scripts, channel callbacks) may reach although they are
     *                     loopback, private, link-local or cloud metadata; empty by default
     */
    public record Outbound(@DefaultValue("") java.util.List<String> allowedHosts) {
    }

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

    /**
     * @param gatewayAddress gRPC address of an external Zeebe gateway, e.g. {@code http://zeebe:26500}
     * @param username       basic-auth user for the external gateway; empty for none
     * @param password       its password
     */
    public record Zeebe(String gatewayAddress, String username, String password) {
        public Zeebe {
            requirePair("atrium.zeebe", username, password, 1);
        }

        public boolean external() {
            return gatewayAddress != null && !gatewayAddress.isBlank();
        }

        /** Whether basic credentials are configured for the external gateway. */
        public boolean hasCredentials() {
            return username != null && !username.isBlank();
        }
    }

    /**
     * Where the embedded stand-ins listen and whom they let in. They bind to loopback by default;
     * either way every client must log in.
     */
    public record Embedded(@DefaultValue EmbeddedMongodb mongodb, @DefaultValue EmbeddedZeebe zeebe) {
    }

    /**
     * @param port    TCP port, 0 for any free port
     * @param durable force each acknowledged write to disk before replying (off only for
     *                benchmarks: up to a second of acknowledged writes can be lost in a crash)
     * @param cache   memory for the store's page cache; queries over collections larger than it
     *                read and decode pages from disk again and again
     * @param username the stand-in's administrator; with the password unset both are generated on
     *                 the first start and kept in {@code <data-dir>/credentials.properties}
     * @param password its password, at least 12 characters
     */
    public record EmbeddedMongodb(
            @DefaultValue("127.0.0.1") String bindAddress,
            @DefaultValue("27017") int port,
            @DefaultValue("true") boolean durable,
            @DefaultValue("256MB") DataSize cache,
            String username,
            String password) {
        public EmbeddedMongodb {
            requirePair("atrium.embedded.mongodb", username, password, MIN_PASSWORD_LENGTH);
        }

        public boolean hasCredentials() {
            return username != null && !username.isBlank();
        }
    }

    /**
     * @param port             TCP port of the gRPC gateway, 0 for any free port
     * @param durable          keep the engine's log and state under the data directory (off only
     *                         for tests and benchmarks: everything is lost on stop)
     * @param snapshotInterval how often the state is snapshotted and the log truncated
     * @param segmentSize      size of one log segment file
     * @param stateMemory      memory budget of the engine's RocksDB state
     * @param username         the user clients must present (basic auth, no ':'); with the
     *                         password unset both are generated on the first start and kept in
     *                         {@code <data-dir>/credentials.properties}
     * @param password         its password, at least 12 characters
     */
    public record EmbeddedZeebe(
            @DefaultValue("127.0.0.1") String bindAddress,
            @DefaultValue("26500") int port,
            @DefaultValue("true") boolean durable,
            @DefaultValue("30s") Duration snapshotInterval,
            @DefaultValue("64MB") DataSize segmentSize,
            @DefaultValue("128MB") DataSize stateMemory,
            String username,
            String password) {
        public EmbeddedZeebe {
            requirePair("atrium.embedded.zeebe", username, password, MIN_PASSWORD_LENGTH);
            if (username != null && username.contains(":")) {
                throw new IllegalArgumentException("atrium.embedded.zeebe.username cannot contain ':'");
            }
        }

        public boolean hasCredentials() {
            return username != null && !username.isBlank();
        }
    }

    /** For configured credentials of the embedded engines; generated ones are longer. */
    static final int MIN_PASSWORD_LENGTH = 12;

    /** Both of a user name and password, or neither: half a pair is a mistake to stop at. */
    private static void requirePair(String prefix, String username, String password, int minLength) {
        boolean hasUser = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUser != hasPassword) {
            throw new IllegalArgumentException("Set both " + prefix + ".username and " + prefix
                    + ".password, or neither");
        }
        if (hasPassword && password.length() < minLength) {
            throw new IllegalArgumentException(prefix + ".password must be at least " + minLength
                    + " characters long");
        }
    }
}
