package org.supporthub.web.infrastructure.persistence;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of the hub that holds a container-managed entity manager is {@code @Transactional} at class
 * level, so that no call reaches the database through the container's non-transactional entity manager,
 * which is not safe to share between the socket threads that call the application-scoped repositories
 * (docs/architecture.md, "Entity managers"). The check reads the sources of every module of the WAR.
 */
class RepositoryTransactionsTest {

    private static final Pattern CLASS_LEVEL = Pattern.compile(
            "(?m)^@Transactional(\\(Transactional\\.TxType\\.(REQUIRED|MANDATORY)\\))?\\s*\\n(public |final |abstract )*class ");

    @Test
    void every_class_with_a_persistence_context_runs_its_calls_in_a_transaction() throws IOException {
        List<Path> holders = holdersOfAPersistenceContext();
        assertThat(holders).as("the repositories of bot-core, bot-routing and bot-activation are found")
                .hasSizeGreaterThanOrEqualTo(13)
                .anySatisfy(p -> assertThat(p.toString()).contains("bot-routing"))
                .anySatisfy(p -> assertThat(p.toString()).contains("bot-activation"));
        List<String> without = holders.stream().filter(p -> !CLASS_LEVEL.matcher(read(p)).find())
                .map(Path::toString).toList();
        assertThat(without).as("classes with @PersistenceContext but no class-level @Transactional").isEmpty();
    }

    @Test
    void the_check_recognises_a_class_without_the_annotation() {
        assertThat(CLASS_LEVEL.matcher("@ApplicationScoped\npublic class JpaXRepository {").find()).isFalse();
        assertThat(CLASS_LEVEL.matcher("@ApplicationScoped\n@Transactional\npublic class JpaXRepository {").find())
                .isTrue();
        assertThat(CLASS_LEVEL.matcher("@Transactional(Transactional.TxType.SUPPORTS)\npublic class X {").find())
                .as("SUPPORTS would leave calls outside a transaction").isFalse();
    }

    private static List<Path> holdersOfAPersistenceContext() throws IOException {
        Path root = Path.of("..");
        List<Path> found = new java.util.ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("bot-")).toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> read(p).contains("@PersistenceContext"))
                            .forEach(found::add);
                }
            }
        }
        return found;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
