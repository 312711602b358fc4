package org.stationf.aiprogram.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page of a list a caller asks for, alike in every service: {@code page} (zero-based) and {@code size} (1-100, 20
 * unless said), read as text so that a bad value is a 400 naming it. A list resource takes it as a {@code @BeanParam}.
 */
public class PageRequest {

    @QueryParam("page")
    @Parameter(description = "Zero-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
    String size;

    public int page() {
        return QueryParams.intOf("page", page, 0, 0, 1_000_000);
    }

    public int size() {
        return QueryParams.intOf("size", size, 20, 1, 100);
    }
}
