package org.supporthub.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Files over HTTP as the widget and the console send them: multipart/form-data, a bearer token, a client id. */
final class Uploads {

    private Uploads() {
    }

    /**
     * A PNG of the given size (a real image, so the hub can draw its thumbnail), different on every call: the
     * suite's database outlives a run, and content is stored by its hash.
     */
    static byte[] png(int width, int height) {
        try {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(java.awt.Color.ORANGE);
            g.fillRect(0, 0, width / 2, height / 2);
            g.dispose();
            img.setRGB(width - 1, height - 1, java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24));
            img.setRGB(width - 2, height - 1, java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Plain text of exactly {@code bytes} bytes, different for every {@code seed}. */
    static byte[] text(int bytes, String seed) {
        byte[] b = new byte[bytes];
        byte[] s = (seed + " log line\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes; i++) {
            b[i] = s[i % s.length];
        }
        return b;
    }

    /** POSTs the files (name to content, in order) to {@code path} of the hub. */
    static HttpResponse<String> post(HubClient hub, String path, String bearer, String clientMsgId,
                                     Map<String, byte[]> files, String acceptLanguage) throws Exception {
        String boundary = "----it" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.base + path + (path.contains("?") ? "&" : "?")
                        + "clientMsgId=" + clientMsgId))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return hub.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for signed links to an attachment ({@code widget} or {@code console} path). */
    static HttpResponse<String> links(HubClient hub, String side, String attachmentId, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.base.resolve("api/v1/" + side + "/attachments/"
                + attachmentId + "/links")).POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return hub.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> download(HubClient hub, String url) throws Exception {
        return hub.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
