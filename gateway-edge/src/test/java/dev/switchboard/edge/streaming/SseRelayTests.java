package dev.switchboard.edge.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseRelayTests {

    private final List<String> seen = new ArrayList<>();

    private String relay(SseRelay relay, String read) {
        ByteBuf in = Unpooled.copiedBuffer(read, StandardCharsets.UTF_8);
        ByteBuf out = relay.relay(in);
        String text = out.toString(StandardCharsets.UTF_8);
        out.release();
        in.release();
        return text;
    }

    @Test
    void forwardsWholeEventsByteForByte() {
        SseRelay relay = new SseRelay((event, out) -> {
            seen.add(event.toString(StandardCharsets.UTF_8));
            out.writeBytes(event, event.readerIndex(), event.readableBytes());
        });
        String stream = "data: {\"a\":1}\n\ndata: {\"b\":2}\n\n";

        assertThat(relay(relay, stream)).isEqualTo(stream);
        assertThat(seen).containsExactly("data: {\"a\":1}\n\n", "data: {\"b\":2}\n\n");
    }

    @Test
    void holdsAnEventSplitAcrossReadsUntilItIsComplete() {
        SseRelay relay = new SseRelay((event, out) -> {
            seen.add(event.toString(StandardCharsets.UTF_8));
            out.writeBytes(event, event.readerIndex(), event.readableBytes());
        });

        assertThat(relay(relay, "data: {\"a\"")).isEmpty();
        assertThat(relay(relay, ":1}\n")).isEmpty();
        assertThat(relay(relay, "\ndata: [DO")).isEqualTo("data: {\"a\":1}\n\n");
        assertThat(relay(relay, "NE]\n\n")).isEqualTo("data: [DONE]\n\n");
        assertThat(seen).containsExactly("data: {\"a\":1}\n\n", "data: [DONE]\n\n");
        assertThat(relay.finish()).isNull();
    }

    @Test
    void understandsCarriageReturnLineEndingsAndEventLines() {
        SseRelay relay = new SseRelay((event, out) -> {
            seen.add(event.toString(StandardCharsets.UTF_8));
            out.writeBytes(event, event.readerIndex(), event.readableBytes());
        });
        String stream = "event: ping\r\ndata: {}\r\n\r\ndata: x\r\n\r\n";

        assertThat(relay(relay, stream)).isEqualTo(stream);
        assertThat(seen).hasSize(2);
    }

    @Test
    void dropsEventsTheFilterRejects() {
        SseRelay relay = new SseRelay((event, out) -> {
            if (!event.toString(StandardCharsets.UTF_8).contains("drop")) {
                out.writeBytes(event, event.readerIndex(), event.readableBytes());
            }
        });

        assertThat(relay(relay, "data: keep\n\ndata: drop\n\ndata: [DONE]\n\n"))
                .isEqualTo("data: keep\n\ndata: [DONE]\n\n");
    }

    @Test
    void handsBackAnUnterminatedTailAtTheEnd() {
        SseRelay relay = new SseRelay((event, out) -> out.writeBytes(event, event.readerIndex(), event.readableBytes()));
        relay(relay, "data: complete\n\ndata: cut");

        ByteBuf tail = relay.finish();
        assertThat(tail.toString(StandardCharsets.UTF_8)).isEqualTo("data: cut");
        tail.release();
    }

    @Test
    void releasesItsTailWhenDiscarded() {
        SseRelay relay = new SseRelay((event, out) -> out.writeBytes(event, event.readerIndex(), event.readableBytes()));
        relay(relay, "data: cut");
        relay.discard();

        assertThat(relay.finish()).isNull();
    }
}
