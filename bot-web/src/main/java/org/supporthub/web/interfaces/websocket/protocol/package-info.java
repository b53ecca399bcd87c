/**
 * The sockets' wire protocol (docs/protocol.md) as types: what a client may send, decoded from bounded JSON
 * into one record per frame type ({@link org.supporthub.web.interfaces.websocket.protocol.WidgetFrame},
 * {@link org.supporthub.web.interfaces.websocket.protocol.ConsoleFrame}), and what the hub sends, one record
 * per frame type that encodes itself with JSON-P
 * ({@link org.supporthub.web.interfaces.websocket.protocol.ServerFrame}).
 *
 * <p>The JSON on the wire is the protocol's and does not follow the Java names: every property name and
 * value is written out here, once, and pinned by the package's tests.
 */
package org.supporthub.web.interfaces.websocket.protocol;
