package org.stationf.aiprogram.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list, with the total count across all pages. */
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Items across all pages", example = "42") long total,
        @Schema(description = "Zero-based page number", example = "0") int page,
        @Schema(description = "Page size", example = "20") int size) {
}
