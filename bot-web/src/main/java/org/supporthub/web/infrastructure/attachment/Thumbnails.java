package org.supporthub.web.infrastructure.attachment;

import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Thumbnails of attached images, drawn on the hub (javax.imageio) so that a browser shows a small PNG the hub
 * made rather than decoding whatever was uploaded.
 *
 * <p>Images are small files that can claim huge dimensions (a "decompression bomb": a few kilobytes of PNG
 * that decode into gigabytes). The dimensions are read from the header first; an image beyond
 * {@link #MAX_SOURCE_PIXELS} or {@link #MAX_SOURCE_SIDE} gets no thumbnail, and the rest are decoded
 * subsampled, so no more than about four times the thumbnail's pixels are ever held per row step.
 */
@ApplicationScoped
public class Thumbnails {

    /** The thumbnail fits in this square. */
    public static final int MAX_SIDE = 320;
    static final long MAX_SOURCE_PIXELS = 50_000_000L;
    static final int MAX_SOURCE_SIDE = 20_000;

    /** A PNG thumbnail of the image, or empty when it cannot (or must not) be drawn. */
    public Optional<byte[]> of(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE
                        || (long) width * height > MAX_SOURCE_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (MAX_SIDE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage source = reader.read(0, param);
                return Optional.of(png(scaled(source)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A broken image is still a file that can be downloaded; it just has no preview.
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage source) {
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
