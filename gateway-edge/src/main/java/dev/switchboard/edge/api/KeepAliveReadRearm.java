package dev.switchboard.edge.api;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * Works around a Reactor Netty 1.3.6 server bug (reactor/reactor-netty#4361, fixed upstream in a release that
 * needs a newer Netty than Boot 4.0.7 manages): when a keep-alive client sends its next request before the
 * previous exchange has fully terminated on the server, that request is buffered and answered, and then the
 * connection is never read again, so the client's following request waits forever. It showed as a readiness probe, and as chats, hanging
 * after a health check on the same connection. After each response's last part is written, this handler asks
 * for one more read. Reads are on demand, so an extra one only lets the next pipelined request in, which the
 * server queues as it does any early request. One listener per connection, nothing allocated per response.
 */
final class KeepAliveReadRearm extends ChannelDuplexHandler {

    static final String NAME = "switchboard.keepAliveReadRearm";

    /** Installs the handler right after the HTTP codec, where responses are still HTTP objects. */
    static NettyServerCustomizer customizer() {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, new KeepAliveReadRearm());
            }
        });
    }

    private ChannelFutureListener rearm;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        rearm = written -> {
            if (ctx.channel().isActive()) {
                ctx.read();
            }
        };
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof LastHttpContent)) {
            ctx.write(msg, promise);
        } else if (promise.isVoid()) {
            ctx.write(msg, promise);
            ctx.read();
        } else {
            ctx.write(msg, promise.addListener(rearm));
        }
    }
}
