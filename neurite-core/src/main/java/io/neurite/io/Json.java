package io.neurite.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal strict JSON (RFC 8259) writer and reader for checkpoint headers and sidecars. Values are
 * null, Boolean, String, Number (read back as Integer, Long or Double: a number with a fraction or
 * exponent is a Double), List and Map with String keys (read back in file order). The reader
 * rejects anything RFC 8259 does not allow: trailing commas, comments, NaN, duplicate keys, lone
 * surrogates, control characters in strings, leading zeros, text after the value.
 */
public final class Json {

    private static final int MAX_DEPTH = 256;

    private Json() {}

    /** Compact JSON text of {@code value} (no spaces; non-ASCII characters written as is). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("Json.write: nested deeper than " + MAX_DEPTH);
        switch (value) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case String s -> quote(s, sb);
            case Integer i -> sb.append(i);
            case Long l -> sb.append(l);
            case Short s -> sb.append(s);
            case Byte b -> sb.append(b);
            case Double d -> sb.append(finite(d));
            case Float f -> sb.append(finite(f.doubleValue()));
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) sb.append(',');
                    write(list.get(i), sb, depth + 1);
                }
                sb.append(']');
            }
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (var e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        String type = e.getKey() == null ? "null" : e.getKey().getClass().getSimpleName();
                        throw new IllegalArgumentException("Json.write: map keys must be strings, got "
                                + e.getKey() + " (" + type + ")");
                    }
                    if (!first) sb.append(',');
                    first = false;
                    quote(key, sb);
                    sb.append(':');
                    write(e.getValue(), sb, depth + 1);
                }
                sb.append('}');
            }
            default -> throw new IllegalArgumentException("Json.write: cannot write a "
                    + value.getClass().getName() + " (" + value
                    + "); expected null, Boolean, String, Number, List or Map");
        }
    }

    private static String finite(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("Json.write: JSON has no " + d + "; encode non-finite numbers first");
        }
        return Double.toString(d);
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /**
     * Parses one JSON value filling all of {@code text}. Maps and lists are unmodifiable.
     *
     * @throws JsonException naming the character position and what was wrong
     */
    public static Object parse(String text) {
        Reader r = new Reader(text);
        r.skipSpace();
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) throw r.error("unexpected text after the JSON value");
        return value;
    }

    /** A JSON syntax error at character {@code position} of the text. */
    public static final class JsonException extends IllegalArgumentException {
        private final int position;

        JsonException(int position, String reason) {
            super("JSON error at character " + position + ": " + reason);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        JsonException error(String reason) {
            return new JsonException(pos, reason);
        }

        void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                pos++;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
            if (pos >= s.length()) throw error("unexpected end of text, expected a value");
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) yield number();
                    throw error("unexpected character '" + c + "', expected a value");
                }
            };
        }

        Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) throw error("invalid literal, expected '" + word + "'");
            pos += word.length();
            return value;
        }

        Map<String, Object> object(int depth) {
            pos++;
            Map<String, Object> out = new LinkedHashMap<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return Collections.unmodifiableMap(out);
            }
            while (true) {
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a string key");
                int keyPos = pos;
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                Object v = value(depth + 1);
                if (out.containsKey(key)) throw new JsonException(keyPos, "duplicate key \"" + key + "\"");
                out.put(key, v);
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return Collections.unmodifiableMap(out);
            }
        }

        List<Object> array(int depth) {
            pos++;
            List<Object> out = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return Collections.unmodifiableList(out);
            }
            while (true) {
                skipSpace();
                out.add(value(depth + 1));
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return Collections.unmodifiableList(out);
            }
        }

        void expect(char c) {
            if (pos >= s.length()) throw error("unexpected end of text, expected '" + c + "'");
            if (s.charAt(pos) != c) throw error("expected '" + c + "', got '" + s.charAt(pos) + "'");
            pos++;
        }

        String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw error("unterminated string");
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) throw error("control character U+" + String.format("%04X", (int) c) + " in a string");
                if (Character.isSurrogate(c)) {
                    boolean pair = Character.isHighSurrogate(c) && pos + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(pos + 1));
                    if (!pair) {
                        throw error("lone surrogate in a string");
                    }
                    sb.append(c).append(s.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= s.length()) throw error("unterminated escape");
                char e = s.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(unicodeEscape());
                    default -> {
                        pos -= 2;
                        throw error("invalid escape '\\" + e + "'");
                    }
                }
            }
        }

        String unicodeEscape() {
            char c = hex4();
            if (Character.isHighSurrogate(c) && s.startsWith("\\u", pos)) {
                pos += 2;
                char low = hex4();
                if (!Character.isLowSurrogate(low)) throw error("high surrogate not followed by a low surrogate");
                return new String(new char[] {c, low});
            }
            if (Character.isSurrogate(c)) throw error("lone surrogate escape");
            return String.valueOf(c);
        }

        char hex4() {
            if (pos + 4 > s.length()) throw error("truncated \\u escape");
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(pos + i), 16);
                if (d < 0) throw error("invalid hex digit in \\u escape");
                v = v * 16 + d;
            }
            pos += 4;
            return (char) v;
        }

        Number number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            if (pos >= s.length()) throw error("truncated number");
            if (s.charAt(pos) == '0') {
                pos++;
                if (pos < s.length() && isDigit(s.charAt(pos))) throw error("leading zero in a number");
            } else if (!digits()) {
                throw error("expected a digit");
            }
            boolean integral = true;
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                if (!digits()) throw error("expected a digit after '.'");
                integral = false;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                if (!digits()) throw error("expected a digit in the exponent");
                integral = false;
            }
            String text = s.substring(start, pos);
            if (integral) {
                try {
                    long l = Long.parseLong(text);
                    if (l == (int) l) return Integer.valueOf((int) l);
                    return Long.valueOf(l);
                } catch (NumberFormatException e) {
                    throw new JsonException(start, "integer " + text + " does not fit in 64 bits");
                }
            }
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) throw new JsonException(start, "number " + text + " overflows a double");
            return d;
        }

        boolean digits() {
            int start = pos;
            while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
            return pos > start;
        }

        static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
