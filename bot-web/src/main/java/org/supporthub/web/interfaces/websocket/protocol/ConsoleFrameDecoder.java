package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.websocket.Decoder;

/**
 * Decodes the console socket's text frames (a {@link Decoder.Text}, called by the endpoint), as
 * {@link WidgetFrameDecoder} does the widget's.
 */
public final class ConsoleFrameDecoder implements Decoder.Text<ConsoleFrame> {

    @Override
    public ConsoleFrame decode(String text) {
        return FrameDecoder.console(text);
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
