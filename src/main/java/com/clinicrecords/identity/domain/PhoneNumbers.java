package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.domain.InvalidFieldException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One spelling per phone number: E.164 ({@code +492278496002}) parsed by libphonenumber, so
 * {@code +49 (227) 849-6002} and {@code +492278496002} are the same account. Numbers written without a country
 * code are read in the configured default region ({@code PHONE_DEFAULT_REGION}).
 */
@Component
public class PhoneNumbers {

    /** Text a person types as (the start of) a phone number. */
    private static final Pattern TYPED_NUMBER = Pattern.compile("\\+?[0-9 ()./-]+");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(Settings settings) {
        this.defaultRegion = settings.defaultRegion();
    }

    /** The E.164 form, null for a blank value, or 400 naming {@code field} when it is no phone number. */
    public String normalize(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return tryNormalize(raw).orElseThrow(() -> new InvalidFieldException(field, "must be a phone number"));
    }

    /** The E.164 form, or empty when the text is not a possible phone number (e.g. a typed email address). */
    public Optional<String> tryNormalize(String raw) {
        return normalize(util, raw, defaultRegion);
    }

    static Optional<String> normalize(PhoneNumberUtil util, String raw, String region) {
        if (raw == null || raw.isBlank() || raw.length() > 64) {
            return Optional.empty();
        }
        try {
            var number = util.parse(raw.trim(), region);
            // "Possible" (length per region), not "valid" (allocated ranges): stale metadata must not lock out
            // a real, newly allocated number. Numbers only dialable locally (no area code) are no E.164 number.
            if (util.isPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * How the E.164 form of a number starts, from a typed beginning of it (a search): {@code +49 228 84} and, in
     * the default region Germany, {@code 0228 84} and {@code 228 84} give {@code +4922884}. Empty unless the text
     * is spelled like a phone number (digits, spaces, "+()-./") with at least three digits.
     */
    public Optional<String> e164Start(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (!TYPED_NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < 3) {
            return Optional.empty();
        }
        if (text.startsWith("+")) {
            return Optional.of("+" + digits);
        }
        String trunk = util.getNddPrefixForRegion(defaultRegion, true);
        String national = trunk != null && !trunk.isEmpty() && digits.startsWith(trunk)
                ? digits.substring(trunk.length())
                : digits;
        return Optional.of("+" + util.getCountryCodeForRegion(defaultRegion) + national);
    }

    /** {@code clinic.phone.default-region}: ISO 3166 region for numbers written without +country code. */
    @ConfigurationProperties("clinic.phone")
    public record Settings(String defaultRegion) {

        public Settings {
            defaultRegion = defaultRegion == null || defaultRegion.isBlank()
                    ? "DE"
                    : defaultRegion.trim().toUpperCase(Locale.ROOT);
            if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
                throw new IllegalArgumentException("PHONE_DEFAULT_REGION must be a two-letter region code such as DE");
            }
        }
    }
}
