package org.supporthub.web.infrastructure.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub builds JSON from the provider looked up once: no class of bot-web calls the static shortcuts of
 * {@code jakarta.json.Json}, each of which scans the class path for the provider again.
 */
class JsonBuildersTest {

    private static final Pattern SHORTCUT = Pattern.compile("\\bJson\\.create\\w*\\(");

    @Test
    void builds_with_the_shared_provider() {
        assertThat(JsonBuilders.object().add("type", "pong").add("n", JsonBuilders.array().add(1)).build().toString())
                .isEqualTo("{\"type\":\"pong\",\"n\":[1]}");
        assertThat(JsonBuilders.PROVIDER).isSameAs(JsonBuilders.PROVIDER);
    }

    @Test
    void no_class_uses_the_per_call_provider_lookup() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return SHORTCUT.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).as("use JsonBuilders instead of Json.create…").isEmpty();
        }
    }
}
