package dev.switchboard.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TeamTagsTests {

    @Test
    void namesTheFirstTeamsAndFoldsTheRestIntoOther() {
        TeamTags tags = new TeamTags(2);

        assertThat(tags.of("a")).isEqualTo("a");
        assertThat(tags.of("b")).isEqualTo("b");
        assertThat(tags.of("c")).isEqualTo(TeamTags.OTHER);
        assertThat(tags.of("a")).isEqualTo("a");
        assertThat(tags.of(null)).isEqualTo("none");
    }

    @Test
    void neverNamesMoreTeamsThanTheCapUnderConcurrency() throws Exception {
        TeamTags tags = new TeamTags(50);
        Set<String> named = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int thread = 0; thread < 4; thread++) {
            int offset = thread;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int team = 0; team < 500; team++) {
                    named.add(tags.of("team-" + (team * 4 + offset) % 700));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(named).contains(TeamTags.OTHER).hasSize(51);
    }
}
