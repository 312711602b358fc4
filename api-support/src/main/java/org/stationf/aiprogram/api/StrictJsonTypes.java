package org.stationf.aiprogram.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;

/**
 * A JSON value of the wrong type is refused (a 400 naming the field, see {@link ProblemMappers}) instead of converted.
 * Left to its defaults Jackson stores {@code "places": 5.7} as 5, {@code "name": 12} as "12", {@code "stage": 2} as
 * the third stage, {@code "requireOpenModel": 1} as true, the last of two {@code "name"} members, reads a number as a
 * date in seconds, so a browser's {@code Date.now()} becomes the year 55840, and reads a browser's {@code
 * toISOString()} sent for a date or a local date-time by dropping what does not fit: {@code "2024-01-08T23:30:00Z"} as
 * the date 2024-01-08 (in Paris it is the 9th), {@code "2023-12-01T22:59:59Z"} as 22:59:59 in the call's own zone (an
 * hour early in Paris): it changes what the caller sent without saying so. Text holding a number stays accepted
 * ({@code "amount": "10.00"}): it is how exact decimals are sent.
 */
@Singleton
public class StrictJsonTypes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // {"name": "A", "name": "B"} would keep B without a word; I-JSON (RFC 7493) refuses duplicate names.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setDefaultLeniency(false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("nul-free-text").addDeserializer(String.class, new NulFreeText()));
        mapper.registerModule(new SimpleModule("iso-8601-text-only").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean time = TemporalAccessor.class.isAssignableFrom(type) || type == Duration.class || ZoneId.class.isAssignableFrom(type);
                return time ? new TextOnly(deserializer) : deserializer;
            }
        }));
    }

    /**
     * Text without NUL characters (U+0000), which PostgreSQL cannot store in a text or jsonb column: refused here, with
     * the field named, rather than by the database with a refusal that names none.
     */
    private static final class NulFreeText extends StdScalarDeserializer<String> {

        NulFreeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (NulCharacters.in(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains a NUL character");
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Dates, times, durations and zones only as ISO-8601 text: no epoch numbers, no [2024, 1, 15] arrays. */
    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
