package io.atrium.ui.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemCsvTest {

    @Test
    void shouldNeutraliseFormulasEvenBehindBlanksAndControlCharacters() {
        assertThat(ItemCsv.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ItemCsv.escape("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(ItemCsv.escape("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(ItemCsv.escape("  @SUM(A1)")).isEqualTo("'  @SUM(A1)");
        assertThat(ItemCsv.escape("\u0000text")).isEqualTo("'\u0000text");
    }

    @Test
    void shouldLeaveOrdinaryTextAlone() {
        assertThat(ItemCsv.escape("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(ItemCsv.escape("12.5")).isEqualTo("12.5");
        assertThat(ItemCsv.escape("-40.25")).isEqualTo("-40.25");
        assertThat(ItemCsv.escape("-1+2")).isEqualTo("'-1+2");
        assertThat(ItemCsv.escape("a = b")).isEqualTo("a = b");
        assertThat(ItemCsv.escape(null)).isEmpty();
    }
}
