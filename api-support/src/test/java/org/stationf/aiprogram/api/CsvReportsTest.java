package org.stationf.aiprogram.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReportsTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeAndLinesEndInCrLf() {
        String csv = CsvReports.of(List.of("company", "score", "note"), Stream.of(
                Arrays.asList("Mistral Garden, SAS", new BigDecimal("1E+1"), "said \"great\"\nthen left"),
                Arrays.asList("Agrillama", new BigDecimal("-0.8731"), null)));

        assertThat(csv).isEqualTo("company,score,note\r\n"
                + "\"Mistral Garden, SAS\",10,\"said \"\"great\"\"\nthen left\"\r\n"
                + "Agrillama,-0.8731,\r\n");
    }

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaIsOpenedAsText() {
        String csv = CsvReports.of(List.of("company"), Stream.of(List.of("=HYPERLINK(\"http://evil.example\")"), List.of("+33 1 23"),
                List.of("-attack"), List.of("@SUM(A1)"), List.of("\t=1+1"), List.of("\r=1+1")));

        assertThat(Arrays.stream(csv.split("\r\n")).skip(1)).containsExactly("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", "'+33 1 23", "'-attack", "'@SUM(A1)",
                "'\t=1+1", "\"'\r=1+1\"");
    }
}
