package com.clinicrecords.imaging.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UploadServerConfiguration {

    /**
     * Answer "Expect: 100-continue" only when the application starts reading the body (Tomcat's default is
     * at once). A client sending a large file (curl does this above 1 MiB) that is refused up front — 401,
     * 404, 403, 413 from Content-Length — then gets the answer without having sent the file.
     */
    @Bean
    TomcatConnectorCustomizer continueOnRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    /**
     * Request bodies are read from the socket in blocks of this size (Tomcat's default is 8 KiB): a 1 GiB upload
     * then takes 16,384 socket reads instead of 131,072, for a 64 KiB read buffer per open connection.
     */
    @Bean
    TomcatConnectorCustomizer uploadReadBuffer() {
        return connector -> connector.setProperty("socket.appReadBufSize", String.valueOf(64 * 1024));
    }
}
