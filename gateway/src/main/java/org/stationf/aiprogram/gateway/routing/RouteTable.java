package org.stationf.aiprogram.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which upstream serves a public path: the route with the longest matching prefix. */
@ApplicationScoped
public class RouteTable {

    /** A configured upstream, with its address parsed. */
    public record Upstream(String name, GatewayConfig.Route route, String host, int port, boolean ssl) {
        public String forwardedPath(String path) {
            String rest = path.substring(forwardedStart(path));
            return rest.isEmpty() ? "/" : rest;
        }

        /**
         * Whether the path would reach the service's own {@code /q/}: a first forwarded segment of "q", however many
         * slashes lead to it (/q, /q/metrics, //q/metrics, /q;x/metrics). Read in place: it runs for every request.
         */
        boolean reachesFrameworkPath(String path) {
            int start = forwardedStart(path);
            while (start < path.length() && path.charAt(start) == '/') {
                start++;
            }
            int end = start + 1;
            return path.startsWith("q", start) && (path.length() == end || path.charAt(end) == '/' || path.charAt(end) == ';');
        }

        /** Where the forwarded path begins in the public one: after the prefix the route strips. */
        private int forwardedStart(String path) {
            String strip = route.stripPrefix();
            return !strip.isEmpty() && path.startsWith(strip) ? strip.length() : 0;
        }
    }

    private record Prefix(String prefix, Upstream upstream) {
    }

    private final List<Prefix> prefixes = new ArrayList<>();
    private final List<Upstream> upstreams = new ArrayList<>();

    @Inject
    public RouteTable(GatewayConfig config) {
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            URI uri = URI.create(entry.getValue().upstream());
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
            Upstream upstream = new Upstream(entry.getKey(), entry.getValue(), uri.getHost(), port, ssl);
            upstreams.add(upstream);
            for (String prefix : entry.getValue().prefixes()) {
                prefixes.add(new Prefix(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix, upstream));
            }
        }
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.prefix().length()).reversed());
        upstreams.sort(Comparator.comparing(Upstream::name));
    }

    /**
     * The upstream a path is forwarded to; none for a path under a service's own {@code /q/} (its metrics, health,
     * OpenAPI document and Swagger UI), which stay on the internal network whatever public prefix would reach them.
     */
    public Optional<Upstream> match(String path) {
        Prefix found = find(path);
        return found == null || found.upstream().reachesFrameworkPath(path) ? Optional.empty() : Optional.of(found.upstream());
    }

    /** The public prefix a path is routed by: /api/calls for /api/calls/42/publish. */
    public Optional<String> prefixOf(String path) {
        Prefix found = find(path);
        return found == null ? Optional.empty() : Optional.of(found.prefix());
    }

    /** Runs for every proxied request, hence a plain loop that allocates nothing. */
    private Prefix find(String path) {
        for (Prefix candidate : prefixes) {
            String prefix = candidate.prefix();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return candidate;
            }
        }
        return null;
    }

    public Optional<Upstream> byName(String name) {
        return upstreams.stream().filter(upstream -> upstream.name().equals(name)).findFirst();
    }

    public List<Upstream> upstreams() {
        return List.copyOf(upstreams);
    }
}
