package dev.switchboard.edge.chat;

import dev.switchboard.edge.pipeline.RequestExchange;
import dev.switchboard.edge.provider.ChatRequest;

/** One chat request in flight: its exchange, the API it came through, and its validated request once read. */
final class ChatCall {

    private final RequestExchange exchange;
    private final ChatIngress ingress;
    private ChatRequest request;

    ChatCall(RequestExchange exchange, ChatIngress ingress) {
        this.exchange = exchange;
        this.ingress = ingress;
    }

    RequestExchange exchange() {
        return exchange;
    }

    ChatIngress ingress() {
        return ingress;
    }

    ChatRequest request() {
        return request;
    }

    void request(ChatRequest request) {
        this.request = request;
    }
}
