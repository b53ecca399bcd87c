package org.supporthub.core.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a portal server sends to register. Bean Validation names each bad field; the public address is
 * further checked by {@link org.supporthub.core.domain.model.portal.PublicAddress}.
 */
public record PortalRegistration(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 2048)
        @Pattern(regexp = "(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?",
                message = "must be an absolute http(s) URL with a host, such as https://portal.example.com")
        String publicAddress,
        @NotBlank @Size(max = 4096) String licenseKey,
        @NotBlank @Pattern(regexp = "\\d{1,5}(\\.\\d{1,5}){0,3}", message = "must be a version such as 24.100.0")
        String productVersion,
        @NotNull @Pattern(regexp = "pl|en", message = "must be 'pl' or 'en'") String locale) {
}
