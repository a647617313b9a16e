package com.clinicrecords.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/** Lets method security fill the {@code {value}} placeholders of meta-annotations such as {@link RequiresPermission}. */
@Configuration(proxyBeanMethods = false)
class MethodSecurityTemplates {

    @Bean
    static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }
}
