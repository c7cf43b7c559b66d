package io.atrium.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM of its own on the test class path, for tests that kill it; started when it prints READY. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts the main class and waits until it prints READY.
     *
     * @param log where the output up to READY is appended
     * @throws IllegalStateException with the output, if it does not get ready within 90 s
     */
    public static Process start(String heap, Class<?> main, List<String> args, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var output = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line;
        while ((line = reader.readLine()) != null) {
            output.append(line).append('\n');
            if (line.equals("READY")) {
                Files.writeString(log, output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                Thread.ofVirtual().start(() -> drain(reader));
                return process;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(main.getSimpleName() + " did not start:\n" + output);
    }

    public static int freePort() throws IOException {
        // the kernel may hand the same free port out again once its socket is closed: a test that
        // asks for three ports in a row must get three different ones
        for (int attempt = 0; ; attempt++) {
            try (var socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port) || attempt == 20) {
                    return port;
                }
            }
        }
    }

    /** Every port {@link #freePort()} gave in this JVM. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // keep the pipe empty so the child never blocks on its output
            }
        } catch (IOException ignored) {
            // the child was killed
        }
    }
}
