package com.spooltracker.extendschema.testing;

import java.util.List;

/**
 * The layout an earlier demo had: the key column {@code TAG_SPOOL} in A and {@code OT} in B of
 * {@code Operaciones}; a 17-column {@code Uniones} with OT, DN_UNION, ARM_FECHA_FIN and SOL_FECHA_FIN in
 * B, E, H, K. Not the tracker's; tests that build their own sheets use it, so the function is also
 * shown to find its columns by header on a layout it does not presume.
 */
public final class EarlierLayout {
    /** Operaciones headers, schema v3.0: TAG_SPOOL in column A, version at 66, Estado_Detalle at 67. */
    public static final List<String> OPERACIONES_HEADERS = List.of(
            "TAG_SPOOL",
            "OT",
            "NV",
            "SPLIT",
            "Cliente",
            "Proyecto",
            "Plano",
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
