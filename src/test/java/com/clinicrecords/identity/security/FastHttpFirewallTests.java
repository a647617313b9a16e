package com.clinicrecords.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's fast path must accept and refuse exactly what Spring Security's default checks accept and
 * refuse: printable ASCII, tabs, line breaks and other control characters, DEL, Latin-1, unassigned code points,
 * surrogate pairs and lone surrogates, for header and parameter names and values alike.
 */
class FastHttpFirewallTests {

    @Test
    void shouldDecideEveryTextAsTheDefaultChecksDo() {
        List<String> texts = new ArrayList<>(List.of(
                "",
                "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc",
                "application/json, text/plain;q=0.9, */*;q=0.8",
                "value with\ttab",
                "line\r\nbreak",
                "nul\u0000",
                "del\u007f",
                "caf\u00e9",
                "\u0085next line",
                "unassigned\u0378",
                "emoji \ud83d\ude00",
                "lone \ud83d surrogate",
                "private use \ue000"));
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                // mostly ASCII, sometimes anything in the Basic Multilingual Plane
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x80));
            }
            texts.add(text.toString());
        }
        for (Predicate<String> defaultCheck : List.of(
                StrictHttpFirewall.ALLOWED_HEADER_NAMES,
                StrictHttpFirewall.ALLOWED_HEADER_VALUES,
                StrictHttpFirewall.ALLOWED_PARAMETER_NAMES,
                StrictHttpFirewall.ALLOWED_PARAMETER_VALUES)) {
            Predicate<String> fast = FastHttpFirewall.printableAsciiOr(defaultCheck);
            for (String text : texts) {
                assertThat(fast.test(text)).as("%s", text).isEqualTo(defaultCheck.test(text));
            }
        }
    }

    @Test
    void shouldTakeTheFastPathOnlyForPrintableAscii() {
        assertThat(FastHttpFirewall.isPrintableAscii(" ~azAZ09")).isTrue();
        assertThat(FastHttpFirewall.isPrintableAscii("\t")).isFalse();
        assertThat(FastHttpFirewall.isPrintableAscii("\u007f")).isFalse();
        assertThat(FastHttpFirewall.isPrintableAscii("\u00e9")).isFalse();
        assertThat(FastHttpFirewall.isPrintableAscii(null)).isFalse();
    }
}
