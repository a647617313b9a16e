package com.clinicrecords.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** The API answers in JSON only: no Jackson 2 body converters (JSON, XML, YAML) besides Jackson 3's JSON. */
class JsonOnlyConvertersIntegrationTests extends IntegrationTest {

    @Autowired
    private RequestMappingHandlerAdapter adapter;

    @Test
    void shouldRegisterNoJackson2Converter() {
        assertThat(adapter.getMessageConverters())
                .extracting(converter -> converter.getClass().getName())
                .noneMatch(name -> name.contains("Jackson2"))
                .contains("org.springframework.http.converter.json.JacksonJsonHttpMessageConverter");
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
