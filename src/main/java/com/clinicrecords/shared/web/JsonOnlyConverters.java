package com.clinicrecords.shared.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON through Jackson 3 only. Jackson 2 is on the class path for the OpenAPI tooling, and with it
 * Spring MVC and Spring Data register three more body converters: Spring Data's projecting JSON converter (first
 * in the list), XML and YAML. Nothing here uses them (no projected request bodies; XML and YAML were never part
 * of the API, yet {@code Accept: application/yaml} got YAML), and Spring MVC asks every converter whether it can
 * write each response: Jackson 2 built a serializer for the response type on every request in the upload
 * benchmark's CPU profile (about 0.3 ms of CPU per upload). Ordered last, so it sees converters that other
 * configurers (Spring Data's) add.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class JsonOnlyConverters implements WebMvcConfigurer {

    @Override
    @SuppressWarnings("removal")
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter ->
                converter instanceof org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter);
    }
}
