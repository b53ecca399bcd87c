package org.supporthub.activation.domain.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A portal product version such as {@code 24.100.0}, compared part by part as numbers (so 24.100 is newer
 * than 24.99), missing parts counting as zero.
 */
public final class ProductVersion implements Comparable<ProductVersion> {

    private static final Pattern FORM = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");

    private final String text;
    private final int[] parts;

    private ProductVersion(String text, int[] parts) {
        this.text = text;
        this.parts = parts;
    }

    /** @throws IllegalArgumentException when the text is not a dotted version of up to four numbers */
    public static ProductVersion parse(String text) {
        if (text == null || !FORM.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("Not a product version: " + text);
        }
        String t = text.trim();
        return new ProductVersion(t, Arrays.stream(t.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    @Override
    public int compareTo(ProductVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < other.parts.length ? other.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    public boolean isOlderThan(ProductVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.stream(parts).boxed().toList().subList(0, significantLength()));
    }

    private int significantLength() {
        int n = parts.length;
        while (n > 1 && parts[n - 1] == 0) {
            n--;
        }
        return n;
    }

    @Override
    public String toString() {
        return text;
    }
}
