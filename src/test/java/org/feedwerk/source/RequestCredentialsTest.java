package org.feedwerk.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCredentialsTest {
    private final RequestCredentials key =
            new RequestCredentials(Map.of(), Map.of("api-key", "s3cr+t/=", "desk", "desk 1"));

    @Test
    void theKeyIsSetOnTheAddressSentReplacingOneOfTheSameName() throws Exception {
        assertThat(key.addedTo(URI.create("https://api.example.org/search?q=harbour&api-key=old#top")))
                .hasToString("https://api.example.org/search?q=harbour&api-key=s3cr%2Bt%2F%3D&desk=desk+1#top");
        assertThat(key.addedTo(URI.create("https://api.example.org")))
                .hasToString("https://api.example.org/?api-key=s3cr%2Bt%2F%3D&desk=desk+1");
        URI plain = URI.create("https://api.example.org/feed?page=2");
        assertThat(RequestCredentials.NONE.addedTo(plain)).isSameAs(plain);
    }

    @Test
    void noAddressThatIsKeptOrShownCarriesTheKey() {
        assertThat(key.removedFrom("https://api.example.org/search?api-key=s3cr%2Bt%2F%3D&page=2&q=a%26b"))
                .isEqualTo("https://api.example.org/search?page=2&q=a%26b");
        assertThat(key.removedFrom("https://api.example.org/search?api%2Dkey=s3cr%2Bt%2F%3D&desk=x"))
                .as("a name written encoded")
                .isEqualTo("https://api.example.org/search");
        assertThat(key.removedFrom("https://api.example.org/feed#latest"))
                .isEqualTo("https://api.example.org/feed#latest");
        assertThat(key.removedFrom("https://api.example.org/feed?broken=%zz&api-key=s3cr%2Bt%2F%3D"))
                .as("an address URI refuses")
                .isEqualTo("https://api.example.org/feed?broken=%zz");
        assertThat(key.removedFrom("https://api.example.org/desk/feed?desk=desk+1"))
                .isEqualTo("https://api.example.org/desk/feed");
        assertThat(key.hiddenIn("invalid redirect location: /v2?api-key=s3cr%2Bt%2F%3D&desk=desk+1"))
                .isEqualTo("invalid redirect location: /v2?api-key=…&desk=…");
        assertThat(new RequestCredentials(Map.of(), Map.of("v", "2")).hiddenIn("HTTP 502 from v2"))
                .as("too short to be a secret")
                .isEqualTo("HTTP 502 from v2");
    }
}
