package org.stationf.aiprogram.gateway.routing;

import io.vertx.core.json.Json;
import org.stationf.aiprogram.api.Problem;

import java.util.List;
import java.util.Map;

/** problem+json bodies the gateway answers with itself. */
final class Problems {

    private Problems() {
    }

    static String json(int status, String slug, String title, String detail, String instance, String requestId, Map<String, Object> extensions) {
        return Json.encode(Problem.of(slug, title, status, detail, instance, requestId, List.of(), extensions));
    }
}
