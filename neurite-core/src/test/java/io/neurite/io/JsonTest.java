package io.neurite.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesCompactJsonAndReadsItBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", 3);
        m.put("l", 5_000_000_000L);
        m.put("d", 0.1);
        m.put("e", 1.0E-8);
        m.put("s", "a\"b\\c\n\t\u0001é😀");
        m.put("b", true);
        m.put("n", null);
        m.put("list", List.of(1, List.of(), Map.of()));
        String text = Json.write(m);
        assertEquals("{\"i\":3,\"l\":5000000000,\"d\":0.1,\"e\":1.0E-8,\"s\":\"a\\\"b\\\\c\\n\\t\\u0001é😀\","
                + "\"b\":true,\"n\":null,\"list\":[1,[],{}]}", text);
        assertEquals(m, Json.parse(text));
    }

    @Test
    void readsNumbersAsIntegerLongOrDouble() {
        assertEquals(List.of(0, -7, 2147483648L, 1.5, 100.0, -0.25), Json.parse("[0,-7,2147483648,1.5,1e2,-2.5E-1]"));
        assertEquals("A\u00e9\ud83d\ude00/", Json.parse("\"\\u0041\\u00e9\\ud83d\\ude00\\/\""));
        assertEquals(Map.of("a", List.of(true, false)), Json.parse(" \n{ \"a\" : [ true , false ] }\t"));
    }

    @Test
    void refusesWhatRfc8259Forbids() {
        for (String bad : List.of("[1,]", "{\"a\":1,}", "01", "NaN", "[Infinity]", "{\"a\":1,\"a\":2}", "[1] x",
                "// c\n1", "\"tab\there\"", "\"\\ud800\"", "\"\\x\"", "[1", "{\"a\" 1}", "-", "1.", "1e", "'a'",
                "tru", "", "{a:1}", "1e999")) {
            assertThrows(Json.JsonException.class, () -> Json.parse(bad), bad);
        }
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertEquals(7, e.position());
        assertTrue(e.getMessage().contains("duplicate key \"a\""), e.getMessage());
    }

    @Test
    void refusesDeepNesting() {
        char[] open = new char[1000];
        Arrays.fill(open, '[');
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(new String(open)));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void writeRefusesNonFiniteNumbersAndOtherTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.write(List.of(Double.NaN)));
        assertTrue(e.getMessage().contains("JSON has no NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
        assertTrue(e.getMessage().contains("map keys must be strings"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertTrue(e.getMessage().contains("cannot write a java.lang.Object"), e.getMessage());
    }
}
