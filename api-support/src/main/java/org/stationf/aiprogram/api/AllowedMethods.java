package org.stationf.aiprogram.api;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods a path of this service answers, for the {@code Allow} header a 405 must carry (RFC 9110 §15.5.6):
 * Quarkus REST reports a method not allowed without saying which are. Read once from the REST resources themselves.
 */
final class AllowedMethods {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private record Route(Pattern path, String method) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /** The methods allowed on a path such as /calls/7d3c…, HEAD and OPTIONS included; empty for a path nothing serves. */
    static Set<String> on(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add(HttpMethod.OPTIONS);
            if (allowed.contains(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD);
            }
        }
        return allowed;
    }

    private static List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    Path sub = method.getAnnotation(Path.class);
                    for (var annotation : method.getAnnotations()) {
                        HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (verb != null) {
                            found.add(new Route(regex(root.value() + "/" + (sub == null ? "" : sub.value())), verb.value()));
                        }
                    }
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static Pattern regex(String template) {
        String path = ("/" + template).replaceAll("/+", "/");
        path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        StringBuilder regex = new StringBuilder();
        Matcher parameter = TEMPLATE.matcher(path);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(last, parameter.start())))
                    .append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).trim()).append(')');
            last = parameter.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(last))).append("/?").toString());
    }
}
