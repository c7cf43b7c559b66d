package io.atrium.runtime.embedded.zeebe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Snapshots of the engine's RocksDB state, one folder each, named by the log position they
 * cover. A snapshot is written to a temporary folder and renamed into place when complete, so
 * a crash never leaves a half-written snapshot that looks valid.
 */
public final class StateSnapshots {

    private static final String PREFIX = "snapshot-";
    private static final String TEMPORARY = "tmp-";

    private final Path directory;

    public StateSnapshots(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            for (Path leftover : list(TEMPORARY)) { // from a crash during a snapshot
                deleteTree(leftover);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the snapshot folder " + directory, e);
        }
    }

    /** A complete snapshot: the folder and the log position up to which it holds processed state. */
    public record Snapshot(Path folder, long position) {
    }

    public Optional<Snapshot> latest() {
        try {
            return list(PREFIX).stream().map(StateSnapshots::toSnapshot)
                    .max(Comparator.comparingLong(Snapshot::position));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh temporary folder path (not created) for a snapshot covering {@code position}. */
    public Path temporaryFolder(long position) {
        return directory.resolve(TEMPORARY + pad(position) + "-" + System.nanoTime());
    }

    /** Makes a finished temporary snapshot the latest one and deletes the older ones. */
    public Snapshot commit(Path temporary, long position) throws IOException {
        Path target = directory.resolve(PREFIX + pad(position));
        forceTree(temporary);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) { // the same position was snapshotted before
            deleteTree(temporary);
            return new Snapshot(target, position);
        }
        forceFolder(directory);
        for (Path older : list(PREFIX)) {
            if (!older.equals(target) && toSnapshot(older).position() < position) {
                deleteTree(older);
            }
        }
        return new Snapshot(target, position);
    }

    /** Replaces {@code runtime} with a copy of the snapshot that RocksDB can open and change. */
    public static void restore(Snapshot snapshot, Path runtime) throws IOException {
        deleteTree(runtime);
        Files.createDirectories(runtime);
        try (Stream<Path> files = Files.list(snapshot.folder())) {
            for (Path file : files.toList()) {
                Path copy = runtime.resolve(file.getFileName());
                // SST files never change once written: a hard link is safe and instant.
                if (file.getFileName().toString().endsWith(".sst")) {
                    try {
                        Files.createLink(copy, file);
                        continue;
                    } catch (IOException | UnsupportedOperationException e) {
                        // fall through to a copy
                    }
                }
                Files.copy(file, copy);
            }
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<Path> list(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private static Snapshot toSnapshot(Path folder) {
        return new Snapshot(folder, Long.parseLong(folder.getFileName().toString().substring(PREFIX.length())));
    }

    private static String pad(long position) {
        return String.format("%020d", position);
    }

    private static void forceTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
                        channel.force(true);
                    }
                }
            }
        }
        forceFolder(folder);
    }

    private static void forceFolder(Path folder) {
        try (var channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some file systems refuse to open a folder for force; file contents are forced above
        }
    }
}
