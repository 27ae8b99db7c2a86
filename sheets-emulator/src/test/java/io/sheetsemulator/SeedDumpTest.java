package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class SeedDumpTest extends EmulatorFixture {

    @Test
    void dumpIsTrimmedDeterministicAndReseedsToTheSameSpreadsheet() {
        emu.seed("""
        {"spreadsheetId":"rt","title":"Round trip","sheets":[
          {"title":"Data","rowCount":20,"columnCount":6,"frozenRowCount":1,
           "rows":[["h1","h2",null],[1.0,2.5,true,"=A2&\\"x\\"",null],[],[null,null],[{"string":"=literal"}]],
           "formats":[{"range":"B2:B4","type":"NUMBER","pattern":"0.00"},{"range":"A3","type":"TEXT"}]},
          {"title":"Other"}]}
        """);
        JsonObject dump = emu.dump("rt");
        JsonObject expected = JsonParser.parseString("""
        {"spreadsheetId":"rt","title":"Round trip","locale":"en_US","timeZone":"Etc/GMT","sheets":[
          {"title":"Data","sheetId":0,"index":0,"rowCount":20,"columnCount":6,"frozenRowCount":1,
           "rows":[["h1","h2"],[1,2.5,true,"=A2&\\"x\\""],[],[],[{"string":"=literal"}]],
           "formats":[{"range":"A3","type":"TEXT"},{"range":"B2:B4","type":"NUMBER","pattern":"0.00"}]},
          {"title":"Other","sheetId":%d,"index":1,"rowCount":1000,"columnCount":26,"frozenRowCount":0,
           "rows":[],"formats":[]}]}
        """.formatted(dump.getAsJsonArray("sheets")
                        .get(1)
                        .getAsJsonObject()
                        .get("sheetId")
                        .getAsInt()))
                .getAsJsonObject();
        assertEquals(expected, dump);
        emu.seed(dump);
        assertEquals(dump, emu.dump("rt"));
    }

    @Test
    void seedingOutsideTheDeclaredGridIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> emu.seed(
                        "{\"spreadsheetId\":\"x\",\"sheets\":[{\"title\":\"S\",\"rowCount\":1,\"columnCount\":2,\"rows\":[[1],[2]]}]}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> emu.seed(
                        "{\"spreadsheetId\":\"x\",\"sheets\":[{\"title\":\"S\",\"rowCount\":5,\"columnCount\":2,\"rows\":[[1,2,3]]}]}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> emu.seed("{\"spreadsheetId\":\"x\",\"sheets\":[{\"title\":\"S\",\"rowCount\":5,\"columnCount\":2,"
                        + "\"formats\":[{\"range\":\"A1:C1\",\"type\":\"TEXT\"}]}]}"));
    }

    @Test
    void dumpOfAnUnknownSpreadsheetIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> emu.dump("nope"));
    }
}
