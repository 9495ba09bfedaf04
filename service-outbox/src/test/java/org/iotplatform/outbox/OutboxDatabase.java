package org.iotplatform.outbox;

import javax.sql.DataSource;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.testsupport.TestServers;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A fresh database of its own per test, with just the outbox table: the module has no migrations
 * (the table is in each service's), and nothing else may take the rows.
 */
final class OutboxDatabase {

  private OutboxDatabase() {}

  static DataSource fresh(String database) {
    PostgresServer postgres = TestServers.postgres();
    postgres.dropDatabase(database);
    postgres.createDatabase(database);
    var dataSource =
        new DriverManagerDataSource(
            postgres.jdbcUrl(database), postgres.user(), postgres.password());
    new ResourceDatabasePopulator(new ClassPathResource("outbox-schema.sql")).execute(dataSource);
    return dataSource;
  }
}
