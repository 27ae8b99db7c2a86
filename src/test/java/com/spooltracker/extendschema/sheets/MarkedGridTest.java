package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Blocks of a getByDataFilter answer merged by position: which columns count as read. */
class MarkedGridTest {
    /** Ops (5 rows, 4 columns): a header block, a whole column C, and a block of B that shows only its header. */
    private static final String ANSWER = "{'sheets':[{'properties':{'sheetId':7,'title':'Ops','gridProperties':"
            + "{'rowCount':5,'columnCount':4}},'data':["
            + "{'rowData':[{'values':[{'formattedValue':'TAG'},{'formattedValue':'OT'},{'formattedValue':'N'}]}],"
            + "'columnMetadata':[{},{},{'developerMetadata':[{'metadataId':9,'metadataKey':'extendSchema.layoutColumn',"
            + "'metadataValue':'N'}]},{}]},"
            + "{'startColumn':2,'rowData':[{'values':[{'formattedValue':'N'}]},{},{'values':[{'formattedValue':'3'}]}],"
            + "'columnMetadata':[{'developerMetadata':[{'metadataId':9,'metadataKey':'extendSchema.layoutColumn',"
            + "'metadataValue':'N'}]}]},"
            + "{'startColumn':1,'rowData':[{'values':[{'formattedValue':'OT'}]}],'columnMetadata':[{}]}]},"
            + "{'properties':{'sheetId':8,'title':'Uni','gridProperties':{'rowCount':9,'columnCount':2}},'data':["
            + "{'rowData':[{'values':[{'formattedValue':'X'},{'formattedValue':'OT'}]}],'columnMetadata':[{},"
            + "{'developerMetadata':[{'metadataId':4,'metadataKey':'extendSchema.unionesColumn','metadataValue':'OT'}]}]}"
            + "]}]}";

    private static MarkedGrid.Read read(String json) throws IOException {
        return MarkedGrid.of(
                GridResponse.answer(new StringReader(json.replace('\'', '"')), false),
                "Ops",
                Optional.of("Uni"),
                false);
    }

    @Test
    void aColumnCountsAsReadOnlyWhenABlockFromRowOneHoldsMoreThanItsHeader() throws IOException {
        MarkedGrid.Read read = read(ANSWER);

        assertEquals(Set.of(2), read.snapshot().columnsRead());
        BitSet filled = new BitSet();
        filled.set(0);
        filled.set(2);
        assertEquals(filled, read.snapshot().filledRows(2));
        assertEquals(List.of("TAG", "OT", "N"), read.snapshot().columns().headers());
        assertEquals(List.of(new com.spooltracker.extendschema.schema.ColumnAnchor(2, 9, "N")), read.layoutMarks());
    }

    @Test
    void theOtherSheetsHeaderComesWithItsOwnMarksAndSheetId() throws IOException {
        MarkedGrid.Header uniones = read(ANSWER).other().orElseThrow();

        assertEquals(8, uniones.sheetId());
        assertEquals(List.of("X", "OT"), uniones.columns().headers());
        assertEquals(List.of(new com.spooltracker.extendschema.schema.ColumnAnchor(1, 4, "OT")), uniones.marks());
    }

    @Test
    void anAnswerWithoutTheHeaderRowsBlockIsNotGooglesAnswer() {
        String noHeader = ANSWER.replace(
                "'columnMetadata':[{},{},{'developerMetadata'", "'columnMetadata':[{},{'developerMetadata'");

        assertThrows(GridResponse.UnexpectedAnswer.class, () -> read(noHeader));
    }
}
