package io.atrium.runtime.outbound;

import io.atrium.runtime.config.AtriumProperties;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Decides whether a call from user configuration may reach an address. Every address the host
 * name resolves to is checked, so a public name pointing at a private address is refused too;
 * callers connect to the address checked ({@link #resolve(URI)}), not to a second lookup.
 */
@Component
public class OutboundAddresses {

    private final List<String> hosts = new ArrayList<>();
    private final List<Cidr> ranges = new ArrayList<>();

    /** A range of addresses, e.g. {@code 10.0.0.0/8}. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            try {
                byte[] address = literal(text.substring(0, slash)).getAddress();
                int bits = Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("The range " + text + " has a prefix length out of bounds");
                }
                return new Cidr(address, bits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The range " + text + " is not address/prefix-length", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    public OutboundAddresses(AtriumProperties properties) {
        this(properties.outbound().allowedHosts());
    }

    /** @param allowed host names, addresses and CIDR ranges let through although not public */
    public OutboundAddresses(List<String> allowed) {
        for (String entry : allowed) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (value.contains("/")) {
                ranges.add(Cidr.parse(value));
            } else if (isLiteral(value)) {
                byte[] address = literal(value).getAddress();
                ranges.add(new Cidr(address, address.length * 8));
            } else {
                hosts.add(value);
            }
        }
    }

    /**
     * The addresses the URI's host resolves to, if the call may go there.
     *
     * @throws OutboundRefusedException naming the host and why, if it may not
     */
    public List<InetAddress> resolve(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException("Only http and https addresses may be called, not " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new OutboundRefusedException("The address " + uri + " names no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("The host " + host + " is unknown");
        }
        boolean namedAllowed = hosts.contains(host);
        for (InetAddress address : addresses) {
            if (!namedAllowed && isInternal(address) && ranges.stream().noneMatch(r -> r.contains(address))) {
                throw new OutboundRefusedException("The host " + host + " is " + address.getHostAddress()
                        + ", an internal address; an administrator may allow it in atrium.outbound.allowed-hosts");
            }
        }
        return List.of(addresses);
    }

    /** Loopback, private, link-local, unique-local, carrier-grade NAT, unspecified, multicast or metadata. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
        boolean mappedV4 = isMappedV4(b);
        if (mappedV4) {
            try {
                return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return uniqueLocal;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static final java.util.regex.Pattern V4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final java.util.regex.Pattern V6 = java.util.regex.Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

    private static boolean isLiteral(String value) {
        return V4.matcher(value).matches() || V6.matcher(value).matches();
    }

    /** An address written as digits; never a name lookup. */
    static InetAddress literal(String value) {
        if (!isLiteral(value)) {
            throw new IllegalArgumentException(value + " is not an IP address");
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(value + " is not an IP address", e);
        }
    }
}
