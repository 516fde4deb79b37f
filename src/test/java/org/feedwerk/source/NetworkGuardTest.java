package org.feedwerk.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkGuardTest {
    @ParameterizedTest(name = "{0} private={1}")
    @CsvSource({
        "127.0.0.1, true",
        "10.1.2.3, true",
        "192.168.1.1, true",
        "172.16.5.4, true",
        "169.254.169.254, true",
        "100.64.0.1, true",
        "::1, true",
        "fd00::1, true",
        "fe80::1, true",
        "0.0.0.0, true",
        "93.184.216.34, false",
        "8.8.8.8, false",
        "100.128.0.1, false",
        "2606:4700:4700::1111, false",
        "2001:db8::1, true",
        "'::127.0.0.1', true",
        "'::ffff:10.0.0.1', true",
        "'64:ff9b::7f00:1', true",
        "'64:ff9b::808:808', false",
        "'2002:7f00:1::', true",
        "'2002:808:808::', false",
        "'2001:0:4136::1', true",
        "0.1.2.3, true",
        "198.18.0.1, true",
        "198.19.255.1, true",
        "240.0.0.1, true",
        "255.255.255.255, true",
        "192.0.2.10, true",
        "203.0.113.9, true",
        "198.51.100.1, true",
        "192.0.0.8, true",
        "'fec0::1', true"
    })
    void classifiesAddresses(String address, boolean isPrivate) throws UnknownHostException {
        assertThat(NetworkGuard.isPrivate(InetAddress.getByName(address))).isEqualTo(isPrivate);
    }

    @Test
    void theAddressTheGuardCheckedIsTheOneTheClientGetsFromTheJvmCache() throws Exception {
        NetworkGuard.refusal(URI.create("http://localhost/"), false);

        String ttl = Security.getProperty("networkaddress.cache.ttl");
        assertThat(Integer.parseInt(ttl))
                .satisfiesAnyOf(
                        seconds -> assertThat(seconds).isGreaterThanOrEqualTo(NetworkGuard.ADDRESS_CACHE_SECONDS),
                        seconds -> assertThat(seconds).isEqualTo(-1));
    }
}
