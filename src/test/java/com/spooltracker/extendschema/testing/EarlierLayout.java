package com.spooltracker.extendschema.testing;

import com.spooltracker.extendschema.local.DemoSpreadsheet;
import java.util.List;

/**
 * The layout an earlier demo had: the key column {@code TAG_SPOOL} in A and {@code OT} in B of
 * {@code Operaciones}; a 17-column {@code Uniones} with OT, DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN in
 * B, E, H, K. Not the tracker's; tests that build their own sheets use it, so the function is also
 * shown to find its columns by header on a layout it does not presume.
 */
public final class EarlierLayout {
    private static List<String> swapped(List<String> demo) {
        List<String> headers = new java.util.ArrayList<>(demo);
        java.util.Collections.swap(headers, 0, 6);
        java.util.Collections.swap(headers, 1, 2);
        return List.copyOf(headers);
    }

    /**
     * Operaciones headers, schema v3.0: the demo's, with {@code TAG_SPOOL} and {@code Plano} swapped (A ⇄ G)
     * and {@code OT} and {@code NV} swapped (B ⇄ C); version at 66, Estado_Detalle at 67.
     */
    public static final List<String> OPERACIONES_HEADERS = swapped(DemoSpreadsheet.OPERACIONES_HEADERS);

    public static final List<String> UNIONES_HEADERS = List.of(
            "ID",
            "OT",
            "N_UNION",
            "TAG_SPOOL",
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
            "NDT_FECHA",
            "NDT_STATUS",
            "version");

    private EarlierLayout() {}
}
