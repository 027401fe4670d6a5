package org.bitext.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpanTest {
    @Test
    void boldAndItalic() {
        assertEquals(List.of(new Span("a ", Span.Style.PLAIN), new Span("b", Span.Style.BOLD),
                new Span(" and ", Span.Style.PLAIN), new Span("From \"On Protracted War\"", Span.Style.ITALIC)),
                Span.parse("a **b** and *From \"On Protracted War\"*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "**Named Entities**", "*From \"On Protracted War\"*", "2 * 3 * 4", "a ** b",
            "***x***", "* item", "**", "*a**b*", "x*y", "**a *b* c**", ""})
    void markupGivesTheLineBack(String line) {
        assertEquals(line, Span.parse(line).stream().map(Span::markup).collect(Collectors.joining()));
    }
}
