package com.clinicrecords.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON through Jackson 3 only, and every JSON answer carries its {@code Content-Length}.
 *
 * <p>Jackson 2 is on the class path for the OpenAPI tooling, and with it Spring MVC and Spring Data register three
 * more body converters: Spring Data's projecting JSON converter (first in the list), XML and YAML. Nothing here
 * uses them (no projected request bodies; XML and YAML were never part of the API, yet {@code Accept:
 * application/yaml} got YAML), and Spring MVC asks every converter whether it can write each response: Jackson 2
 * built a serializer for the response type on every request in the upload benchmark's CPU profile (about 0.3 ms of
 * CPU per upload). Ordered last, so it sees converters that other configurers (Spring Data's) add.
 *
 * <p>Why a sized converter: Spring's Jackson converter streams into the response and flushes it, so the container
 * commits it without a length and sends it chunked: one write for headers and body, a second for the closing
 * chunk, and a client that cannot show progress or tell a cut answer from a whole one. Every JSON answer here is
 * small and bounded (pages have a maximum size; files are not JSON), so it is written to a buffer first and sent
 * with its length in one write.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class JsonOnlyConverters implements WebMvcConfigurer {

    @Override
    @SuppressWarnings("removal")
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter ->
                converter instanceof org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter);
        // The exact class: Spring Data's projecting converter extends it, reads projected bodies and writes nothing.
        converters.replaceAll(converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class
                ? new SizedJsonConverter((JacksonJsonHttpMessageConverter) converter)
                : converter);
    }

    /** Spring's Jackson 3 converter with the same mapper and media types, writing through a buffer. */
    static final class SizedJsonConverter extends JacksonJsonHttpMessageConverter {

        SizedJsonConverter(JacksonJsonHttpMessageConverter original) {
            super(original.getMapper());
            setSupportedMediaTypes(original.getSupportedMediaTypes());
            setDefaultCharset(original.getDefaultCharset());
        }

        @Override
        protected void writeInternal(
                Object object, ResolvableType type, HttpOutputMessage outputMessage, Map<String, Object> hints)
                throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
            super.writeInternal(object, type, new Buffered(outputMessage.getHeaders(), buffer), hints);
            outputMessage.getHeaders().setContentLength(buffer.size());
            buffer.writeTo(outputMessage.getBody());
        }

        private record Buffered(HttpHeaders headers, OutputStream body) implements HttpOutputMessage {

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public OutputStream getBody() {
                return body;
            }
        }
    }
}
