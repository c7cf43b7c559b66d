package io.atrium.runtime.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated credentials of the embedded engines, kept in one properties file in the data
 * directory that only its owner may read. The first start of an engine without configured
 * credentials generates them here; later starts reuse them.
 */
public final class EngineCredentialsFile {

    /** The file's name in the data directory. */
    public static final String FILE_NAME = "credentials.properties";

    private static final Logger log = LoggerFactory.getLogger(EngineCredentialsFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** Credentials and whether this call generated them (and so must tell the operator once). */
    public record Obtained(EngineCredentials credentials, boolean generated) {
    }

    private final Path file;

    public EngineCredentialsFile(Path file) {
        this.file = file;
    }

    /** The file in {@code dataDir}. */
    public static EngineCredentialsFile in(Path dataDir) {
        return new EngineCredentialsFile(dataDir.resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /**
     * The credentials of {@code engine} ({@code mongodb}, {@code zeebe}) from the file, or new
     * ones generated and added to it.
     */
    public synchronized Obtained obtain(String engine) {
        try {
            Properties stored = read();
            String username = stored.getProperty(engine + ".username");
            String password = stored.getProperty(engine + ".password");
            if (username != null && !username.isBlank() && password != null && !password.isEmpty()) {
                return new Obtained(new EngineCredentials(username, password), false);
            }
            var generated = EngineCredentials.generate();
            stored.setProperty(engine + ".username", generated.username());
            stored.setProperty(engine + ".password", generated.password());
            write(stored);
            return new Obtained(generated, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the embedded engines' credentials in " + file, e);
        }
    }

    private Properties read() throws IOException {
        var properties = new Properties();
        if (!Files.exists(file)) {
            return properties;
        }
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable or writable by others than its owner; it is now owner-only. "
                    + "Consider rotating the credentials in it (see docs/operations.md).", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * Writes a temporary file that is owner-only from its creation, forces it to disk and moves it
     * over the old one, so the file is never readable by others and never half-written.
     */
    private void write(Properties properties) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        FileAttribute<?>[] attributes = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        if (!posix()) {
            log.warn("The file system of {} has no POSIX permissions: restrict access to it yourself", file);
        }
        try (FileChannel channel = FileChannel.open(temporary,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            OutputStream out = Channels.newOutputStream(channel);
            properties.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                    " Credentials of Atrium's embedded MongoDB and Zeebe. Owner-only; see docs/operations.md.");
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
