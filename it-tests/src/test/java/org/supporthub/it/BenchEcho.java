package org.supporthub.it;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The bare WebSocket limit the benchmark compares the hub with: a text frame answered with itself, no
 * parsing, no storage. Packed by {@link Benchmark} into a WAR of its own with ShrinkWrap and run on the
 * same Payara Micro build and JVM flags as the hub; it is never part of the product's WAR.
 */
@ServerEndpoint("/echo")
public class BenchEcho {

    @OnMessage
    public String echo(String frame) {
        return frame;
    }
}
