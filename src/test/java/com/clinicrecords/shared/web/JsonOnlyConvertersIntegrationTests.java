package com.clinicrecords.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The API answers in JSON only: no Jackson 2 body converters (JSON, XML, YAML) besides Jackson 3's JSON; and every
 * JSON answer says how long it is instead of coming chunked.
 */
class JsonOnlyConvertersIntegrationTests extends IntegrationTest {

    @Autowired
    private RequestMappingHandlerAdapter adapter;

    @Test
    void shouldRegisterNoJackson2Converter() {
        assertThat(adapter.getMessageConverters())
                .extracting(converter -> converter.getClass().getName())
                .noneMatch(name -> name.contains("Jackson2"));
        assertThat(adapter.getMessageConverters())
                .<Object>extracting(converter -> converter.getClass())
                .doesNotContain(JacksonJsonHttpMessageConverter.class)
                .containsOnlyOnce(JsonOnlyConverters.SizedJsonConverter.class);
    }

    @Test
    void shouldSendEveryJsonAnswerWithItsLength() {
        String token = users.admin().accessToken();

        ApiResponse record = api.get("/api/users/me").token(token).send();
        ApiResponse page = api.get("/api/admin/users?size=2").token(token).send();
        ApiResponse notFound =
                api.get("/api/patients/" + UUID.randomUUID()).token(token).send();
        ApiResponse invalid = api.get("/api/admin/users?size=-1").token(token).send();
        ApiResponse unauthenticated = api.get("/api/users/me").send();

        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(notFound.status()).as(notFound.toString()).isEqualTo(404);
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(unauthenticated.status()).as(unauthenticated.toString()).isEqualTo(401);
        for (ApiResponse response : new ApiResponse[] {record, page, notFound, invalid, unauthenticated}) {
            assertThat(response.header("Transfer-Encoding"))
                    .as(response.toString())
                    .isNull();
            assertThat(response.header("Content-Length"))
                    .as(response.toString())
                    .isEqualTo(String.valueOf(response.raw().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void shouldNotAnswerInXmlOrYaml() {
        String token = users.patient().accessToken();

        ApiResponse json = api.get("/api/patients/me")
                .token(token)
                .header("Accept", "application/xml, application/json;q=0.5")
                .send();
        ApiResponse xml = api.get("/api/patients/me")
                .token(token)
                .header("Accept", "application/xml")
                .send();
        ApiResponse yaml = api.get("/api/patients/me")
                .token(token)
                .header("Accept", "application/yaml")
                .send();

        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(xml.status()).as(xml.toString()).isEqualTo(406);
        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(406);
    }
}
