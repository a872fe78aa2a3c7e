package io.icprules.evidence.report;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Builds an HTML (or inline SVG) document as text. Text and attribute values are always escaped;
 * only markup this package writes itself goes in raw.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(1 << 14);

    static String escape(String text) {
        return text == null ? "" : StringEscapeUtils.escapeHtml4(text);
    }

    /** Opens a tag with attributes given as name, value pairs; null values are left out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** Writes a tag with no content, such as {@code <rect .../>}. */
    Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Writes a tag holding escaped text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html newline() {
        out.append('\n');
        return this;
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
