package io.icprules.drools;

import io.icprules.engine.IcpRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderTest {

    @Test
    void serviceLoaderFindsTheDroolsEngine() {
        assertThat(IcpRules.provider()).isInstanceOf(DroolsEngineProvider.class);
        assertThat(IcpRules.provider().name()).isEqualTo("drools");
    }
}
