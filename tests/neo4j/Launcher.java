/*
 * An in-process Neo4j Community server for the test suite and the benchmarks, run from source:
 *
 *   java -Xmx512m -cp 'tests/neo4j/target/dependency/*' tests/neo4j/Launcher.java --port 7687
 *
 * Bolt only, on 127.0.0.1 (no HTTP server), authentication off, page cache capped. The data lives
 * in a fresh folder under --workdir (default: the system temp folder) and is deleted on shutdown:
 * every start is an empty database. When Bolt accepts connections it prints one line,
 *
 *   neo4j ready bolt://127.0.0.1:<port>
 *
 * and runs until SIGTERM/SIGINT (the JVM's shutdown hook closes the database cleanly) or, with
 * --stop-on-eof, until its standard input closes (so that it cannot outlive the process that
 * started it).
 */

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

public class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path workdir = Path.of(System.getProperty("java.io.tmpdir"));
        long pageCache = 64L * 1024 * 1024;
        boolean stopOnEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--workdir" -> workdir = Path.of(args[++i]);
                case "--page-cache-mb" -> pageCache = Long.parseLong(args[++i]) * 1024 * 1024;
                case "--stop-on-eof" -> stopOnEof = true;
                default -> {
                    System.err.println("usage: Launcher [--port N] [--workdir DIR] "
                            + "[--page-cache-mb N] [--stop-on-eof]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(workdir);

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workdir)
                .withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Bolt's event loops otherwise wait a 2 s quiet period each (about 10 s in all)
                // before a shutdown completes; a test server has no client left by then.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                        Duration.ofSeconds(2))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            neo4j.close();
            stopped.countDown();
        }, "neo4j-shutdown"));
        if (stopOnEof) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                System.exit(0); // runs the shutdown hook
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        System.out.println("neo4j ready bolt://" + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // discard: only the end of the stream matters
            }
        } catch (IOException closed) {
            // a broken pipe is an end too
        }
    }
}
