package org.feedwerk.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkGuardTest {
    @ParameterizedTest(name = "{0} private={1}")
    @CsvSource({
        "127.0.0.1, true", "10.1.2.3, true", "192.168.1.1, true", "172.16.5.4, true", "169.254.169.254, true",
        "100.64.0.1, true", "::1, true", "fd00::1, true", "fe80::1, true", "0.0.0.0, true",
        "93.184.216.34, false", "8.8.8.8, false", "100.128.0.1, false", "2001:db8::1, false"
    })
    void classifiesAddresses(String address, boolean isPrivate) throws UnknownHostException {
        assertThat(NetworkGuard.isPrivate(InetAddress.getByName(address))).isEqualTo(isPrivate);
    }
}
