package org.stationf.aiprogram.resources.partner;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a partner may point its own webhooks: an https URL whose host resolves to public addresses only, so that no
 * partner can make resources-service POST to itself, its neighbours or a cloud's metadata service (server-side
 * request forgery). Checked when the partner sets the URL and again before each delivery, since a name can be made to
 * resolve elsewhere later. URLs an admin sets are trusted as they are (a receiver on a private network, a test one).
 */
public final class PartnerWebhookUrls {

    private PartnerWebhookUrls() {
    }

    /** Why the URL may not be called on a partner's word, or empty when it may. */
    public static Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("must be an https URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("names a host that resolves to " + address.getHostAddress() + ", not a public address");
            }
        }
        return Optional.empty();
    }

    /** Not this machine, not a private, shared, link-local, multicast or reserved network. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean sharedAddressSpace = first == 100 && (second & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
            boolean protocolAssignments = first == 192 && second == 0 && (bytes[2] & 0xff) == 0; // 192.0.0.0/24
            return first != 0 && first < 224 && !sharedAddressSpace && !protocolAssignments;
        }
        return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
    }
}
