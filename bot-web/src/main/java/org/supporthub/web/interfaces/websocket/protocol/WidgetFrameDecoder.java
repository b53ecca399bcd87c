package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.websocket.Decoder;

/**
 * Decodes the widget socket's text frames (a {@link Decoder.Text}, called by the endpoint). Every text decodes,
 * malformed or of an unknown type included, so the endpoint can answer it (see {@link FrameDecoder}).
 * Stateless, so one instance may serve any number of sockets.
 */
public final class WidgetFrameDecoder implements Decoder.Text<WidgetFrame> {

    @Override
    public WidgetFrame decode(String text) {
        return FrameDecoder.widget(text);
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
