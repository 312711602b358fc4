package org.stationf.aiprogram.eventing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which event types a consumer handles, with the class its data is read into, and which it knowingly ignores.
 * Any other type is poison: it goes to the dead-letter topic.
 */
public final class EventRoutes {

    @FunctionalInterface
    public interface Handler<T> {
        void handle(ReceivedEvent event, T data);
    }

    record Route<T>(Class<T> dataType, Handler<T> handler) {
        void apply(ReceivedEvent event, Object data) {
            handler.handle(event, dataType.cast(data));
        }
    }

    private final Map<String, Route<?>> routes;
    private final Set<String> ignored;

    private EventRoutes(Map<String, Route<?>> routes, Set<String> ignored) {
        this.routes = Map.copyOf(routes);
        this.ignored = Set.copyOf(ignored);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Route<?>> route(String type) {
        return Optional.ofNullable(routes.get(type));
    }

    boolean ignores(String type) {
        return ignored.contains(type);
    }

    /** Whether the type is handled or ignored here: any other is poison to this consumer. */
    boolean knows(String type) {
        return routes.containsKey(type) || ignored.contains(type);
    }

    Set<String> knownTypes() {
        Set<String> known = new HashSet<>(routes.keySet());
        known.addAll(ignored);
        return known;
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new HashMap<>();
        private final Set<String> ignored = new HashSet<>();

        public <T> Builder on(String type, Class<T> dataType, Handler<T> handler) {
            routes.put(type, new Route<>(dataType, handler));
            return this;
        }

        /** Types of the family this consumer has no use for; they are acknowledged and skipped. */
        public Builder ignore(String... types) {
            ignored.addAll(Set.of(types));
            return this;
        }

        public EventRoutes build() {
            return new EventRoutes(routes, ignored);
        }
    }
}
