package com.spooltracker.extendschema.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.sheetsemulator.model.ColumnLetters;
import io.sheetsemulator.model.DateSerial;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The {@code demo} spreadsheet: a pipe-spool manufacturing tracker at schema v3.0. {@code Operaciones}
 * (67 columns, 1000 x 67 grid, 300 spools), {@code Uniones} (welded joints per spool) and
 * {@code Metadata} (an event log). Generated from a fixed seed, without reading the clock, so every
 * run yields the same cells.
 */
public final class DemoSpreadsheet {

    public static final String ID = "demo";
    public static final int SPOOLS = 300;

    /**
     * Operaciones headers, schema v3.0, in the tracker's own layout: NV in column B, OT in C (its union
     * repository joins "Operaciones.OT (Column C)" to "Uniones.OT (Column B)"), TAG_SPOOL in G (its
     * occupation write searches column G), version at 66, Estado_Detalle at 67.
     */
    public static final List<String> OPERACIONES_HEADERS = List.of(
            "Plano",
            "NV",
            "OT",
            "SPLIT",
            "Cliente",
            "Proyecto",
            "TAG_SPOOL",
            "Revision_Plano",
            "Linea",
            "Area",
            "Sistema",
            "Especificacion",
            "Material",
            "Diametro_Pulg",
            "Schedule",
            "Peso_Kg",
            "Longitud_M",
            "Cantidad_Uniones",
            "Pulgadas_Diametrales",
            "Fecha_Ingreso",
            "Fecha_Materiales",
            "Estado_Materiales",
            "Fecha_Corte",
            "Cortador",
            "Fecha_Armado",
            "Armador",
            "Fecha_Soldadura",
            "Soldador",
            "WPS",
            "Proceso_Soldadura",
            "Fecha_QC_Visual",
            "Inspector_Visual",
            "Fecha_QC_Metrología",
            "Inspector_Metrologia",
            "Resultado_Metrologia",
            "Requiere_NDT",
            "Tipo_NDT",
            "Fecha_NDT",
            "Resultado_NDT",
            "Requiere_PWHT",
            "Fecha_PWHT",
            "Fecha_Prueba_Hidro",
            "Resultado_Prueba_Hidro",
            "Fecha_Limpieza",
            "Fecha_Pintura",
            "Sistema_Pintura",
            "Espesor_Pintura_um",
            "Fecha_QC_Pintura",
            "Fecha_Despacho",
            "Guia_Despacho",
            "Destino",
            "Fecha_Recepcion_Obra",
            "Ubicacion",
            "Rack",
            "Prioridad",
            "Fecha_Compromiso",
            "Dias_Atraso",
            "Porcentaje_Avance",
            "Estado",
            "Observaciones",
            "Ocupado_Por",
            "Fecha_Ocupacion",
            "Ultima_Modificacion",
            "Modificado_Por",
            "Hash_Fila",
            "version",
            "Estado_Detalle");

    /**
     * Uniones headers in the 22-column layout the tracker documents for its Engineering team: OT in B,
     * DN_UNION in D, ARM_FECHA_FIN in G, SOL_FECHA_FIN in J.
     */
    public static final List<String> UNIONES_HEADERS = List.of(
            "ID_UNION",
            "OT",
            "N_UNION",
            "DN_UNION",
            "TIPO_UNION",
            "ARM_FECHA_INICIO",
            "ARM_FECHA_FIN",
            "ARM_WORKER",
            "SOL_FECHA_INICIO",
            "SOL_FECHA_FIN",
            "SOL_WORKER",
            "NDT_UNION",
            "R_NDT_UNION",
            "ID",
            "TAG_SPOOL",
            "NDT_FECHA",
            "NDT_STATUS",
            "version",
            "Creado_Por",
            "Fecha_Creacion",
            "Modificado_Por",
            "Fecha_Modificacion");

    public static final List<String> METADATA_HEADERS = List.of(
            "ID",
            "Timestamp",
            "Evento_Tipo",
            "TAG_SPOOL",
            "Worker_ID",
            "Worker_Nombre",
            "Operacion",
            "Accion",
            "Fecha_Operacion",
            "Metadata_JSON");

    private static final String[] WORKERS = {
        "Juan Pérez",
        "María González",
        "Luis Rojas",
        "Carla Muñoz",
        "Pedro Soto",
        "Ana Contreras",
        "Diego Fuentes",
        "Rosa Vergara"
    };
    private static final String[] STAGES = {
        "PENDIENTE", "MATERIALES", "CORTE", "ARMADO", "SOLDADURA", "METROLOGIA", "DESPACHADO"
    };
    private static final double[] DIAMETERS = {0.75, 1, 1.5, 2, 2.5, 3, 4, 6, 8, 10, 12};
    private static final LocalDate START = LocalDate.of(2025, 3, 3);

    private DemoSpreadsheet() {}

    /** The demo spreadsheet in seed format. */
    public static JsonObject seed() {
        Random random = new Random(20250303L);
        // Uniones' own variety (partial progress, bad DN cells, OT as text) draws from a second stream,
        // so that Operaciones stays exactly as it was before Uniones got it.
        Random unionVariety = new Random(20250304L);
        JsonObject json = new JsonObject();
        json.addProperty("spreadsheetId", ID);
        json.addProperty("title", "Tracker Spools - Demo");
        json.addProperty("locale", "es_CL");
        json.addProperty("timeZone", "America/Santiago");
        JsonArray sheets = new JsonArray();
        JsonArray operaciones = new JsonArray();
        JsonArray uniones = new JsonArray();
        JsonArray metadata = new JsonArray();
        operaciones.add(headerRow(OPERACIONES_HEADERS));
        uniones.add(headerRow(UNIONES_HEADERS));
        metadata.add(headerRow(METADATA_HEADERS));
        for (int i = 1; i <= SPOOLS; i++) {
            Spool spool = Spool.random(i, random);
            operaciones.add(spool.operacionesRow(i + 1, random));
            spool.addUniones(uniones, random, unionVariety);
            if (i % 15 == 0) {
                spool.addEvents(metadata, random);
            }
        }
        addOrphans(uniones);
        sheets.add(sheet(
                "Operaciones",
                0,
                1000,
                OPERACIONES_HEADERS.size(),
                operaciones,
                List.of(
                        dateFormat(20),
                        dateFormat(21),
                        dateFormat(23),
                        dateFormat(25),
                        dateFormat(27),
                        dateFormat(31),
                        dateFormat(33),
                        dateFormat(38),
                        dateFormat(49),
                        dateFormat(56),
                        dateTimeFormat(62),
                        dateTimeFormat(63),
                        format(16, "NUMBER", "#,##0.00"))));
        sheets.add(sheet(
                "Uniones",
                1_204_557_871,
                2000,
                UNIONES_HEADERS.size(),
                uniones,
                List.of(
                        rangeFormat("F2:G2000", "DATE_TIME", "dd/mm/yyyy hh:mm"),
                        rangeFormat("I2:J2000", "DATE_TIME", "dd/mm/yyyy hh:mm"),
                        rangeFormat("P2:P2000", "DATE", "dd/mm/yyyy"),
                        rangeFormat("T2:T2000", "DATE_TIME", "dd/mm/yyyy hh:mm"))));
        sheets.add(sheet(
                "Metadata",
                873_015_442,
                1000,
                METADATA_HEADERS.size(),
                metadata,
                List.of(
                        rangeFormat("B2:B1000", "DATE_TIME", "dd/mm/yyyy hh:mm:ss"),
                        rangeFormat("I2:I1000", "DATE", "dd/mm/yyyy"))));
        json.add("sheets", sheets);
        return json;
    }

    /** Unions of OTs no spool has (a cancelled work order, a typo): the refresh reports them. */
    private static void addOrphans(JsonArray uniones) {
        Object[][] orphans = {{"ANULADA-1", 1199, 2.0}, {"ANULADA-2", 1199, 3.0}, {"ANULADA-3", "12O4", 1.5}};
        for (Object[] orphan : orphans) {
            Object[] cells = new Object[UNIONES_HEADERS.size()];
            cells[0] = orphan[0] + "-U1";
            cells[1] = orphan[1];
            cells[2] = 1;
            cells[3] = orphan[2];
            cells[4] = "BW";
            cells[17] = 1;
            cells[18] = "Sistema";
            uniones.add(row(cells));
        }
    }

    private static JsonArray headerRow(List<String> headers) {
        JsonArray row = new JsonArray();
        headers.forEach(row::add);
        return row;
    }

    private static JsonObject sheet(
            String title, int sheetId, int rows, int columns, JsonArray data, List<JsonObject> formats) {
        JsonObject sheet = new JsonObject();
        sheet.addProperty("title", title);
        sheet.addProperty("sheetId", sheetId);
        sheet.addProperty("rowCount", rows);
        sheet.addProperty("columnCount", columns);
        sheet.addProperty("frozenRowCount", 1);
        sheet.add("rows", data);
        JsonArray f = new JsonArray();
        formats.forEach(f::add);
        sheet.add("formats", f);
        return sheet;
    }

    /** A DATE format on a 1-based Operaciones column, rows 2 to 1000. */
    private static JsonObject dateFormat(int column) {
        return format(column, "DATE", "dd/mm/yyyy");
    }

    private static JsonObject dateTimeFormat(int column) {
        return format(column, "DATE_TIME", "dd/mm/yyyy hh:mm:ss");
    }

    private static JsonObject format(int column, String type, String pattern) {
        String letters = ColumnLetters.of(column - 1);
        return rangeFormat(letters + "2:" + letters + "1000", type, pattern);
    }

    private static JsonObject rangeFormat(String range, String type, String pattern) {
        JsonObject f = new JsonObject();
        f.addProperty("range", range);
        f.addProperty("type", type);
        f.addProperty("pattern", pattern);
        return f;
    }

    /** One spool's generated facts; its stage says how far through the shop it has gone. */
    private record Spool(
            String tag,
            int ot,
            int stage,
            double diameter,
            int unions,
            LocalDate ingreso,
            String armador,
            String soldador,
            String occupiedBy) {

        static Spool random(int n, Random random) {
            int stage = random.nextInt(STAGES.length);
            String occupied = stage >= 2 && stage <= 4 && random.nextInt(5) == 0 ? worker(random) : null;
            return new Spool(
                    String.format("SP-%04d", n),
                    1200 + n / 12,
                    stage,
                    DIAMETERS[random.nextInt(DIAMETERS.length)],
                    1 + random.nextInt(5),
                    START.plusDays(n / 3),
                    worker(random),
                    worker(random),
                    occupied);
        }

        private static String worker(Random random) {
            int id = random.nextInt(WORKERS.length);
            return WORKERS[id] + " (" + (10 + id) + ")";
        }

        private JsonPrimitive date(int stageReached, int offsetDays) {
            return stage >= stageReached ? serial(ingreso.plusDays(offsetDays)) : null;
        }

        JsonArray operacionesRow(int rowNumber, Random random) {
            Object[] cells = new Object[OPERACIONES_HEADERS.size()];
            cells[0] = tag;
            cells[1] = ot;
            cells[2] = String.format("NV-%03d", 1 + ot % 40);
            cells[3] = random.nextInt(12) == 0;
            cells[4] = "Minera Los Andes";
            cells[5] = "Planta Concentradora Fase " + (1 + ot % 3);
            cells[6] = String.format("ISO-%05d", 10000 + ot * 7 % 9000);
            cells[7] = "R" + random.nextInt(3);
            cells[8] = String.format("L-%03d-%s", 100 + random.nextInt(200), random.nextBoolean() ? "AG" : "VP");
            cells[9] = "Area " + (200 + ot % 5 * 10);
            cells[10] = random.nextBoolean() ? "Agua de proceso" : "Relaves";
            cells[11] = random.nextBoolean() ? "A1A" : "B2C";
            cells[12] = random.nextBoolean() ? "ASTM A106 Gr.B" : "ASTM A312 TP316L";
            cells[13] = diameter;
            cells[14] = random.nextBoolean() ? "STD" : "40";
            cells[15] = Math.round(diameter * (20 + random.nextInt(200)) * 100) / 100.0;
            cells[16] = Math.round((0.5 + random.nextDouble() * 5.5) * 100) / 100.0;
            cells[17] = unions;
            cells[18] = "=N" + rowNumber + "*R" + rowNumber;
            cells[19] = serial(ingreso);
            cells[20] = date(1, 2);
            cells[21] = stage >= 1 ? "COMPLETO" : (random.nextBoolean() ? "PARCIAL" : null);
            cells[22] = date(2, 4);
            cells[23] = stage >= 2 ? worker(random) : null;
            cells[24] = date(3, 6);
            cells[25] = stage >= 3 ? armador : null;
            cells[26] = date(4, 9);
            cells[27] = stage >= 4 ? soldador : null;
            cells[28] = stage >= 4 ? "WPS-0" + (1 + random.nextInt(4)) : null;
            cells[29] = stage >= 4 ? (random.nextBoolean() ? "GTAW/SMAW" : "SMAW") : null;
            cells[30] = date(5, 10);
            cells[31] = stage >= 5 ? worker(random) : null;
            cells[32] = date(5, 11);
            cells[33] = stage >= 5 ? worker(random) : null;
            cells[34] = stage >= 5 ? (random.nextInt(10) == 0 ? "RECHAZADO" : "APROBADO") : null;
            boolean ndt = diameter >= 4;
            cells[35] = ndt;
            cells[36] = ndt ? "RT" : null;
            cells[37] = ndt ? date(5, 12) : null;
            cells[38] = ndt && stage >= 5 ? "ACEPTADO" : null;
            cells[39] = false;
            cells[48] = date(6, 15);
            cells[49] = stage >= 6 ? "GD-" + (5000 + random.nextInt(999)) : null;
            cells[50] = stage >= 6 ? "Obra Planta Fase " + (1 + ot % 3) : null;
            cells[52] = stage >= 6 ? null : "Patio " + (char) ('A' + random.nextInt(4));
            cells[53] = stage >= 6 ? null : "R-" + (1 + random.nextInt(30));
            cells[54] = random.nextInt(4) == 0 ? "ALTA" : "NORMAL";
            cells[55] = serial(ingreso.plusDays(20 + random.nextInt(20)));
            cells[57] = Math.round(stage * 100.0 / (STAGES.length - 1)) / 100.0;
            cells[58] = STAGES[stage];
            cells[59] = random.nextInt(8) == 0 ? "Revisar biselado" : null;
            cells[60] = occupiedBy;
            cells[61] = occupiedBy == null
                    ? null
                    : new JsonPrimitive(DateSerial.of(ingreso.plusDays(9)) + (8 + random.nextInt(9)) / 24.0);
            cells[62] = new JsonPrimitive(DateSerial.of(ingreso.plusDays(stage * 2)) + 0.5);
            cells[63] = stage >= 3 ? armador : "Sistema";
            cells[64] = Integer.toHexString(tag.hashCode() * 31 + stage);
            cells[65] = 1 + stage;
            cells[66] = STAGES[stage] + (occupiedBy == null ? "" : " - ocupado por " + occupiedBy);
            // Generated in the order of an earlier demo (key, OT, NV first), so the cells stay the same.
            swap(cells, 0, 6);
            swap(cells, 1, 2);
            return row(cells);
        }

        /**
         * One row per union. A spool being armed has only its first unions armed, one being welded
         * has all armed and its first welded, later stages have all welded. Now and then a DN_UNION is
         * not a number ("N/A", "2,5" typed as text, blank) and an OT is typed as text (" 1204 ").
         */
        void addUniones(JsonArray uniones, Random random, Random variety) {
            int armedUpTo = stage > 3 ? unions : stage == 3 ? 1 + variety.nextInt(unions) : 0;
            int weldedUpTo = stage > 4 ? unions : stage == 4 ? variety.nextInt(unions + 1) : 0;
            for (int u = 1; u <= unions; u++) {
                Object[] cells = new Object[GENERATED_UNION_COLUMNS];
                cells[0] = tag + "-U" + u;
                cells[1] = variety.nextInt(40) == 0 ? " " + ot + " " : ot;
                cells[2] = u;
                cells[3] = tag;
                cells[4] = u == unions ? diameter : DIAMETERS[random.nextInt(DIAMETERS.length)];
                int bad = variety.nextInt(120);
                if (bad < 3) {
                    cells[4] = new String[] {"N/A", String.valueOf(cells[4]).replace('.', ','), null}[bad];
                }
                cells[5] = random.nextInt(3) == 0 ? "SW" : "BW";
                if (stage >= 3) {
                    double start = DateSerial.of(ingreso.plusDays(5)) + (8 + u) / 24.0;
                    cells[6] = start;
                    cells[7] = u <= armedUpTo ? start + 2 / 24.0 : null;
                    cells[8] = armador;
                }
                if (stage >= 4 && u <= Math.max(weldedUpTo, 1)) {
                    double start = DateSerial.of(ingreso.plusDays(8)) + (8 + u) / 24.0;
                    cells[9] = start;
                    cells[10] = u <= weldedUpTo ? start + 3 / 24.0 : null;
                    cells[11] = soldador;
                }
                if (diameter >= 4) {
                    cells[12] = "RT";
                    cells[13] = "RT-" + ot + "-" + u;
                    cells[14] = stage >= 5 ? serial(ingreso.plusDays(12)) : null;
                    cells[15] = stage >= 5 ? "ACEPTADO" : "PENDIENTE";
                }
                cells[16] = 1 + (cells[7] != null ? 1 : 0) + (cells[10] != null ? 1 : 0);
                uniones.add(row(engineeringOrder(cells, uniones.size(), serial(ingreso))));
            }
        }

        void addEvents(JsonArray metadata, Random random) {
            String[][] events = {
                {"INICIAR_ARMADO", "ARM", "INICIAR"},
                {"COMPLETAR_ARMADO", "ARM", "COMPLETAR"},
                {"INICIAR_SOLDADURA", "SOLD", "INICIAR"},
                {"COMPLETAR_SOLDADURA", "SOLD", "COMPLETAR"}
            };
            int count = Math.min(events.length, Math.max(1, stage - 2) * 2);
            for (int e = 0; e < count; e++) {
                int workerId = random.nextInt(WORKERS.length);
                Object[] cells = new Object[METADATA_HEADERS.size()];
                cells[0] = String.format("%08x-0000-4000-8000-%012x", tag.hashCode() & 0x7fffffff, (long) e);
                cells[1] = DateSerial.of(ingreso.plusDays(5 + e)) + (9 + e) / 24.0;
                cells[2] = events[e][0];
                cells[3] = tag;
                cells[4] = 10 + workerId;
                cells[5] = WORKERS[workerId];
                cells[6] = events[e][1];
                cells[7] = events[e][2];
                cells[8] = serial(ingreso.plusDays(5 + e));
                cells[9] = "{\"ot\":" + ot + ",\"origen\":\"tablet\"}";
                metadata.add(row(cells));
            }
        }
    }

    /** The columns a union is generated with, in the order of an earlier demo (TAG_SPOOL fourth). */
    private static final int GENERATED_UNION_COLUMNS = 17;

    /** Where each generated union column goes in {@link #UNIONES_HEADERS}. */
    private static final int[] ENGINEERING_COLUMN = {0, 1, 2, 14, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17};

    private static Object[] engineeringOrder(Object[] generated, int id, JsonPrimitive created) {
        Object[] cells = new Object[UNIONES_HEADERS.size()];
        for (int c = 0; c < GENERATED_UNION_COLUMNS; c++) {
            cells[ENGINEERING_COLUMN[c]] = generated[c];
        }
        cells[13] = id;
        cells[18] = "Sistema";
        cells[19] = created;
        return cells;
    }

    private static void swap(Object[] cells, int a, int b) {
        Object kept = cells[a];
        cells[a] = cells[b];
        cells[b] = kept;
    }

    private static JsonPrimitive serial(LocalDate date) {
        return new JsonPrimitive((long) DateSerial.of(date));
    }

    private static JsonArray row(Object[] cells) {
        int last = cells.length - 1;
        while (last >= 0 && cells[last] == null) {
            last--;
        }
        JsonArray row = new JsonArray();
        for (int c = 0; c <= last; c++) {
            Object cell = cells[c];
            if (cell == null) {
                row.add(JsonNull.INSTANCE);
            } else if (cell instanceof JsonPrimitive p) {
                row.add(p);
            } else if (cell instanceof String s) {
                row.add(s);
            } else if (cell instanceof Boolean b) {
                row.add(b);
            } else {
                row.add((Number) cell);
            }
        }
        return row;
    }
}
