package org.iotplatform.testsupport;

import java.util.HashSet;
import java.util.Set;
import org.iotplatform.servers.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests the JVM's {@link PostgresServer} and empties the database {@link
 * TestServers#POSTGRES_DATABASE} before each test.
 *
 * <p>One database for the whole JVM, emptied by {@code TRUNCATE}, rather than a database per test
 * class: Spring caches application contexts across test classes, and a cached context's connection
 * pool and Flyway state must stay valid. Flyway's {@code flyway_schema_history} is kept, so the
 * schema is migrated once; rows that migrations insert are deleted like any other, unless the test
 * class names their tables in {@link KeepTables}.
 */
public final class PostgresExtension extends ServerExtension<PostgresServer> {

  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  public PostgresExtension() {
    super(PostgresServer.class);
  }

  @Override
  PostgresServer server() {
    return TestServers.postgres();
  }

  @Override
  void reset(ExtensionContext context) {
    Set<String> keep = new HashSet<>();
    keep.add(FLYWAY_HISTORY);
    AnnotationSupport.findAnnotation(context.getRequiredTestClass(), KeepTables.class)
        .ifPresent(annotation -> keep.addAll(Set.of(annotation.value())));
    server().truncateAllTables(TestServers.POSTGRES_DATABASE, keep);
  }
}
