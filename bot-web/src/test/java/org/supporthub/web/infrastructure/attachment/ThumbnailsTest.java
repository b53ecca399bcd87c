package org.supporthub.web.infrastructure.attachment;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class ThumbnailsTest {

    private final Thumbnails thumbnails = new Thumbnails();

    private static byte[] image(int w, int h, String format) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void a_large_screenshot_becomes_a_png_within_the_bounds_keeping_its_shape() throws Exception {
        byte[] thumb = thumbnails.of(image(1920, 1080, "png")).orElseThrow();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(read.getWidth()).isEqualTo(Thumbnails.MAX_SIDE);
        assertThat(read.getHeight()).isEqualTo(180);
    }

    @Test
    void jpeg_and_gif_are_drawn_too_and_a_small_image_is_not_enlarged() throws Exception {
        assertThat(thumbnails.of(image(800, 600, "jpg"))).isPresent();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnails.of(image(40, 30, "gif")).orElseThrow()));
        assertThat(small.getWidth()).isEqualTo(40);
    }

    @Test
    void a_decompression_bomb_is_refused_from_its_header_without_decoding() {
        // A valid PNG header claiming 100000 x 100000 pixels (40 GB decoded), with no image data at all.
        long started = System.nanoTime();
        assertThat(thumbnails.of(pngHeader(100_000, 100_000))).isEmpty();
        assertThat(thumbnails.of(pngHeader(30_000, 10))).isEmpty();
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void broken_images_get_no_thumbnail() {
        assertThat(thumbnails.of(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2})).isEmpty();
        assertThat(thumbnails.of("not an image".getBytes())).isEmpty();
    }

    /** The PNG signature and an IHDR chunk (8-bit RGB), nothing else. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
