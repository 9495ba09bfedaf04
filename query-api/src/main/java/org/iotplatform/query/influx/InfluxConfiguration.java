package org.iotplatform.query.influx;

import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.iotplatform.query.QueryApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one InfluxDB client of the service; it holds a connection pool, so it is shared. */
@Configuration(proxyBeanMethods = false)
class InfluxConfiguration {

  @Bean(destroyMethod = "close")
  InfluxDB influxDb(QueryApiProperties properties) {
    QueryApiProperties.Influx influx = properties.influx();
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(influx.connectTimeout())
            .readTimeout(influx.readTimeout());
    String url = influx.url().toString();
    // Connecting does not touch the network, so the service starts while InfluxDB is down and
    // answers 503 until it is back.
    return influx.username() == null
        ? InfluxDBFactory.connect(url, http)
        : InfluxDBFactory.connect(url, influx.username(), influx.password(), http);
  }
}
