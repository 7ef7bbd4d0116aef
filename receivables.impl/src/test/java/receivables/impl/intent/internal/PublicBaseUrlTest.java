package receivables.impl.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {

    @Test
    void followsTheHttpPortUnlessSet() {
        assertThat(StoredPaymentIntents.publicBaseUrl("", "9090")).isEqualTo(URI.create("http://localhost:9090"));
        assertThat(StoredPaymentIntents.publicBaseUrl(null, null)).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(StoredPaymentIntents.publicBaseUrl(" https://ar.example.com ", "9090"))
                .isEqualTo(URI.create("https://ar.example.com"));
    }
}
