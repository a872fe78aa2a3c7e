package io.icprules.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Reads YAML hand-written by rule authors (fit test cases, column mappings) into a JSON tree,
 * typing plain scalars the way the CSV layout types cells rather than by YAML 1.1's loose rules: only {@code true} and {@code false} are booleans (so the
 * country code {@code NO} and the answer {@code yes} stay text), and only plain decimal digits are
 * numbers (so a code with a leading zero such as {@code 02134} stays text instead of turning into
 * an octal number, and {@code 1_000} or {@code 0x1F} are not silently converted).
 */
public final class YamlTree {

    /** A YAML parser factory that rejects a key repeated in one mapping. */
    public static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9]\\d*)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(0|[1-9]\\d*)?\\.\\d+([eE][+-]?\\d+)?|[+-]?(0|[1-9]\\d*)[eE][+-]?\\d+");

    private YamlTree() {
    }

    /**
     * Reads the value the parser stands on (its current token) and everything inside it.
     *
     * @param parser a parser positioned on a value's first token
     * @return the value; a missing node when the parser stands on nothing
     * @throws IOException when the YAML cannot be parsed
     */
    public static JsonNode read(JsonParser parser) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == null) {
            return NODES.missingNode();
        }
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    o.set(key, read(parser));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(parser));
                }
                return a;
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                String raw = parser.getText();
                return raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")
                        ? NODES.booleanNode(t == JsonToken.VALUE_TRUE) : NODES.textNode(raw);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String raw = parser.getText();
                if (INTEGER.matcher(raw).matches()) {
                    BigInteger v = new BigInteger(raw);
                    return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
                }
                if (DECIMAL.matcher(raw).matches()) {
                    return NODES.numberNode(new BigDecimal(raw));
                }
                return NODES.textNode(raw);
            }
            default -> {
                return NODES.textNode(parser.getText());
            }
        }
    }

    /**
     * The YAML parser's message without the indented lines that repeat the source (the line number
     * is reported separately).
     *
     * @param message the parser's message, may be null
     * @return one line
     */
    public static String problem(String message) {
        if (message == null) {
            return "unknown error";
        }
        return java.util.Arrays.stream(message.split("\\R"))
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip)
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
