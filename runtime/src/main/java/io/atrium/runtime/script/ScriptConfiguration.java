package io.atrium.runtime.script;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScriptConfiguration {

    /** One shared engine for the whole platform; contexts are created per call. */
    @Bean(destroyMethod = "close")
    ScriptSandbox scriptSandbox() {
        return new ScriptSandbox();
    }
}
