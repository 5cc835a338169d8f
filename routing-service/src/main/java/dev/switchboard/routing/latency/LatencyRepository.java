package dev.switchboard.routing.latency;

import dev.switchboard.contracts.routing.LatencyReport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code routing.deployment_latency}. */
@Repository
class LatencyRepository {

    private final JdbcClient jdbc;

    LatencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One window of an edge's calls; the windows inside the routing window add up to the recent figures. */
    void append(LatencyReport report) {
        for (LatencyReport.DeploymentLatency deployment : report.deployments()) {
            jdbc.sql("""
                            insert into routing.deployment_latency (edge_id, deployment_id, samples, p95_millis)
                            values (:edge, :deployment, :samples, :p95)""")
                    .param("edge", report.edgeId()).param("deployment", deployment.deploymentId())
                    .param("samples", deployment.samples()).param("p95", deployment.p95Millis())
                    .update();
        }
    }

    void deleteOlderThan(Duration age) {
        jdbc.sql("delete from routing.deployment_latency where reported_at < now() - make_interval(secs => :seconds)")
                .param("seconds", age.toMillis() / 1000.0).update();
    }

    /**
     * Per deployment, the sample-weighted mean of the p95s of every report (all edges, all their windows) within
     * {@code window}. The mean of percentiles is not the fleet's true p95, but with edges behind one load balancer
     * and steady traffic it is close, and it needs no histograms on the wire.
     */
    Map<String, RecentLatency> recent(Duration window, long minSamples) {
        Map<String, RecentLatency> recent = new HashMap<>();
        jdbc.sql("""
                        select deployment_id, sum(samples) as samples,
                               round(sum(samples * p95_millis)::numeric / nullif(sum(samples), 0)) as p95
                        from routing.deployment_latency
                        where reported_at >= now() - make_interval(secs => :seconds)
                        group by deployment_id""")
                .param("seconds", window.toMillis() / 1000.0)
                .query(rs -> {
                    long samples = rs.getLong("samples");
                    recent.put(rs.getString("deployment_id"),
                            new RecentLatency(rs.getLong("p95"), samples, samples >= minSamples));
                });
        return recent;
    }
}
